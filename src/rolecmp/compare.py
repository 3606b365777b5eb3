"""Compare roles dimension by dimension: pure functions over :class:`~rolecmp.model.Role`.

Each dimension has a label, the lines that describe a role on it (plain text, shown by every
renderer) and a key; two roles differ on a dimension when their keys differ. ``rolecmp show`` uses
the same dimensions, so a profile and a comparison always say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, Any

from rolecmp.errors import RolecmpError
from rolecmp.model import Role
from rolecmp.profile import Profile
from rolecmp.records import NamedTuple
from rolecmp.similarity import Activities, Similarity, activities, similarity

if TYPE_CHECKING:
    from rolecmp.render.base import Renderer, T

#: Medians within this fraction of each other are not marked as different.
PAY_TOLERANCE = 0.05
#: Projected growth within this many percentage points is not marked as different.
GROWTH_TOLERANCE = 2.0

def healthcare(p: Profile) -> bool:
    """Whether patient contact means anything for the role: a role file's role, or an
    occupation in the healthcare SOC groups (29, 31)."""
    return p.role.curated or p.role.major_group in ("29", "31")


def _folded(items: Sequence[str]) -> frozenset[str]:
    return frozenset(item.strip().lower() for item in items)


def _keyed(key: Callable[[Profile], Hashable]) -> Callable[[Sequence[Profile]], bool | None]:
    """Roles differ when their keys differ; not compared (None) when a key is unknown (None)
    for some role: "not curated" is not a difference."""
    def differs(profiles: Sequence[Profile]) -> bool | None:
        keys = [key(p) for p in profiles]
        if any(k is None for k in keys):
            return None
        return len(set(keys)) > 1
    return differs


def _pay_span(p: Profile) -> tuple[float, float] | None:
    """The median, or for an umbrella role the range of its specialties' medians."""
    if p.pay is not None and p.pay.median_annual is not None:
        return p.pay.median_annual, p.pay.median_annual
    if p.pay_range is not None:
        return p.pay_range.low, p.pay_range.high
    return None


def _growth_span(p: Profile) -> tuple[float, float] | None:
    if p.outlook is not None:
        return p.outlook.employment_change_pct, p.outlook.employment_change_pct
    if p.outlook_range is not None:
        return p.outlook_range.low, p.outlook_range.high
    return None


def _spans_differ(span: Callable[[Profile], tuple[float, float] | None],
                  apart: Callable[[float, float], bool]) -> Callable[[Sequence[Profile]], bool]:
    """Roles differ on a figure when one is known and another is not, or when some two of their
    spans (a value, or an umbrella's range) do not come within the tolerance of each other."""
    def differs(profiles: Sequence[Profile]) -> bool:
        spans = [span(p) for p in profiles]
        known = [s for s in spans if s is not None]
        if len(known) != len(spans):
            return bool(known)
        return apart(min(high for _, high in known), max(low for low, _ in known))
    return differs


_pay_differs = _spans_differ(_pay_span, lambda low, high: high > low * (1 + PAY_TOLERANCE))
_outlook_differs = _spans_differ(_growth_span, lambda low, high: high - low >= GROWTH_TOLERANCE)


def _descriptive(profiles: Sequence[Profile]) -> bool | None:
    """Free-text rows (licensure, duties, qualities, next steps) are shown side by side but never
    compared (None): two wordings differ even when the facts agree. The O*NET work activities
    below the table say which duties are shared."""
    return None


