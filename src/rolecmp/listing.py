"""List the roles of a catalog, filtered and sorted, from its index (no role file is parsed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rolecmp import figures
from rolecmp.catalog import Catalog, Entry
from rolecmp.errors import RolecmpError
from rolecmp.schema import FAMILIES

WHICH = ("roles", "specialties")
#: Sort keys: the figures sort highest first, names and ids alphabetically.
SORTS = ("id", "name", "median", "growth", "openings")


class BadFilter(RolecmpError):
    """A filter value that matches nothing it could mean."""


@dataclass(frozen=True)
class Row:
    """One listed role with the figures a listing can sort and filter by."""

    entry: Entry
    median_annual: int | None
    employment_change_pct: float | None
    annual_openings: int | None
    bls_typical_entry: str | None
    origin: str = ""

    def to_dict(self) -> dict[str, Any]:
        e = self.entry
        return {"id": e.id, "name": e.name, "kind": e.kind, "family": e.family,
                "parent": e.parent, "soc_code": e.soc_code, "soc_group": e.soc_group,
                "less_common": e.less_common,
                "patient_contact": e.patient_contact, "summary": e.summary,
                "median_annual": self.median_annual,
                "employment_change_pct": self.employment_change_pct,
                "annual_openings": self.annual_openings,
                "bls_typical_entry": self.bls_typical_entry, "origin": self.origin,
                "source_file": e.path}


@dataclass(frozen=True)
class Listing:
    """Roles to list; ``which`` is ``roles`` (all) or ``specialties`` (the technician
    specialties, with the less common ones marked); ``sort`` is the key they are ordered by."""

    which: str
    rows: tuple[Row, ...]
    sort: str = "id"
    show_origin: bool = False

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(r.entry for r in self.rows)

    @property
    def releases(self) -> list[str]:
        """The figure releases a listing sorted by a figure shows."""
        return {"median": ["oews-2025A01"], "growth": ["ep-2024-34"],
                "openings": ["ep-2024-34"]}.get(self.sort, [])

    def to_list(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self.rows]


def _row(entry: Entry, origin: str) -> Row:
    pay = figures.pay(entry.soc_code)
    outlook = figures.outlook(entry.soc_code)
    entry_req = figures.entry_requirements(entry.soc_code)
    return Row(entry, pay.median_annual if pay else None,
               outlook.employment_change_pct if outlook else None,
               outlook.annual_openings if outlook else None,
               entry_req.education if entry_req else None, origin)


def _matches(value: str | None, wanted: Sequence[str]) -> bool:
    if not wanted:
        return True
    text = (value or "").lower()
    return any(w.lower() in text for w in wanted)


def list_roles(catalog: Catalog, which: str = "roles", *, families: Sequence[str] = (),
               education: Sequence[str] = (), contact: Sequence[str] = (),
               sort: str = "id", show_origin: bool = False) -> Listing:
    """Roles (all, or only the specialties), filtered and sorted.

    ``families`` and ``contact`` keep roles whose family or patient-contact level is one of the
    values; ``education`` keeps roles whose BLS typical entry-level education contains one of the
    values ("associate", "bachelor's"). Figures sort highest first; a role without the figure
    comes last; ties are broken by id so the order is stable.
    """
    if which not in WHICH:
        raise ValueError(f"which must be one of {WHICH}")
    if sort not in SORTS:
        raise BadFilter(f"unknown sort {sort!r}; choose from {', '.join(SORTS)}")
    entries: Sequence[Entry] = catalog.entries()
    if which == "specialties":
        entries = [e for e in entries if e.kind == "specialty"]
    _check_known("family", families, set(FAMILIES))
    _check_known("patient contact level", contact, {"low", "moderate", "high"})
    rows = [_row(e, catalog.layer_of(e.path)) for e in entries
            if (not families or e.family in {f.lower() for f in families})
            and (not contact or e.patient_contact in {c.lower() for c in contact})]
    rows = [r for r in rows if _matches(r.bls_typical_entry, education)]
    if sort == "median":
        rows.sort(key=lambda r: (r.median_annual is None, -(r.median_annual or 0), r.entry.id))
    elif sort == "growth":
        rows.sort(key=lambda r: (r.employment_change_pct is None,
                                 -(r.employment_change_pct or 0.0), r.entry.id))
    elif sort == "openings":
        rows.sort(key=lambda r: (r.annual_openings is None, -(r.annual_openings or 0),
                                 r.entry.id))
    elif sort == "name":
        rows.sort(key=lambda r: (r.entry.name.lower(), r.entry.id))
    elif which == "specialties":
        rows.sort(key=lambda r: (r.entry.less_common, r.entry.id))
    return Listing(which, tuple(rows), sort, show_origin)


def _check_known(what: str, values: Sequence[str], known: set[str]) -> None:
    for value in values:
        if value.lower() not in known:
            raise BadFilter(f"unknown {what} {value!r}; choose from {', '.join(sorted(known))}")
