"""What it takes to move from one role to another: training, exam, licence, what carries over, and
the change in pay and outlook. Pure functions over profiles; the result is data (steps with a kind
and values), and the renderers put it into words (:mod:`rolecmp.render.words`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rolecmp.profile import Profile
from rolecmp.records import NamedTuple
from rolecmp.similarity import Driver, Similarity, gaps, similarity

if TYPE_CHECKING:
    from rolecmp.render.base import Renderer, T


class Step(NamedTuple):
    """One step or fact of a move. ``kind`` is one of :data:`STEP_KINDS`; ``values`` holds its
    data (numbers, codes, names; the role files' own words where the step quotes them)."""

    kind: str
    values: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.values}


#: The kinds of step, in the order a person takes them.
STEP_KINDS = ("training", "bls_entry", "credential", "licensure", "state_licensure",
              "usual_route", "carries_over", "new_to_learn", "similarity", "pay", "outlook")


class Move(NamedTuple):
    """The path from ``start`` to ``goal``."""

    start: Profile
    goal: Profile
    similarity: Similarity | None
    note: str | None  # what the start role's file says about this move, if anything
    learn: tuple[Driver, ...] = ()
    state_licensure: Any = None  # rolecmp.licensure.StateLicensure of the goal, when asked for

    def render_with(self, renderer: Renderer[T]) -> T:
        """Hand this result to ``renderer``'s method for it."""
        return renderer.move(self)

    @property
    def releases(self) -> list[str]:
        found = [*self.start.releases, *self.goal.releases]
        if self.similarity is not None:
            from rolecmp.similarity import profile_release_id

            found.append(profile_release_id())
        return sorted(set(found))

    @property
    def pay_change(self) -> int | None:
        a, b = self.start.pay, self.goal.pay
        if a is None or b is None or a.median_annual is None or b.median_annual is None:
            return None
        return b.median_annual - a.median_annual

    def steps(self) -> list[Step]:
        """The move as steps, in the order a person takes them."""
        goal = self.goal
        role = goal.role
        steps = [Step("training", {
            "curated": role.education is not None,
            "credential_levels": list(role.education.credential_levels) if role.education
            else None,
            "program_months": role.education.program_months._asdict() if role.education
            else None,
            "path": role.education.path if role.education else None})]
        if goal.entry:
            steps.append(Step("bls_entry", {
                "education": goal.entry.education, "work_experience": goal.entry.work_experience,
                "on_the_job_training": goal.entry.on_the_job_training,
                "soc_code": goal.outlook.soc_code if goal.outlook else role.soc_code,
                "group": goal.group_figures, "release": goal.entry.release}))
        cert = role.certification
        steps.append(Step("credential", {
            "curated": cert is not None, "status": cert.status if cert else None,
            "credentials": [c._asdict() for c in cert.credentials] if cert else []}))
        steps.append(Step("licensure", {"curated": role.licensure is not None,
                                        "summary": role.licensure}))
        if self.state_licensure is not None:
            steps.append(Step("state_licensure", self.state_licensure.to_dict()))
        if self.note:
            steps.append(Step("usual_route", {"how": self.note}))
        sim = self.similarity
        steps.append(Step("carries_over", {
            "known": sim is not None,
            "unrated": [p.role.name for p in (self.start, self.goal) if p.skills is None],
            "elements": [d.to_dict() for d in sim.shared] if sim else []}))
        if sim is not None:
            steps.append(Step("new_to_learn", {"elements": [d.to_dict() for d in self.learn]}))
            steps.append(Step("similarity", sim.to_dict()))
        steps.append(Step("pay", self._pay()))
        steps.append(Step("outlook", self._outlook()))
        return steps

    def _pay(self) -> dict[str, Any]:
        a, b = self.start.pay, self.goal.pay
        change = self.pay_change
        a_median = a.median_annual if a else None
        return {
            "area": self.goal.area, "area_code": self.goal.area_code,
            "from": a.to_dict() | {"group": self.start.group_figures} if a else None,
            "to": b.to_dict() | {"group": self.goal.group_figures} if b else None,
            "from_range": self.start.pay_range.to_dict() if self.start.pay_range else None,
            "to_range": self.goal.pay_range.to_dict() if self.goal.pay_range else None,
            "change_annual": change,
            "change_pct": round(100 * change / a_median, 1) if change is not None and a_median
            else None,
            "group": self.start.group_figures or self.goal.group_figures,
        }

    def _outlook(self) -> dict[str, Any]:
        a, b = self.start.outlook, self.goal.outlook
        return {
            "from": a.to_dict() | {"group": self.start.group_figures} if a else None,
            "to": b.to_dict() | {"group": self.goal.group_figures} if b else None,
            "to_range": self.goal.outlook_range.to_dict() if self.goal.outlook_range else None,
            "group": self.start.group_figures or self.goal.group_figures,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": {"id": self.start.role.id, "name": self.start.role.name,
                     "tier": self.start.role.tier, "soc_code": self.start.role.soc_code},
            "to": {"id": self.goal.role.id, "name": self.goal.role.name,
                   "tier": self.goal.role.tier, "soc_code": self.goal.role.soc_code},
            "steps": [s.to_dict() for s in self.steps()],
            "sources": self.releases,
        }


def plan_move(start: Profile, goal: Profile, state_licensure: Any = None) -> Move:
    """The path from one role to another (with what ``state_licensure`` says the goal needs in
    one state, when given)."""
    note = next((s.how for s in start.role.next_steps if s.role == goal.role.id), None)
    known = {p.role.id: p.skills for p in (start, goal) if p.skills is not None}
    sim = similarity(start.role, goal.role, known=known)
    learn = gaps(start.role, goal.role, known=known) if sim is not None else ()
    return Move(start, goal, sim, note, learn, state_licensure)
