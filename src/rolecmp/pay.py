"""Rank the states by what a role pays there (BLS OEWS May 2025)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rolecmp import figures
from rolecmp.errors import RolecmpError
from rolecmp.figures import Pay
from rolecmp.model import Role


class NoFigures(RolecmpError):
    """The role has no BLS occupation code, so BLS publishes no wages for it."""


@dataclass(frozen=True)
class PayRanking:
    """A role's national pay and every state's, highest median first."""

    role: Role
    national: Pay | None
    states: tuple[Pay, ...]

    @property
    def releases(self) -> list[str]:
        return ["oews-2025A01"]

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": {"id": self.role.id, "name": self.role.name, "soc_code": self.role.soc_code},
            "release": "oews-2025A01",
            "national": self.national.to_dict() if self.national else None,
            "states": [{"rank": i, **p.to_dict()} for i, p in enumerate(self.states, 1)],
        }


def rank_states(role: Role, specialties: list[str] | None = None) -> PayRanking:
    """States, DC and territories by median annual pay for ``role``, highest first; those
    without a published median come last; ties are broken by name, so the order is stable."""
    areas = figures.pay_by_area(role.soc_code)
    if not areas:
        hint = ""
        if specialties:
            hint = f"; try one of its specialties: {', '.join(specialties)}"
        raise NoFigures(f"{role.id} has no BLS occupation code, so BLS publishes no wages for "
                        f"it{hint}")
    national = next((p for p in areas if p.area_code == figures.NATIONAL), None)
    states = sorted((p for p in areas if p.area_code != figures.NATIONAL),
                    key=lambda p: (p.median_annual is None, -(p.median_annual or 0), p.area))
    return PayRanking(role, national, tuple(states))
