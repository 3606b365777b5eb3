"""Compare roles dimension by dimension: pure functions over :class:`~rolecmp.model.Role`.

Each dimension has a label, the lines that describe a role on it (plain text, shown by every
renderer) and a key; two roles differ on a dimension when their keys differ. ``rolecmp show`` uses
the same dimensions, so a profile and a comparison always say the same thing.
"""

from __future__ import annotations

import re
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

LEVEL_NAMES = {
    "high-school": "high school diploma",
    "certificate": "certificate",
    "associate": "associate degree",
    "bachelor": "bachelor's degree",
    "master": "master's degree",
    "doctorate": "doctorate",
}


#: What a view shows for a field no role file describes (a dataset-tier occupation's scope,
#: credentials, licensure...): the datasets have no such facts, and none are made up.
NOT_CURATED = "not curated"


def program_length(role: Role) -> str:
    """The typical program length in words ("12-24 months", "length unknown")."""
    if role.education is None:
        return "program length not curated"
    low, high = role.education.program_months.min, role.education.program_months.max
    if low is None and high is None:
        return "program length unknown"
    if low is None or high is None or low == high:
        value = low if high is None else high
        return f"about {value} month" + ("" if value == 1 else "s")
    return f"{low}-{high} months"


def credential_levels(role: Role) -> str:
    if role.education is None:
        return "Credentials not curated"
    names = [LEVEL_NAMES[level] for level in role.education.credential_levels]
    text = _joined(names, "or")
    return text[:1].upper() + text[1:]


def money(value: float | None, marker: str | None = None) -> str:
    """Dollars as BLS publishes them, or BLS's reason for publishing none."""
    if value is None:
        return {"top-coded": "top-coded by BLS"}.get(marker or "", "not released")
    return f"${round(value):,}"


def count(value: int | None) -> str:
    return "not released" if value is None else f"{value:,}"


def _education(p: Profile) -> list[str]:
    lines = [credential_levels(p.role), program_length(p.role)] if p.role.education else []
    if p.entry:
        lines.append(f"{bls_entry_label(p)}: {p.entry.education}")
    job_zone = _job_zone(p)
    if job_zone:
        lines.append(job_zone)
    return lines or [NOT_CURATED]


def _job_zone(p: Profile) -> str | None:
    from rolecmp.dataset import onet_facts

    facts = onet_facts(p.role.onet_code)
    if facts is None or facts.job_zone is None:
        return None
    return f"O*NET job zone {facts.job_zone} of 5"


def bls_entry_label(p: Profile) -> str:
    """"BLS entry level", naming the group when BLS counts the role in a broader one."""
    if p.role.soc_note and p.role.soc_code:
        return f"BLS entry level (group {p.role.soc_code})"
    return "BLS entry level"


def _scope(p: Profile) -> list[str]:
    if p.role.scope is None:
        return [NOT_CURATED]
    groups = [name for name, _ in p.role.scope.duties.groups()]
    return [p.role.scope.breadth.capitalize() + (": " + ", ".join(groups) if groups else "")]


def short_body(body: str) -> str:
    """The body's abbreviation when its name ends with one ("... (AAMA)" -> "AAMA")."""
    match = re.search(r"\(([^()]+)\)\s*$", body)
    return match.group(1) if match else body


def _certification(p: Profile) -> list[str]:
    if p.role.certification is None:
        return [NOT_CURATED]
    lines = [p.role.certification.status.capitalize()]
    for cred in p.role.certification.credentials:
        body = short_body(cred.body)
        lines.append(cred.abbreviation if body in cred.abbreviation
                     else f"{cred.abbreviation}, {body}")
    return lines


def _patient_contact(p: Profile) -> list[str]:
    if p.contact is not None:
        basis = (f"measured: O*NET caring for others {p.contact.caring:.2f}, "
                 f"working with the public {p.contact.public:.2f}")
    else:
        basis = "role file; no O*NET profile"
    if not healthcare(p):
        return ["not a healthcare occupation" + (f" ({basis})" if p.contact else "")]
    level = p.contact_level
    if level is None:
        return ["unknown: no O*NET work-activity ratings and not curated"]
    why = [p.role.patient_contact.why] if p.role.patient_contact else []
    return [f"{level.capitalize()} ({basis})", *why]