class Dimension(NamedTuple):
    """One row of a comparison: its key and when roles differ on it (None: shown side by side
    but not compared). Its label and a role's lines on it are words: render/words.py."""

    key: str
    differs: Callable[[Sequence[Profile]], bool | None]


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("education",
              _keyed(lambda p: (frozenset(p.role.education.credential_levels),
                                p.role.education.program_months,
                                p.entry.education if p.entry else None)
                     if p.role.education else (p.entry.education if p.entry else None))),
    Dimension("scope",
              _keyed(lambda p: (p.role.scope.breadth,
                                tuple(n for n, _ in p.role.scope.duties.groups()))
                     if p.role.scope else None)),
    Dimension("workplaces",
              _keyed(lambda p: _folded(p.role.workplaces) if p.role.curated else None)),
    Dimension("industries", _keyed(lambda p: p.industries[0].code if p.industries else None)),
    Dimension("certification",
              _keyed(lambda p: (p.role.certification.status,
                                frozenset(c.abbreviation
                                          for c in p.role.certification.credentials))
                     if p.role.certification else None)),
    Dimension("licensure", _descriptive),
    Dimension("patient_contact", _keyed(lambda p: p.contact_level if healthcare(p) else None)),
    Dimension("pay", _pay_differs),
    Dimension("outlook", _outlook_differs),
    Dimension("duties", _descriptive),
    Dimension("technology", _descriptive),
    Dimension("qualities", _descriptive),
    Dimension("paths", _descriptive),
)


DIMENSION_BY_KEY = {d.key: d for d in DIMENSIONS}


class Row(NamedTuple):
    """One dimension across the compared roles: whether they differ, and each role's facts on
    it as data (:func:`dimension_data`); render/words.py puts them into words."""

    key: str
    differs: bool | None  # None: shown side by side but not compared
    data: tuple[Any, ...] = ()


class Comparison(NamedTuple):
    """The result of comparing two or more roles."""

    profiles: tuple[Profile, ...]
    rows: tuple[Row, ...]
    judgement: Verdict
    similarities: tuple[Similarity, ...] = ()
    activities: Activities | None = None

    def render_with(self, renderer: Renderer[T]) -> T:
        """Hand this result to ``renderer``'s method for it."""
        return renderer.comparison(self)

    @property
    def roles(self) -> tuple[Role, ...]:
        return tuple(p.role for p in self.profiles)

    @property
    def releases(self) -> list[str]:
        """Ids of the releases whose figures the comparison shows."""
        keys = {row.key for row in self.rows}
        found: set[str] = set()
        for p in self.profiles:
            if keys & {"pay", "industries"}:
                found.update(x.release for x in (p.pay, p.pay_range) if x is not None)
            if "outlook" in keys:
                found.update(x.release for x in (p.outlook, p.outlook_range) if x is not None)
            if "education" in keys and p.entry is not None:
                found.add(p.entry.release)
            if "patient_contact" in keys and p.contact is not None:
                found.add(p.contact.release)
            if keys & {"technology", "education"}:
                from rolecmp.dataset import onet_facts

                facts = onet_facts(p.role.onet_code)
                if facts is not None and (facts.technology or facts.job_zone):
                    found.add(facts.release)
        from rolecmp.similarity import profile_release_id, release_id

        if self.similarities or any(r.kind == "similarity" for r in self.judgement.reasons):
            found.add(profile_release_id())
        if self.activities:
            found.add(release_id())
        return sorted(found)

    @property
    def same_role(self) -> bool:
        return len({r.id for r in self.roles}) == 1

    @property
    def counterparts(self) -> list[tuple[Role, Role]]:
        """Pairs (role, its counterpart) among the compared roles: a technician and the
        technologist of the same field, whose role file says how they differ."""
        ids = {r.id: r for r in self.roles}
        pairs: list[tuple[Role, Role]] = []
        for role in self.roles:
            if role.counterpart and role.counterpart.role in ids:
                other = ids[role.counterpart.role]
                if not any(p == (other, role) for p in pairs):
                    pairs.append((role, other))
        return pairs

    @property
    def differing(self) -> list[str]:
        """Keys of the dimensions on which the roles differ."""
        return [row.key for row in self.rows if row.differs]

    def to_dict(self) -> dict[str, Any]:
        return {
            "roles": [{"id": r.id, "name": r.name, "tier": r.tier, "kind": r.kind,
                       "family": r.family, "parent": r.parent, "soc_code": r.soc_code}
                      for r in self.roles],
            "area": self.profiles[0].area,
            "pay": {p.role.id: p.pay.to_dict() | {"group": p.group_figures} if p.pay else None
                    for p in self.profiles},
            "pay_range": {p.role.id: p.pay_range.to_dict() for p in self.profiles
                          if p.pay_range is not None},
            "outlook": {p.role.id: p.outlook.to_dict() | {"group": p.group_figures}
                        if p.outlook else None for p in self.profiles},
            "sources": self.releases,
            "same_role": self.same_role,
            "differing_dimensions": self.differing,
            "dimension_count": len(self.rows),
            "verdict_kind": self.judgement.kind,
            "umbrella": self.judgement.umbrella,
            "counted_dimensions": self.judgement.counted,
            "reason_data": [r.to_dict() for r in self.judgement.reasons],
            "similarity": [sim.to_dict() for sim in self.similarities],
            "activities": self.activities.to_dict() if self.activities else None,
            "counterparts": [
                {"role": a.id, "counterpart": b.id, **{
                    k: getattr(a.counterpart, k) for k in ("education", "credential", "scope")}}
                for a, b in self.counterparts],
            "dimensions": [
                {"key": row.key, "differs": row.differs,
                 "data": {role.id: data for role, data in zip(self.roles, row.data,
                                                              strict=True)}}
                for row in self.rows
            ],
        }


