"""What it takes to move from one role to another: training, exam, what carries over, and the
change in pay and outlook. Pure functions over profiles."""

from __future__ import annotations

from typing import Any, NamedTuple

from rolecmp.compare import bls_entry_label, credential_levels, money, program_length
from rolecmp.profile import Profile
from rolecmp.similarity import Similarity, Vector, gaps, similarity


class Move(NamedTuple):
    """The path from ``start`` to ``goal``."""

    start: Profile
    goal: Profile
    similarity: Similarity | None
    note: str | None  # what the start role's file says about this move, if anything

    @property
    def releases(self) -> list[str]:
        return sorted({*self.start.releases, *self.goal.releases})

    @property
    def pay_change(self) -> int | None:
        a, b = self.start.pay, self.goal.pay
        if a is None or b is None or a.median_annual is None or b.median_annual is None:
            return None
        return b.median_annual - a.median_annual

    def steps(self) -> list[tuple[str, str]]:
        """The move as (heading, text) pairs, in the order a person takes them."""
        goal = self.goal.role
        steps = [("Training", f"{credential_levels(goal)}, {program_length(goal)}: "
                              f"{' '.join(goal.education.path.split())}")]
        if self.goal.entry:
            steps.append((bls_entry_label(self.goal), self.goal.entry.education))
        creds = goal.certification.credentials
        exam = "; ".join(f"{c.abbreviation} from {c.body}" for c in creds) or "none listed"
        steps.append((f"Credential ({goal.certification.status})", exam))
        steps.append(("Licensure", goal.licensure))
        if self.note:
            steps.append(("The usual route", self.note))
        sim = self.similarity
        if sim is not None:
            steps.append(("Carries over", "; ".join(d.element for d in sim.shared)
                          or "little: the two roles share few strengths"))
            steps.append(("New to learn", "; ".join(
                f"{d.element} ({d.ratings[0]:.1f} now, {d.ratings[1]:.1f} in the new role)"
                for d in gaps(self.start.role, goal, known=self._known()))
                or "nothing rated much higher"))
            steps.append(("Similarity", f"{sim.score:.2f} (O*NET 30.1; 1 = same emphases)"))
        else:
            steps.append(("Carries over", "unknown: O*NET has no profile for one of the roles"))
        steps.append(("Median pay", self._pay_text()))
        steps.append(("Outlook 2024-34", self._outlook_text()))
        return steps

    def _known(self) -> dict[str, Vector]:
        return {p.role.id: p.onet for p in (self.start, self.goal) if p.onet is not None}

    def _pay_text(self) -> str:
        a, b = self.start.pay, self.goal.pay
        ranged = self.goal.pay_range or self.start.pay_range
        if ranged is not None and (a is None or b is None):
            here = money(a.median_annual) if a else f"{money(ranged.low)}-{money(ranged.high)}"
            there = money(b.median_annual) if b else f"{money(ranged.low)}-{money(ranged.high)}"
            return f"{here} to {there} (a range: the specialties' BLS medians)"
        if a is None or b is None or self.pay_change is None:
            return "unknown for one of the roles"
        assert a.median_annual is not None
        change = self.pay_change
        pct = 100 * change / a.median_annual
        sign = "+" if change >= 0 else "-"
        return (f"{money(a.median_annual)} to {money(b.median_annual)} "
                f"({sign}{money(abs(change))}, {pct:+.0f}%; {b.area})")

    def _outlook_text(self) -> str:
        a, b = self.start.outlook, self.goal.outlook
        r = self.goal.outlook_range
        if a is not None and b is None and r is not None:
            return (f"{a.employment_change_pct:+.1f}% to {r.low:+.1f}%-{r.high:+.1f}% jobs "
                    "(a range over the specialties)")
        if a is None or b is None:
            return "unknown for one of the roles"
        return (f"{a.employment_change_pct:+.1f}% to {b.employment_change_pct:+.1f}% jobs; "
                f"{b.annual_openings:,} openings a year in the new role")

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": {"id": self.start.role.id, "name": self.start.role.name},
            "to": {"id": self.goal.role.id, "name": self.goal.role.name},
            "steps": [{"step": k, "detail": v} for k, v in self.steps()],
            "program": {"credential_levels": list(self.goal.role.education.credential_levels),
                        "program_months": self.goal.role.education.program_months._asdict(),
                        "path": self.goal.role.education.path},
            "credentials": [c._asdict() for c in self.goal.role.certification.credentials],
            "similarity": self.similarity.to_dict() if self.similarity else None,
            "pay_change_annual": self.pay_change,
            "outlook": {"from": self.start.outlook.to_dict() if self.start.outlook else None,
                        "to": self.goal.outlook.to_dict() if self.goal.outlook else None},
            "sources": self.releases,
        }


def plan_move(start: Profile, goal: Profile) -> Move:
    """The path from one role to another."""
    note = next((s.how for s in start.role.next_steps if s.role == goal.role.id), None)
    known = {p.role.id: p.onet for p in (start, goal) if p.onet is not None}
    return Move(start, goal, similarity(start.role, goal.role, known=known), note)
