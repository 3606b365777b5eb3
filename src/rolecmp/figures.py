"""Bundled BLS figures: wages (OEWS) and outlook (Employment Projections), for every occupation.

Each SOC code's wages are one compact JSON file in ``data/occupations/pay/`` (national, every
state and territory, every metropolitan and nonmetropolitan area, and the industries that employ
it), read only when a role with that code is shown; projections come with the occupation index
(:mod:`rolecmp.dataset`). Every figure names its release, and every release is described once, in
``data/sources.json`` (:func:`releases`); no release id or period is written in the code. A value
BLS does not publish is ``None`` with BLS's reason.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from rolecmp.errors import RolecmpError
from rolecmp.records import NamedTuple

NATIONAL = "US"
PERCENTILES = ("p10_annual", "p25_annual", "median_annual", "p75_annual", "p90_annual")


class UnknownRelease(RolecmpError):
    """A release id that ``data/sources.json`` does not describe: the bundled data is broken."""

    exit_code = 1


class Release(NamedTuple):
    """One cited data release."""

    id: str
    title: str
    short: str
    publisher: str
    release: str
    published: str | None
    url: str
    licence: str
    note: str
    kind: str = ""
    period: str = ""

    def stale_from(self) -> str | None:
        """The ISO date two years after publication, from which the release counts as old
        (None when the manifest gives no date). ISO dates compare as strings, which spares
        importing datetime at every run."""
        if not self.published:
            return None
        year, _, rest = self.published.partition("-")
        return f"{int(year) + 2}-{rest or '01'}"

    def to_dict(self) -> dict[str, Any]:
        return self._asdict()


@cache
def releases() -> tuple[Release, ...]:
    """Every bundled release, as listed in the sources manifest ``data/sources.json``."""
    from rolecmp.dataset import data_root

    with open(data_root() / "sources.json", encoding="utf-8") as handle:
        fields = set(Release._fields)
        return tuple(Release(**{k: v for k, v in item.items() if k in fields})
                     for item in json.load(handle)["releases"])


def release(release_id: str) -> Release:
    """The release with this id; :class:`UnknownRelease` when the manifest has none."""
    for found in releases():
        if found.id == release_id:
            return found
    raise UnknownRelease(f"the bundled data names release {release_id!r}, which "
                         "data/sources.json does not describe; reinstall rolecmp")


def release_of_kind(kind: str) -> Release | None:
    """The bundled release of a kind of dataset ("oews", "ep", "onet", "cip"); the newest when
    there are several."""
    found = [r for r in releases() if r.kind == kind]
    return max(found, key=lambda r: r.published or "") if found else None


#: Kinds of release whose figures age: wages, projections and ratings. A code crosswalk (CIP)
#: stays current until its next edition.
FIGURE_KINDS = ("oews", "ep", "onet")


def stale_releases(today: str) -> list[Release]:
    """Figure releases published more than two years before ``today`` (YYYY-MM-DD)."""
    return [r for r in releases() if r.kind in FIGURE_KINDS
            and (since := r.stale_from()) is not None and today > since]


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


#: How a pay file marks a value BLS does not publish as a number.
TOP_CODED = "top"
#: The pay file's field names -> the names of :class:`Pay`'s figures.
_FIELD_KEYS = {"median": "median_annual", "p10": "p10_annual", "p25": "p25_annual",
               "p75": "p75_annual", "p90": "p90_annual", "mean": "mean_annual"}


@cache
def _wages(soc_code: str) -> dict[str, Any] | None:
    text = _wages_text(soc_code)
    if text is None:
        return None
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def _wages_text(soc_code: str) -> str | None:
    return _read_text(dataset_dir() / "pay" / f"{soc_code}.json")


def _read_text(path: Path) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


# -- decoding one member of a large JSON file -----------------------------------------------------
# A pay file holds some 550 areas and outlook.json 830 occupations, and a command shows a few: at
# start-up, decoding a whole pay file costs about as much as decoding the two or three values it
# needs from every pay file it reads. So single values are decoded where they stand; the build
# scripts write these files compactly (``"key":value``). Whenever that finds nothing, the whole
# file is decoded and read as before, so an unexpected layout costs time, never a wrong answer.
_MISSING: Any = object()


def _member(text: str, key: str, start: int = 0) -> Any:
    """The value of the first object member named ``key`` at or after ``start`` in the JSON
    ``text`` (decoded alone), or _MISSING. A quoted key followed by a colon can only be a member
    name: inside a JSON string a quote is escaped."""
    needle = json.dumps(key) + ":"
    at = text.find(needle, start)
    if at < 0:
        return _MISSING
    try:
        return _DECODER.raw_decode(text, at + len(needle))[0]
    except ValueError:
        return _MISSING


_DECODER = json.JSONDecoder()


@cache
def _wages_head(soc_code: str) -> dict[str, Any] | None:
    """What a Pay needs of a pay file besides its area's values: release, code, title, fields;
    None when a member is not where it is expected (then the whole file is decoded)."""
    text = _wages_text(soc_code)
    if text is None:
        return None
    areas = text.find('"areas":{')
    if areas < 0:
        return None
    head = text[:areas]
    found = {key: _member(head, key) for key in ("release", "soc_code", "title", "fields")}
    if any(value is _MISSING for value in found.values()) or \
            not isinstance(found["fields"], list):
        return None
    return {**found, "areas_at": areas}


def _area_values(soc_code: str, area_code: str) -> list[Any] | None:
    """The pay file's values for one area, decoded alone; None when the file has no such area
    (or the quick way finds nothing, and the whole file says so)."""
    head = _wages_head(soc_code)
    if head is not None:
        values = _member(_wages_text(soc_code) or "", area_code, head["areas_at"])
        if isinstance(values, list):
            return values
    data = _wages(soc_code)
    if data is None or area_code not in data["areas"]:
        return None
    found: list[Any] = data["areas"][area_code]
    return found


def dataset_dir() -> Path:
    from rolecmp.dataset import occupations_dir

    return occupations_dir()


def _pay(data: dict[str, Any], area_code: str, values: list[Any]) -> Pay:
    from rolecmp.areas import area_name

    named = dict(zip(data["fields"], values, strict=False))
    markers: dict[str, str] = {}
    figures: dict[str, Any] = {}
    for field, value in named.items():
        key: str = _FIELD_KEYS.get(str(field), str(field))
        if value == TOP_CODED:
            markers[key] = "top-coded"
            figures[key] = None
        elif value is None:
            markers[key] = "not released"
            figures[key] = None
        else:
            figures[key] = value
    return Pay(
        soc_code=data["soc_code"], soc_title=data["title"], release=data["release"],
        area=area_name(area_code), area_code=area_code, employment=figures.get("employment"),
        median_annual=figures.get("median_annual"), p10_annual=figures.get("p10_annual"),
        p25_annual=figures.get("p25_annual"), p75_annual=figures.get("p75_annual"),
        p90_annual=figures.get("p90_annual"), median_hourly=figures.get("median_hourly"),
        markers=markers,
    )


@cache
def pay(soc_code: str | None, area_code: str = NATIONAL) -> Pay | None:
    """The OEWS estimates for ``soc_code`` in an area (``US``, a state's two-letter code, or an
    OEWS metropolitan or nonmetropolitan area code); None when BLS publishes nothing for that
    occupation there."""
    if not soc_code:
        return None
    values = _area_values(soc_code, area_code)
    if values is None:
        return None
    head = _wages_head(soc_code) or _wages(soc_code)
    return _pay(head, area_code, values) if head is not None else None


@cache
def _national() -> dict[str, Any]:
    from rolecmp.dataset import read_json

    data: dict[str, Any] = read_json("national.json", {"occupations": {}})
    return data


def national_pay(soc_code: str | None) -> Pay | None:
    """The national OEWS estimates for ``soc_code`` from the one summary file (for listings of
    many occupations), the same figures as ``pay(soc_code)``."""
    data = _national()
    values = data["occupations"].get(soc_code or "")
    if values is None:
        return None
    from rolecmp.dataset import occupation

    found = occupation(soc_code) if soc_code else None
    return _pay({"soc_code": soc_code, "title": found.title if found else soc_code,
                 "release": data["release"], "fields": data["fields"]}, NATIONAL, values)


def pay_by_area(soc_code: str | None) -> list[Pay]:
    """The national estimates first, then every area BLS publishes, in the file's order."""
    data = _wages(soc_code) if soc_code else None
    if data is None:
        return []
    return [_pay(data, code, values) for code, values in data["areas"].items()]