class UnknownDimension(RolecmpError):
    """A dimension name that ``compare --only`` does not know."""


#: Sections below the table that --only can also pick.
EXTRAS = ("similarity", "activities")


def select_dimensions(names: Sequence[str] | None) -> tuple[tuple[Dimension, ...], frozenset[str]]:
    """The dimensions and extra sections called ``names`` (all of them for None), in order."""
    if not names:
        return DIMENSIONS, frozenset(EXTRAS)
    known = {d.key: d for d in DIMENSIONS}
    wanted = {n.strip().lower().replace("-", "_") for n in names if n.strip()}
    unknown = sorted(wanted - set(known) - set(EXTRAS))
    if unknown:
        raise UnknownDimension(f"unknown dimension {unknown[0]!r}; choose from "
                               f"{', '.join([*known, *EXTRAS])}")
    return tuple(d for d in DIMENSIONS if d.key in wanted), frozenset(wanted & set(EXTRAS))


def dimension_data(key: str, p: Profile) -> Any:
    """A role's facts on one dimension, as data (None where no role file or dataset gives
    them): what JSON carries beside the words."""
    role = p.role
    if key == "education":
        from rolecmp.dataset import onet_facts

        facts = onet_facts(role.onet_code)
        return {"credential_levels": list(role.education.credential_levels)
                if role.education else None,
                "program_months": role.education.program_months._asdict()
                if role.education else None,
                "bls_typical_entry": p.entry.education if p.entry else None,
                "bls_group": p.group_figures,
                "onet_job_zone": facts.job_zone if facts else None}
    if key == "scope":
        return None if role.scope is None else {
            "breadth": role.scope.breadth,
            "duty_groups": [name for name, _ in role.scope.duties.groups()]}
    if key == "workplaces":
        return list(role.workplaces) if role.curated else None
    if key == "industries":
        return {"industries": [i.to_dict() for i in p.industries], "group": p.group_figures}
    if key == "certification":
        return None if role.certification is None else {
            "status": role.certification.status,
            "credentials": [c._asdict() for c in role.certification.credentials]}
    if key == "licensure":
        return {"summary": role.licensure,
                "state": p.state_licensure.to_dict() if p.state_licensure else None}
    if key == "patient_contact":
        return {"level": p.contact_level if healthcare(p) else None,
                "healthcare": healthcare(p),
                "measured": p.contact.to_dict() if p.contact else None}
    if key == "pay":
        return {"pay": p.pay.to_dict() | {"group": p.group_figures} if p.pay else None,
                "derived_range": p.pay_range.to_dict() if p.pay_range else None}
    if key == "outlook":
        return {"outlook": p.outlook.to_dict() | {"group": p.group_figures}
                if p.outlook else None,
                "derived_range": p.outlook_range.to_dict() if p.outlook_range else None}
    if key == "duties":
        return list(role.scope.duties.all()) if role.scope else None
    if key == "technology":
        from rolecmp.dataset import onet_facts

        facts = onet_facts(role.onet_code)
        return None if facts is None else [{"kind": k, "examples": list(v)}
                                           for k, v in facts.kinds]
    if key == "qualities":
        return list(role.qualities) if role.curated else None
    if key == "paths":
        return [s._asdict() for s in role.next_steps] if role.curated else None
    raise ValueError(f"unknown dimension {key!r}")


