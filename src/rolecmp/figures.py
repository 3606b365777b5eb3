"""Bundled BLS figures: wages (OEWS May 2025) and outlook (Employment Projections 2024-34).

Each SOC code's wages are one small JSON file in ``data/figures/oews/``, read only when a role with
that code is shown; projections are one file for all healthcare occupations. Every figure names
its release (:func:`release`), and a value BLS does not publish is ``None`` with BLS's reason.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from rolecmp.states import BY_CODE

NATIONAL = "US"
PERCENTILES = ("p10_annual", "p25_annual", "median_annual", "p75_annual", "p90_annual")


def figures_dir() -> Path:
    """``data/figures`` inside the installed package, or in a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "figures"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "data" / "figures"


class Release(NamedTuple):
    """One cited data release."""

    id: str
    title: str
    short: str
    publisher: str
    release: str
    published: str
    url: str
    licence: str
    note: str

    def stale_from(self) -> str:
        """The ISO date two years after publication, from which the release counts as old.
        (ISO dates compare as strings, which spares importing datetime at every run.)"""
        year, _, rest = self.published.partition("-")
        return f"{int(year) + 2}-{rest or '01'}"

    def to_dict(self) -> dict[str, Any]:
        return self._asdict()


@cache
def releases() -> tuple[Release, ...]:
    """Every bundled release, as listed in ``data/figures/sources.json``."""
    with open(figures_dir() / "sources.json", encoding="utf-8") as handle:
        return tuple(Release(**item) for item in json.load(handle)["releases"])


def release(release_id: str) -> Release:
    return next(r for r in releases() if r.id == release_id)


def stale_releases(today: str) -> list[Release]:
    """Releases published more than two years before ``today`` (YYYY-MM-DD)."""
    return [r for r in releases() if today > r.stale_from()]


class Pay(NamedTuple):
    """BLS OEWS estimates for one occupation in one area. A ``None`` figure is one BLS did not
    publish; ``markers`` says why ("top-coded": at least $239,200 a year; "not released")."""

    soc_code: str
    soc_title: str
    release: str
    area: str
    area_code: str
    employment: int | None
    median_annual: int | None
    p10_annual: int | None
    p25_annual: int | None
    p75_annual: int | None
    p90_annual: int | None
    median_hourly: float | None = None
    markers: dict[str, str] = {}  # noqa: RUF012 (never mutated)

    @property
    def annual_from_hourly(self) -> bool:
        """Whether the annual figures are BLS's hourly ones x 2,080 (BLS footnote 2: so for
        every occupation whose hourly wages BLS publishes)."""
        return self.median_hourly is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "release": self.release, "area": self.area, "area_code": self.area_code,
            "soc_code": self.soc_code, "soc_title": self.soc_title,
            "employment": self.employment, "median_annual": self.median_annual,
            "p10_annual": self.p10_annual, "p25_annual": self.p25_annual,
            "p75_annual": self.p75_annual, "p90_annual": self.p90_annual,
            "annual_from_hourly": self.annual_from_hourly, "markers": dict(self.markers),
        }


@cache
def _wages(soc_code: str) -> dict[str, Any] | None:
    path = figures_dir() / "oews" / f"{soc_code}.json"
    try:
        with open(path, encoding="utf-8") as handle:
            data: dict[str, Any] = json.load(handle)
            return data
    except FileNotFoundError:
        return None


def _pay(data: dict[str, Any], area_code: str, figures: dict[str, Any]) -> Pay:
    area = "National" if area_code == NATIONAL else BY_CODE[area_code].name
    return Pay(
        soc_code=data["soc_code"], soc_title=data["title"], release=data["release"],
        area=area, area_code=area_code, employment=figures.get("employment"),
        median_annual=figures.get("median_annual"), p10_annual=figures.get("p10_annual"),
        p25_annual=figures.get("p25_annual"), p75_annual=figures.get("p75_annual"),
        p90_annual=figures.get("p90_annual"), median_hourly=figures.get("median_hourly"),
        markers=dict(figures.get("markers", {})),
    )


@cache
def pay(soc_code: str | None, area_code: str = NATIONAL) -> Pay | None:
    """The OEWS estimates for ``soc_code`` in an area (``US`` or a state's two-letter code);
    None when BLS publishes nothing for that occupation there."""
    data = _wages(soc_code) if soc_code else None
    if data is None or area_code not in data["areas"]:
        return None
    return _pay(data, area_code, data["areas"][area_code])


def pay_by_area(soc_code: str | None) -> list[Pay]:
    """The national estimates first, then every state, DC and territory BLS publishes."""
    data = _wages(soc_code) if soc_code else None
    if data is None:
        return []
    return [_pay(data, code, figures) for code, figures in data["areas"].items()]


class Outlook(NamedTuple):
    """BLS Employment Projections for one occupation, nationally."""

    soc_code: str
    soc_title: str
    release: str
    period: str
    employment_change_pct: float
    annual_openings: int
    employment_2024: int
    employment_2034: int

    def to_dict(self) -> dict[str, Any]:
        return {"period": self.period, "employment_change_pct": self.employment_change_pct,
                "annual_openings": self.annual_openings, "release": self.release,
                "soc_code": self.soc_code, "soc_title": self.soc_title,
                "employment_2024": self.employment_2024, "employment_2034": self.employment_2034}


class EntryRequirements(NamedTuple):
    """BLS's typical entry-level education, work experience and on-the-job training."""

    education: str
    work_experience: str
    on_the_job_training: str
    release: str

    def to_dict(self) -> dict[str, Any]:
        return self._asdict()


@cache
def _projections() -> dict[str, Any]:
    with open(figures_dir() / "projections-2024-34.json", encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
        return data


def outlook(soc_code: str | None) -> Outlook | None:
    data = _projections()
    row = data["occupations"].get(soc_code) if soc_code else None
    if row is None:
        return None
    return Outlook(soc_code or "", row["title"], data["release"], "2024-34",
                   row["employment_change_pct"], row["annual_openings"],
                   row["employment_2024"], row["employment_2034"])


def entry_requirements(soc_code: str | None) -> EntryRequirements | None:
    data = _projections()
    row = data["occupations"].get(soc_code) if soc_code else None
    if row is None:
        return None
    return EntryRequirements(row["typical_entry_education"], row["work_experience"],
                             row["on_the_job_training"], data["release"])


def take_stale_warning(today: str, state_dir: Path, shown: Sequence[str]) -> list[Release]:
    """The stale releases among ``shown`` (release ids) not yet warned about, remembering them in
    ``state_dir`` so each is reported once. If it cannot be written the warning may repeat."""
    fresh = []
    for stale in stale_releases(today):
        if stale.id not in shown:
            continue
        marker = state_dir / f"warned-{stale.id}"
        if marker.exists():
            continue
        fresh.append(stale)
        try:
            state_dir.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            pass
    return fresh


def environ_today() -> str:
    """Today as YYYY-MM-DD, or ``$ROLECMP_TODAY`` so the staleness warning can be tested."""
    import time

    return os.environ.get("ROLECMP_TODAY") or time.strftime("%Y-%m-%d")
