"""List the roles of a catalog, filtered and sorted, from its index (no role file is parsed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rolecmp import figures
from rolecmp.catalog import Catalog, Entry
from rolecmp.errors import RolecmpError
from rolecmp.interface import FAMILIES

if TYPE_CHECKING:
    from rolecmp.render.base import Renderer, T

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

    @property
    def group_figures(self) -> bool:
        """Whether the figures are BLS's for a broader group than the role."""
        return self.entry.soc_group

    def to_dict(self) -> dict[str, Any]:
        e = self.entry
        return {"id": e.id, "name": e.name, "tier": e.tier, "kind": e.kind,
                "family": e.family or None, "parent": e.parent, "soc_code": e.soc_code,
                "soc_group": e.soc_group, "group": e.soc_group, "less_common": e.less_common,
                "patient_contact": e.patient_contact or None, "summary": e.summary or None,
                "median_annual": self.median_annual,
                "employment_change_pct": self.employment_change_pct,
                "annual_openings": self.annual_openings,
                "bls_typical_entry": self.bls_typical_entry,
                "education_levels": list(education_levels(e, self.bls_typical_entry)),
                "origin": self.origin,
                "source_file": e.path}


@dataclass(frozen=True)
class Listing:
    """Roles to list; ``which`` is ``roles`` (all) or ``specialties`` (the technician
    specialties, with the less common ones marked); ``sort`` is the key they are ordered by."""

    which: str
    rows: tuple[Row, ...]
    sort: str = "id"
    show_origin: bool = False
    tiers: str = "curated"
    counts: tuple[int, int] = (0, 0)  # (curated roles, dataset occupations) in the catalog

    def render_with(self, renderer: Renderer[T]) -> T:
        """Hand this result to ``renderer``'s method for it."""
        return renderer.listing(self)

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(r.entry for r in self.rows)

    @property
    def releases(self) -> list[str]:
        """The figure releases a listing sorted by a figure shows."""
        kind = {"median": "oews", "growth": "ep", "openings": "ep"}.get(self.sort)
        found = figures.release_of_kind(kind) if kind else None
        return [found.id] if found else []

    def to_list(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self.rows]


def _row(entry: Entry, origin: str) -> Row:
    pay = figures.national_pay(entry.soc_code)
    outlook = figures.outlook(entry.soc_code)
    entry_req = figures.entry_requirements(entry.soc_code)
    return Row(entry, pay.median_annual if pay else None,
               outlook.employment_change_pct if outlook else None,
               outlook.annual_openings if outlook else None,
               entry_req.education if entry_req else None, origin)


def contact_level(entry: Entry) -> str | None:
    """Patient contact as show and compare measure it: from O*NET where its profile covers the
    role, else the role file's level."""
    from rolecmp.similarity import contact_of

    measured = contact_of(entry.onet_code)
    return measured.level if measured else (entry.patient_contact or None)


#: BLS's typical entry-level education categories -> the credential levels of role files (and
#: "none", "some-college", which role files do not use).
BLS_LEVELS = {"No formal educational credential": "none",
              "High school diploma or equivalent": "high-school",
              "Some college, no degree": "some-college",
              "Postsecondary nondegree award": "certificate",
              "Associate's degree": "associate", "Bachelor's degree": "bachelor",
              "Master's degree": "master", "Doctoral or professional degree": "doctorate"}
EDUCATION_LEVELS = ("none", "high-school", "some-college", "certificate", "associate",
                    "bachelor", "master", "doctorate")
#: What people type for a level (after lower-casing, dropping "'s" and " degree").
_EDUCATION_WORDS = {
    "no formal educational credential": "none", "no formal": "none", "none": "none",
    "high school": "high-school", "high school diploma or equivalent": "high-school",
    "high school diploma": "high-school", "diploma": "high-school", "hs": "high-school",
    "some college": "some-college", "some college, no": "some-college",
    "postsecondary nondegree award": "certificate", "nondegree": "certificate",
    "non-degree": "certificate", "postsecondary": "certificate", "certificate": "certificate",
    "associate": "associate", "associates": "associate", "bachelor": "bachelor",
    "bachelors": "bachelor", "master": "master", "masters": "master",
    "doctorate": "doctorate", "doctoral": "doctorate", "doctoral or professional": "doctorate",
    "professional": "doctorate", "doctor": "doctorate", "phd": "doctorate",
    "ph.d.": "doctorate", "ged": "high-school", "cert": "certificate",
}