def compare(profiles: Sequence[Profile], dimensions: Sequence[Dimension] = DIMENSIONS,
            extras: frozenset[str] = frozenset(EXTRAS)) -> Comparison:
    """Compare two or more profiles, in the given order, on ``dimensions`` (default: all), with
    the ``extras`` sections (O*NET similarity and work activities)."""
    if len(profiles) < 2:
        raise ValueError("compare needs at least two roles")
    rows = tuple(
        Row(dim.key, dim.differs(profiles), tuple(dimension_data(dim.key, p) for p in profiles))
        for dim in dimensions
    )
    roles = [p.role for p in profiles]
    pairs = [(a, b) for i, a in enumerate(roles) for b in roles[i + 1:] if a.id != b.id]
    skills = {p.role.id: p.skills for p in profiles if p.skills is not None}
    sims = tuple(s for a, b in pairs if (s := similarity(a, b, known=skills)) is not None)
    unique = list({r.id: r for r in roles}.values())
    known = {p.role.id: p.onet for p in profiles if p.onet is not None}
    acts = activities(unique, known) if len(unique) > 1 and "activities" in extras else None
    verdict = _verdict(profiles, rows, sims)
    return Comparison(tuple(profiles), rows, verdict,
                      sims if "similarity" in extras else (), acts)


class Reason(NamedTuple):
    """One of the main differences behind a verdict: ``kind`` is similarity, training,
    credentials, pay or scope; ``values`` hold each role's facts on it."""

    kind: str
    values: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.values}


class Verdict(NamedTuple):
    """The answer: ``kind`` is "same role", "same family, different specialty" or "different
    roles"; ``umbrella`` the role whose specialty the other is, or the shared parent;
    ``counted`` how many dimensions could be compared; ``reasons`` the main differences."""

    kind: str
    umbrella: str | None
    counted: int
    reasons: tuple[Reason, ...]


#: Most reasons a verdict gives.
MAX_REASONS = 4


def _verdict(profiles: Sequence[Profile], rows: Sequence[Row],
             similarities: Sequence[Similarity]) -> Verdict:
    roles = [p.role for p in profiles]
    counted = sum(1 for row in rows if row.differs is not None)
    if len({r.id for r in roles}) == 1:
        return Verdict("same role", None, counted, ())
    ids = {r.id for r in roles}
    umbrellas = {r.parent for r in roles if r.parent is not None and r.parent in ids}
    shared_parent = len({r.parent for r in roles}) == 1 and roles[0].parent is not None
    umbrella: str | None = None
    kind = "different roles"
    if len(roles) == 2 and umbrellas:
        kind, umbrella = "same family, different specialty", next(iter(umbrellas))
    elif shared_parent:
        kind, umbrella = "same family, different specialty", roles[0].parent
    return Verdict(kind, umbrella, counted, tuple(_reasons(profiles, rows, similarities)))


def _reasons(profiles: Sequence[Profile], rows: Sequence[Row],
             similarities: Sequence[Similarity]) -> list[Reason]:
    """The main differences, most telling first, as data."""
    reasons = []
    by_key = {row.key: row for row in rows}
    ids = [p.role.id for p in profiles]
    if len(similarities) == 1:
        sim = similarities[0]
        reasons.append(Reason("similarity", {"score": sim.score,
                                             "same_profile": sim.same_profile}))
    for key in ("education", "certification", "pay", "scope"):
        row = by_key.get(key)
        if row is not None and row.differs:
            kind = {"education": "training", "certification": "credentials"}.get(key, key)
            reasons.append(Reason(kind, {"roles": dict(zip(ids, row.data, strict=True))}))
    return reasons[:MAX_REASONS]