class Industry(NamedTuple):
    """An industry that employs an occupation, nationally (OEWS industry estimates)."""

    code: str
    title: str
    employment: int
    share: float | None  # of the occupation's national employment

    def to_dict(self) -> dict[str, Any]:
        return self._asdict()


def industries(soc_code: str | None, level: int = 4) -> list[Industry]:
    """The industries (NAICS, at ``level`` digits) that employ the occupation, most first."""
    text = _wages_text(soc_code) if soc_code else None
    if text is None or soc_code is None:
        return []
    employing = _member(text, "industries")
    if not isinstance(employing, list):
        employing = (_wages(soc_code) or {}).get("industries", ())
    from rolecmp.areas import industry_titles

    titles = industry_titles()
    national = pay(soc_code)
    total = national.employment if national else None
    found = []
    for code, employment in employing:
        info = titles.get(code)
        if info is None or info.get("level") != level:
            continue
        found.append(Industry(code, info["title"], employment,
                              round(employment / total, 3) if total else None))
    return found


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
    text = _outlook_text()
    if text is None:
        return {}
    data: dict[str, Any] = json.loads(text)["occupations"]
    return data


@cache
def _outlook_text() -> str | None:
    return _read_text(dataset_dir() / "outlook.json")


#: After this many occupations looked up one by one, outlook.json is decoded whole: about where
#: searching the text for each costs more than decoding it all (a listing of every occupation).
_ONE_BY_ONE = 64
_looked_up: dict[str, Any] = {}


