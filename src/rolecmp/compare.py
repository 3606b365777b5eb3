"""Compare roles dimension by dimension: pure functions over :class:`~rolecmp.model.Role`.

Each dimension has a label, the lines that describe a role on it (plain text, shown by every
renderer) and a key; two roles differ on a dimension when their keys differ. ``rolecmp show`` uses
the same dimensions, so a profile and a comparison always say the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from rolecmp.model import Role

LEVEL_NAMES = {
    "high-school": "high school diploma",
    "certificate": "certificate",
    "associate": "associate degree",
    "bachelor": "bachelor's degree",
    "master": "master's degree",
    "doctorate": "doctorate",
}


def program_length(role: Role) -> str:
    """The typical program length in words ("12-24 months", "length unknown")."""
    low, high = role.education.program_months.min, role.education.program_months.max
    if low is None and high is None:
        return "program length unknown"
    if low is None or high is None or low == high:
        return f"about {low if high is None else high} months"
    return f"{low}-{high} months"


def credential_levels(role: Role) -> str:
    names = [LEVEL_NAMES[level] for level in role.education.credential_levels]
    text = _joined(names, "or")
    return text[:1].upper() + text[1:]


def _education(role: Role) -> list[str]:
    return [credential_levels(role), program_length(role)]


def _scope(role: Role) -> list[str]:
    groups = [name for name, _ in role.scope.duties.groups()]
    return [role.scope.breadth.capitalize() + (": " + ", ".join(groups) if groups else "")]


def short_body(body: str) -> str:
    """The body's abbreviation when its name ends with one ("... (AAMA)" -> "AAMA")."""
    match = re.search(r"\(([^()]+)\)\s*$", body)
    return match.group(1) if match else body


def _certification(role: Role) -> list[str]:
    lines = [role.certification.status.capitalize()]
    for cred in role.certification.credentials:
        body = short_body(cred.body)
        lines.append(cred.abbreviation if body in cred.abbreviation
                     else f"{cred.abbreviation}, {body}")
    return lines


def _patient_contact(role: Role) -> list[str]:
    return [role.patient_contact.level.capitalize(), role.patient_contact.why]


def _next_steps(role: Role) -> list[str]:
    return [step.role for step in role.next_steps] or ["none listed"]


def _folded(items: Sequence[str]) -> frozenset[str]:
    return frozenset(item.strip().lower() for item in items)


@dataclass(frozen=True)
class Dimension:
    """One row of a comparison."""

    key: str
    label: str
    lines: Callable[[Role], list[str]]
    compare_key: Callable[[Role], Hashable]


DIMENSIONS: tuple[Dimension, ...] = (
    Dimension("education", "Education", _education,
              lambda r: (r.education.credential_levels, r.education.program_months)),
    Dimension("scope", "Scope of practice", _scope,
              lambda r: (r.scope.breadth, tuple(n for n, _ in r.scope.duties.groups()))),
    Dimension("workplaces", "Workplaces", lambda r: list(r.workplaces),
              lambda r: _folded(r.workplaces)),
    Dimension("certification", "Certification", _certification,
              lambda r: (r.certification.status,
                         frozenset(c.abbreviation for c in r.certification.credentials))),
    Dimension("licensure", "Licensure", lambda r: [r.licensure], lambda r: r.licensure.strip()),
    Dimension("patient_contact", "Patient contact", _patient_contact,
              lambda r: r.patient_contact.level),
    Dimension("duties", "Duties", lambda r: list(r.scope.duties.all()),
              lambda r: _folded(r.scope.duties.all())),
    Dimension("qualities", "Qualities", lambda r: list(r.qualities),
              lambda r: _folded(r.qualities)),
    Dimension("paths", "Next steps", _next_steps,
              lambda r: frozenset(s.role for s in r.next_steps)),
)


@dataclass(frozen=True)
class Row:
    """One dimension across the compared roles: each role's lines, and whether they differ."""

    key: str
    label: str
    differs: bool
    values: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Comparison:
    """The result of comparing two or more roles."""

    roles: tuple[Role, ...]
    rows: tuple[Row, ...]
    verdict: str

    @property
    def same_role(self) -> bool:
        return len({r.id for r in self.roles}) == 1

    @property
    def differing(self) -> list[str]:
        """Keys of the dimensions on which the roles differ."""
        return [row.key for row in self.rows if row.differs]

    def to_dict(self) -> dict[str, Any]:
        return {
            "roles": [{"id": r.id, "name": r.name, "kind": r.kind, "family": r.family,
                       "parent": r.parent, "soc_code": r.soc_code} for r in self.roles],
            "same_role": self.same_role,
            "differing_dimensions": self.differing,
            "dimension_count": len(self.rows),
            "verdict": self.verdict,
            "dimensions": [
                {"key": row.key, "label": row.label, "differs": row.differs,
                 "values": {role.id: list(lines) for role, lines in zip(self.roles, row.values,
                                                                          strict=True)}}
                for row in self.rows
            ],
        }


def compare(roles: Sequence[Role]) -> Comparison:
    """Compare ``roles`` (two or more, in the given order) on every dimension."""
    if len(roles) < 2:
        raise ValueError("compare needs at least two roles")
    rows = tuple(
        Row(dim.key, dim.label,
            differs=len({dim.compare_key(r) for r in roles}) > 1,
            values=tuple(tuple(dim.lines(r)) for r in roles))
        for dim in DIMENSIONS
    )
    return Comparison(tuple(roles), rows, _verdict(roles, rows))


def _verdict(roles: Sequence[Role], rows: Sequence[Row]) -> str:
    names = _and_list([r.name for r in roles])
    if len({r.id for r in roles}) == 1:
        return f"Same role: every name given resolves to {roles[0].name} ({roles[0].id})."
    differing = [row.label.lower() for row in rows if row.differs]
    count = f"{len(differing)} of {len(rows)} dimensions"
    if not differing:
        return f"{names} are different roles, though they match on all {len(rows)} dimensions."
    ids = {r.id for r in roles}
    parents = {r.parent for r in roles if r.parent in ids}
    if len(roles) == 2 and parents:
        umbrella = next(r for r in roles if r.id in parents)
        special = next(r for r in roles if r.id not in parents)
        relation = (f"Not the same role: {special.name} is one specialty under the umbrella "
                    f"{umbrella.name}")
    elif len({r.parent for r in roles}) == 1 and roles[0].parent is not None:
        relation = f"Not the same role: different specialties of {roles[0].parent}"
    else:
        relation = f"Not the same role: {names} are different roles"
    return f"{relation}; they differ on {count} ({', '.join(differing)})."


def _and_list(items: Sequence[str]) -> str:
    return _joined(items, "and")


def _joined(items: Sequence[str], word: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]