def pay_lines(p: Profile) -> list[str]:
    """The pay of a profile in words: median, spread, employment, and what BLS group it is."""
    if p.pay is not None:
        pay = p.pay
        lines = [f"{money(pay.median_annual, pay.markers.get('median_annual'))} median "
                 f"({pay.area})",
                 f"10th-90th pct: {money(pay.p10_annual, pay.markers.get('p10_annual'))}"
                 f" to {money(pay.p90_annual, pay.markers.get('p90_annual'))}",
                 f"{count(pay.employment)} employed"]
        if p.group_figures:
            lines.append(f"group figure: BLS {pay.soc_code} {pay.soc_title}")
        return lines
    if p.pay_range is not None:
        r = p.pay_range
        return [f"{money(r.low)} to {money(r.high)} median ({p.area})",
                f"derived: range of {len(r.roles)} specialties' BLS medians"]
    return ["unknown: BLS publishes no wages for this role" +
            (f" in {p.area}" if p.role.soc_code else "")]


def _outlook(p: Profile) -> list[str]:
    if p.outlook is not None:
        o = p.outlook
        lines = [f"Jobs {o.employment_change_pct:+.1f}%, {o.period}",
                 f"{o.annual_openings:,} openings a year (national)"]
        if p.group_figures:
            lines.append(f"group figure: BLS {o.soc_code} {o.soc_title}")
        return lines
    if p.outlook_range is not None:
        r = p.outlook_range
        from rolecmp.figures import release

        return [f"Jobs {r.low:+.1f}% to {r.high:+.1f}%, {release(r.release).period}",
                f"derived: range of {len(r.roles)} specialties' BLS projections"]
    return ["unknown: no BLS projection for this role"]


def _next_steps(p: Profile) -> list[str]:
    if not p.role.curated:
        return [NOT_CURATED]
    return [step.role for step in p.role.next_steps] or ["none listed"]


def _industries(p: Profile) -> list[str]:
    if not p.industries:
        if p.role.soc_code is None:
            return ["unknown: no BLS occupation code for this role"]
        return ["unknown: BLS publishes no industry figures for this role"]
    lines = [f"{i.title} {round(i.share * 100)}%" if i.share is not None else i.title
             for i in p.industries[:4]]
    if p.group_figures:
        lines.append(f"group figure: BLS {p.role.soc_code}")
    return lines


def _technology(p: Profile) -> list[str]:
    from rolecmp.dataset import onet_facts

    facts = onet_facts(p.role.onet_code)
    if facts is None:
        return ["unknown: no O*NET occupation for this role"]
    if not facts.technology:
        return ["none listed by O*NET"]
    hot = {name for name, is_hot in facts.technology if is_hot}
    lines = []
    for kind, examples in facts.kinds[:3]:
        named = ", ".join(e + (" (hot)" if e in hot else "") for e in examples[:3])
        more = f" +{len(examples) - 3}" if len(examples) > 3 else ""
        lines.append(f"{kind}: {named}{more}")
    lines.append(f"{len(facts.technology)} technologies listed by O*NET, {len(hot)} of them "
                 "hot (in demand across employers)")
    return lines


def healthcare(p: Profile) -> bool:
    """Whether patient contact means anything for the role: a role file's role, or an
    occupation in the healthcare SOC groups (29, 31)."""
    return p.role.curated or p.role.major_group in ("29", "31")


def _workplaces(p: Profile) -> list[str]:
    return list(p.role.workplaces) if p.role.curated else [NOT_CURATED]