def _projection(soc_code: str | None) -> dict[str, Any] | None:
    """One occupation's projections from outlook.json, decoded alone while few are asked for."""
    if not soc_code:
        return None
    if soc_code in _looked_up:
        row: dict[str, Any] | None = _looked_up[soc_code]
        return row
    if len(_looked_up) < _ONE_BY_ONE and _projections.cache_info().currsize == 0:
        text = _outlook_text()
        start = text.find('"occupations":{') if text is not None else -1
        if text is not None and start >= 0:
            found = _member(text, soc_code, start)
            if isinstance(found, dict):
                _looked_up[soc_code] = found
                return found
    row = _projections().get(soc_code)
    _looked_up[soc_code] = row
    return row


def outlook(soc_code: str | None) -> Outlook | None:
    """BLS Employment Projections for ``soc_code``, nationally, or None."""
    row = _projection(soc_code)
    ep = release_of_kind("ep")
    if row is None or ep is None or soc_code is None:
        return None
    return Outlook(soc_code, row["title"], ep.id, ep.period, row["change_pct"],
                   row["annual_openings"], row["employment_2024"], row["employment_2034"])


def entry_requirements(soc_code: str | None) -> EntryRequirements | None:
    """BLS's typical entry-level education, work experience and on-the-job training."""
    row = _projection(soc_code)
    ep = release_of_kind("ep")
    if row is None or ep is None:
        return None
    return EntryRequirements(row["entry_education"], row["work_experience"],
                             row["on_the_job_training"], ep.id)


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
