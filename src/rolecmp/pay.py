"""Rank the areas by what a role pays there: states and territories, or metropolitan and
nonmetropolitan areas (BLS OEWS)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rolecmp import figures
from rolecmp.errors import RolecmpError
from rolecmp.figures import Pay
from rolecmp.model import Role

if TYPE_CHECKING:
    from rolecmp.render.base import Renderer, T

#: What ``pay --by`` ranks.
BY = ("state", "metro")


class NoFigures(RolecmpError):
    """The role has no BLS occupation code, so BLS publishes no wages for it."""


@dataclass(frozen=True)
class PayRanking:
    """A role's national pay and every area's of one kind, highest median first."""

    role: Role
    national: Pay | None
    areas: tuple[Pay, ...]
    by: str = "state"
    highlight: str | None = None  # a state's postal code
    total: int = 0  # areas before --limit

    def render_with(self, renderer: Renderer[T]) -> T:
        """Hand this result to ``renderer``'s method for it."""
        return renderer.pay_ranking(self)

    @property
    def states(self) -> tuple[Pay, ...]:
        return self.areas

    @property
    def group(self) -> bool:
        """Whether BLS publishes the figures for a broader group than the role."""
        code = self.national.soc_code if self.national else self.role.soc_code
        return self.role.soc_note is not None or code != self.role.soc_code

    @property
    def releases(self) -> list[str]:
        return [self.national.release] if self.national else []

    def highlighted(self, pay: Pay) -> bool:
        from rolecmp.areas import areas

        if self.highlight is None:
            return False
        area = areas().get(pay.area_code)
        return area is not None and self.highlight in area.states

    def to_dict(self) -> dict[str, Any]:
        soc_code = self.national.soc_code if self.national else self.role.soc_code
        return {
            "role": {"id": self.role.id, "name": self.role.name, "soc_code": self.role.soc_code,
                     "tier": self.role.tier},
            "soc_code": soc_code,
            "soc_title": self.national.soc_title if self.national else None,
            "group": self.group,
            "release": self.releases[0] if self.releases else None,
            "by": self.by,
            "highlight": self.highlight,
            "national": self.national.to_dict() if self.national else None,
            "areas": [{"rank": i, **p.to_dict(), "highlight": self.highlighted(p)}
                      for i, p in enumerate(self.areas, 1)],
            "areas_total": self.total,
        }

    def to_list(self) -> list[dict[str, Any]]:
        return self.to_dict()["areas"]  # type: ignore[no-any-return]


def rank_areas(role: Role, by: str = "state", highlight: str | None = None,
               limit: int | None = None, specialties: list[str] | None = None) -> PayRanking:
    """The areas of one kind (``by``: "state" for states, DC and territories; "metro" for
    metropolitan and nonmetropolitan areas, only those in ``highlight``'s state when given) by
    median annual pay for ``role``, highest first; those without a published median come last;
    ties are broken by name, so the order is stable."""
    from rolecmp.areas import areas

    if by not in BY:
        raise RolecmpError(f"--by takes {' or '.join(BY)}")
    found = figures.pay_by_area(role.soc_code)
    if not found:
        hint = ""
        if specialties:
            hint = f"; try one of its specialties: {', '.join(specialties)}"
        raise NoFigures(f"{role.id} has no BLS occupation code, so BLS publishes no wages for "
                        f"it{hint}")
    known = areas()
    kinds = ("state",) if by == "state" else ("metro", "nonmetro")
    national = next((p for p in found if p.area_code == figures.NATIONAL), None)
    ranked = [p for p in found if p.area_code in known and known[p.area_code].type in kinds]
    if by == "metro" and highlight is not None:
        ranked = [p for p in ranked if highlight in known[p.area_code].states]
    ranked.sort(key=lambda p: (p.median_annual is None, -(p.median_annual or 0), p.area))
    total = len(ranked)
    if limit is not None:
        ranked = ranked[:limit]
    return PayRanking(role, national, tuple(ranked), by, highlight, total)


def rank_states(role: Role, specialties: list[str] | None = None) -> PayRanking:
    """States, DC and territories by median annual pay (see :func:`rank_areas`)."""
    return rank_areas(role, "state", None, None, specialties)