def _licensure(p: Profile) -> list[str]:
    lines = [p.role.licensure] if p.role.licensure else [NOT_CURATED]
    if p.state_licensure is not None:
        from rolecmp.render.words import state_licensure_text

        lines.insert(0, f"{p.state_licensure.state_name}: "
                        f"{state_licensure_text(p.state_licensure.to_dict())}")
    elif p.place.state is not None and p.role.curated:
        lines.insert(0, f"{p.place.name if p.place.type == 'state' else p.place.state}: "
                        "no state-by-state data for this role")
    return lines


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
    """One row of a comparison: its label, a role's lines on it, and when roles differ on it."""

    key: str
    label: str
    lines: Callable[[Profile], list[str]]
    differs: Callable[[Sequence[Profile]], bool | None]


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("education", "Education", _education,
              _keyed(lambda p: (frozenset(p.role.education.credential_levels),
                                p.role.education.program_months,
                                p.entry.education if p.entry else None)
                     if p.role.education else (p.entry.education if p.entry else None))),
    Dimension("scope", "Scope of practice", _scope,
              _keyed(lambda p: (p.role.scope.breadth,
                                tuple(n for n, _ in p.role.scope.duties.groups()))
                     if p.role.scope else None)),
    Dimension("workplaces", "Workplaces", _workplaces,
              _keyed(lambda p: _folded(p.role.workplaces) if p.role.curated else None)),
    Dimension("industries", "Industries", _industries,
              _keyed(lambda p: p.industries[0].code if p.industries else None)),
    Dimension("certification", "Certification", _certification,
              _keyed(lambda p: (p.role.certification.status,
                                frozenset(c.abbreviation
                                          for c in p.role.certification.credentials))
                     if p.role.certification else None)),
    Dimension("licensure", "Licensure", _licensure, _descriptive),
    Dimension("patient_contact", "Patient contact", _patient_contact,
              _keyed(lambda p: p.contact_level if healthcare(p) else None)),
    Dimension("pay", "Pay (annual)", pay_lines, _pay_differs),
    Dimension("outlook", "Outlook", _outlook, _outlook_differs),
    Dimension("duties", "Duties", lambda p: list(p.role.scope.duties.all()) if p.role.scope
              else [NOT_CURATED], _descriptive),
    Dimension("technology", "Technology", _technology, _descriptive),
    Dimension("qualities", "Qualities", lambda p: list(p.role.qualities) if p.role.curated
              else [NOT_CURATED], _descriptive),
    Dimension("paths", "Next steps", _next_steps, _descriptive),
)


DIMENSION_BY_KEY = {d.key: d for d in DIMENSIONS}