def bls_level(education: str | None) -> str | None:
    """The credential level of a BLS typical entry education category, or None."""
    return BLS_LEVELS.get(education or "")


def education_level(value: str) -> str:
    """The credential level a filter value names ("associate", "Bachelor's degree", "BLS's
    Postsecondary nondegree award"...); :class:`BadFilter` when it names none."""
    text = " ".join(value.lower().replace("\u2019", "'").replace("'s", "").split())
    text = text.removesuffix(" degree").strip().replace("-", " ")
    found = _EDUCATION_WORDS.get(text) or _EDUCATION_WORDS.get(text.replace(" ", "-"))
    if found is None:
        raise BadFilter(f"unknown education level {value!r}; choose from "
                        f"{', '.join(EDUCATION_LEVELS)}")
    return found


def education_levels(entry: Entry, bls_entry: str | None) -> tuple[str, ...]:
    """A role's education levels as show gives them: a role file's credential levels, else
    BLS's typical entry education for its SOC code."""
    if entry.credential_levels:
        return entry.credential_levels
    level = bls_level(bls_entry)
    return (level,) if level else ()


def list_roles(catalog: Catalog, which: str = "roles", *, families: Sequence[str] = (),
               education: Sequence[str] = (), contact: Sequence[str] = (),
               sort: str = "id", show_origin: bool = False, tiers: str = "curated",
               groups: Sequence[str] = ()) -> Listing:
    """Roles (all, or only the specialties), filtered and sorted.

    ``families`` and ``contact`` keep roles whose family or patient-contact level is one of the
    values; ``education`` keeps roles with one of the levels named ("associate", "bachelor's",
    "certificate"), by the definition show uses: a role file's credential levels, else BLS's
    typical entry-level education. Figures sort highest first; a role without the figure comes
    last; ties are broken by id so the order is stable.
    """
    if which not in WHICH:
        raise ValueError(f"which must be one of {WHICH}")
    if sort not in SORTS:
        raise BadFilter(f"unknown sort {sort!r}; choose from {', '.join(SORTS)}")
    entries: Sequence[Entry] = in_groups(catalog.entries(tiers), groups)
    if which == "specialties":
        entries = [e for e in entries if e.kind == "specialty"]
    _check_known("family", families, set(FAMILIES))
    _check_known("patient contact level", contact, {"low", "moderate", "high"})
    rows = [_row(e, catalog.layer_of(e.path)) for e in entries
            if (not families or e.family in {f.lower() for f in families})
            and (not contact or contact_level(e) in {c.lower() for c in contact})]
    levels = {education_level(e) for e in education}
    rows = [r for r in rows if not levels
            or levels & set(education_levels(r.entry, r.bls_typical_entry))]
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
    return Listing(which, tuple(rows), sort, show_origin, tiers,
                   (len(catalog.entries()), catalog.dataset_count()))


def major_group_codes(values: Sequence[str]) -> set[str]:
    """The SOC major group codes ``values`` name: a code ("29"), "healthcare" (29 and 31), or
    a word of a group's title ("sales"). :class:`BadFilter` for a value that names none."""
    from rolecmp.dataset import HEALTHCARE_GROUPS, major_groups

    titles = major_groups()
    found: set[str] = set()
    for value in values:
        text = value.strip().lower()
        if text in ("healthcare", "health"):
            found.update(HEALTHCARE_GROUPS)
            continue
        code = text.split("-")[0]
        if code.isdigit() and code.zfill(2) in titles:
            found.add(code.zfill(2))
            continue
        hits = {c for c, t in titles.items() if text and text in t.lower()}
        if not hits:
            listed = "; ".join(f"{c} {t}" for c, t in titles.items())
            raise BadFilter(f"unknown group {value!r}; choose healthcare or one of: {listed}")
        found.update(hits)
    return found


def in_groups(entries: Sequence[Entry], groups: Sequence[str]) -> list[Entry]:
    """The entries in the SOC major groups ``groups`` name (all of them when none is given).
    A role without a SOC code belongs to the group of its umbrella's specialties, if any."""
    if not groups:
        return list(entries)
    codes = major_group_codes(groups)
    parents = {e.parent: e.soc_code[:2] for e in entries if e.parent and e.soc_code}
    return [e for e in entries
            if (e.soc_code[:2] if e.soc_code else parents.get(e.id)) in codes]


def _check_known(what: str, values: Sequence[str], known: set[str]) -> None:
    for value in values:
        if value.lower() not in known:
            raise BadFilter(f"unknown {what} {value!r}; choose from {', '.join(sorted(known))}")