class Row(NamedTuple):
    """One dimension across the compared roles: each role's lines, and whether they differ."""

    key: str
    label: str
    differs: bool | None  # None: shown side by side but not compared
    values: tuple[tuple[str, ...], ...]


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
    def verdict(self) -> str:
        return self.judgement.text

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

        if self.similarities or any("O*NET" in r for r in self.judgement.reasons):
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
            "verdict": self.verdict,
            "verdict_kind": self.judgement.kind,
            "reasons": list(self.judgement.reasons),
            "similarity": [sim.to_dict() for sim in self.similarities],
            "activities": self.activities.to_dict() if self.activities else None,
            "counterparts": [
                {"role": a.id, "counterpart": b.id, **{
                    k: getattr(a.counterpart, k) for k in ("education", "credential", "scope")}}
                for a, b in self.counterparts],
            "dimensions": [
                {"key": row.key, "label": row.label, "differs": row.differs,
                 "values": {role.id: list(lines) for role, lines in zip(self.roles, row.values,
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


def compare(profiles: Sequence[Profile], dimensions: Sequence[Dimension] = DIMENSIONS,
            extras: frozenset[str] = frozenset(EXTRAS)) -> Comparison:
    """Compare two or more profiles, in the given order, on ``dimensions`` (default: all), with
    the ``extras`` sections (O*NET similarity and work activities)."""
    if len(profiles) < 2:
        raise ValueError("compare needs at least two roles")
    rows = tuple(
        Row(dim.key, dim.label, differs=dim.differs(profiles),
            values=tuple(tuple(dim.lines(p)) for p in profiles))
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


class Verdict(NamedTuple):
    """The answer in words: ``kind`` is "same role", "same family, different specialty" or
    "different roles"; ``reasons`` are the main differences behind it."""

    kind: str
    text: str
    reasons: tuple[str, ...]


def _verdict(profiles: Sequence[Profile], rows: Sequence[Row],
             similarities: Sequence[Similarity]) -> Verdict:
    roles = [p.role for p in profiles]
    names = _and_list([r.name for r in roles])
    if len({r.id for r in roles}) == 1:
        return Verdict("same role", f"Same role: every name given resolves to {roles[0].name} "
                                    f"({roles[0].id}).", ())
    ids = {r.id for r in roles}
    umbrellas = {r.parent for r in roles if r.parent in ids}
    shared_parent = len({r.parent for r in roles}) == 1 and roles[0].parent is not None
    if len(roles) == 2 and umbrellas:
        umbrella = next(r for r in roles if r.id in umbrellas)
        special = next(r for r in roles if r.id not in umbrellas)
        kind = "same family, different specialty"
        text = (f"Not the same role: {special.name} is one specialty under the umbrella "
                f"{umbrella.name}")
    elif shared_parent:
        kind = "same family, different specialty"
        text = f"Same family, different specialty: {names} are specialties of {roles[0].parent}"
    else:
        kind = "different roles"
        text = f"Not the same role: {names} are different roles"
    differing = [row.label.lower() for row in rows if row.differs]
    counted = [row for row in rows if row.differs is not None]
    if differing:
        text += (f"; they differ on {len(differing)} of the {len(counted)} dimensions that can "
                 f"be compared ({', '.join(differing)}).")
    elif counted:
        text += (", though they match on the dimension compared." if len(counted) == 1 else
                 f", though they match on all {len(counted)} dimensions that can be compared.")
    else:
        text += "."
    return Verdict(kind, text, tuple(_reasons(profiles, rows, similarities)))


def _reasons(profiles: Sequence[Profile], rows: Sequence[Row],
             similarities: Sequence[Similarity]) -> list[str]:
    """The main differences, in words, most telling first."""
    reasons = []
    by_key = {row.key: row for row in rows}
    if len(similarities) == 1:
        sim = similarities[0]
        if sim.same_profile:
            reasons.append(f"O*NET describes both with one profile ({sim.same_profile}), so it "
                           "cannot tell their work apart")
        else:
            reasons.append(f"their work is {_alike(sim.score)} (O*NET similarity "
                           f"{sim.score:.2f})")
    if "education" in by_key and by_key["education"].differs:
        reasons.append("training: " + " vs ".join(
            f"{credential_levels(p.role).lower()} ({program_length(p.role)})" for p in profiles))
    if "certification" in by_key and by_key["certification"].differs:
        reasons.append("credentials: " + " vs ".join(
            f"{c.status} ({', '.join(x.abbreviation for x in c.credentials[:2]) or 'none'})"
            for p in profiles if (c := p.role.certification) is not None))
    if "pay" in by_key and by_key["pay"].differs:
        reasons.append("median pay: " + " vs ".join(_pay_words(p) for p in profiles))
    if "scope" in by_key and by_key["scope"].differs:
        reasons.append("scope: " + " vs ".join(p.role.scope.breadth for p in profiles
                                               if p.role.scope is not None))
    return reasons[:4]


def _pay_words(p: Profile) -> str:
    if p.pay is not None and p.pay.median_annual is not None:
        return money(p.pay.median_annual)
    if p.pay_range is not None:
        return f"{money(p.pay_range.low)}-{money(p.pay_range.high)} (specialties)"
    return "unknown"


def _alike(score: float) -> str:
    if score >= 0.7:
        return "very alike"
    if score >= 0.4:
        return "somewhat alike"
    if score >= 0.1:
        return "mostly different"
    return "unrelated"


def _and_list(items: Sequence[str]) -> str:
    return _joined(items, "and")


def _joined(items: Sequence[str], word: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]
