"""The dataset tier: every occupation BLS publishes, built by scripts/ from pinned releases.

``data/occupations/`` holds compact files made by scripts/build_occupations.py and
scripts/build_pay.py (see scripts/README.md): ``occupations.json`` (every SOC occupation with its
O*NET-SOC codes and BLS projections), ``onet/<code>.json`` (one O*NET-SOC occupation's ratings,
interests, technology and related occupations), ``names.tsv`` (every SOC, O*NET, alternate and
reported title, sorted by its :func:`~rolecmp.names.normalize` key), ``programs.json`` (CIP 2020
programs of study) and ``pay/<SOC>.json`` (OEWS wages). Everything is read lazily: a name is found
by binary search in ``names.tsv`` without reading the file, and an occupation's files are read only
when it is shown.
"""

from __future__ import annotations

import json
import mmap
from functools import cache
from pathlib import Path
from typing import Any

from rolecmp.model import Role
from rolecmp.records import NamedTuple

#: SOC major groups that make up "healthcare" (practitioners and technical; support).
HEALTHCARE_GROUPS = ("29", "31")


@cache
def data_root() -> Path:
    """``data/`` inside the installed package, or the top-level ``data/`` of a source checkout
    (found once: a command asks some 20 times)."""
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    if (packaged / "occupations").is_dir() or (packaged / "roles").is_dir():
        return packaged
    return here.parent.parent / "data"


def occupations_dir() -> Path:
    return data_root() / "occupations"


def read_json(name: str, missing: Any) -> Any:
    """The bundled data file ``data/occupations/<name>`` decoded, or ``missing`` when the file is
    not there (an occupation O*NET has no file for; a copy built without the dataset)."""
    try:
        with open(occupations_dir() / name, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return missing


class Occupation(NamedTuple):
    """One SOC occupation as BLS publishes it, with the O*NET-SOC occupations under it."""

    soc_code: str
    id: str
    title: str
    major_group: str
    major_group_title: str
    onet: tuple[tuple[str, str], ...]  # (O*NET-SOC code, title)
    in_oews: bool
    in_ep: bool
    outlook: dict[str, Any] | None

    @property
    def onet_code(self) -> str | None:
        """The O*NET-SOC code that describes the whole occupation (its one ``.00`` code), if
        O*NET has one; None for a BLS group O*NET splits (29-2010: 29-2011.00, 29-2012.00)."""
        whole = [code for code, _ in self.onet if code.endswith(".00")]
        if len(whole) == 1:
            return whole[0]
        return self.onet[0][0] if len(self.onet) == 1 else None


@cache
def occupations() -> dict[str, Occupation]:
    """Every SOC occupation by code (empty when the dataset files are not installed)."""
    try:
        with open(occupations_dir() / "occupations.json", encoding="utf-8") as handle:
            raw = json.load(handle)["occupations"]
    except FileNotFoundError:
        return {}
    return {soc: _occupation(soc, o) for soc, o in raw.items()}


def _occupation(soc: str, o: dict[str, Any]) -> Occupation:
    return Occupation(soc, o["id"], o["title"], o["major_group"], o.get("major_group_title", ""),
                      tuple((c, t) for c, t in o.get("onet", ())), bool(o.get("in_oews")),
                      bool(o.get("in_ep")), o.get("outlook"))


@cache
def by_id() -> dict[str, Occupation]:
    return {o.id: o for o in occupations().values()}


# -- one occupation without the whole table ---------------------------------------------------
# Decoding occupations.json whole costs more than anything else in resolving a name (about 6 ms
# here), and a name needs one or two occupations: so an occupation is found in the file's text
# and decoded alone. A quoted key followed by ":{" can only be a member name (inside a JSON
# string a quote is escaped), and SOC codes are keys only of the top-level table. Once the whole
# table has been decoded (a listing), it is used instead.


def _is_soc(code: str) -> bool:
    """Whether ``code`` is a SOC code, 12-3456 (a test, not a regex: compiling one at import
    costs as much as the test does in a whole run)."""
    digits = code[:2] + code[3:]
    return len(code) == 7 and code[2] == "-" and digits.isascii() and digits.isdigit()


@cache
def _occupations_text() -> str | None:
    try:
        with open(occupations_dir() / "occupations.json", encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def _decoded(soc_code: str, at: int) -> Occupation | None:
    """The occupation whose object starts at ``at`` in the text, if it is one."""
    try:
        raw, _ = json.JSONDecoder().raw_decode(_occupations_text() or "", at)
    except ValueError:
        return None
    return _occupation(soc_code, raw) if isinstance(raw, dict) and "id" in raw else None


#: Occupations looked up by searching the text; after this many, every SOC code's place in it
#: is found in one pass (:func:`_places`), cheaper than searching for each (a listing).
_SEARCHES = 16
_searched: list[str] = []


@cache
def occupation(soc_code: str) -> Occupation | None:
    """The SOC occupation with this code, or None: ``occupations().get(soc_code)``, decoding
    only that occupation while the whole table is not needed."""
    text = None if occupations.cache_info().currsize else _occupations_text()
    if text is None or not text.startswith('{"occupations":{'):
        return occupations().get(soc_code)
    if not _is_soc(soc_code):
        return None
    if len(_searched) < _SEARCHES:
        _searched.append(soc_code)
        at = text.find(f'"{soc_code}":{{')
        return _decoded(soc_code, at + len(soc_code) + 3) if at >= 0 else None
    places = _places()
    if places is None:
        return occupations().get(soc_code)
    at = places[1].get(soc_code, -1)
    return _decoded(soc_code, at) if at >= 0 else None


def occupation_by_id(occupation_id: str) -> Occupation | None:
    """``by_id().get(occupation_id)``, decoding only that occupation."""
    text = None if occupations.cache_info().currsize else _occupations_text()
    if text is None or not text.startswith('{"occupations":{'):
        return by_id().get(occupation_id)
    at = text.find('"id":' + json.dumps(occupation_id))
    if at < 0:
        return None
    brace = text.rfind('":{"', 0, at)  # the end of the SOC key of the object holding it
    soc = text[brace - 7:brace]
    found = _decoded(soc, brace + 2) if brace > 8 and text[brace - 8] == '"' and \
        _is_soc(soc) else None
    return found if found is not None and found.id == occupation_id else \
        by_id().get(occupation_id)


@cache
def ids() -> dict[str, str]:
    """Every occupation's id -> its SOC code, in the order of :func:`occupations`, read from the
    text without decoding the table when it is laid out as the build script writes it."""
    places = None if occupations.cache_info().currsize else _places()
    if places is not None:
        return places[0]
    return {o.id: soc for soc, o in occupations().items()}


@cache
def _places() -> tuple[dict[str, str], dict[str, int]] | None:
    """(id -> SOC code, SOC code -> where its object starts) for every occupation, in one pass
    over occupations.json's text; None when it is not laid out as the build script writes it."""
    from itertools import pairwise

    text = _occupations_text()
    if text is None or not text.startswith('{"occupations":{'):
        return None
    found: dict[str, str] = {}
    starts: dict[str, int] = {}
    mark = ':{"title":"'
    # Each occupation begins "<SOC>":{"title":"<title>","id":"<id>" (ids are plain slugs); its
    # id is searched for only up to the next occupation, so it cannot be another's.
    marks = []
    at = text.find(mark)
    while at >= 0:
        marks.append(at)
        at = text.find(mark, at + len(mark))
    marks.append(len(text))
    for at, following in pairwise(marks):
        soc = text[at - 8:at - 1]
        id_at = text.find('","id":"', at, following)
        end = text.find('"', id_at + 8, following)
        occupation_id = text[id_at + 8:end]
        if id_at < 0 or end < 0 or not _is_soc(soc) or "\\" in occupation_id:
            return None
        found[occupation_id] = soc
        starts[soc] = at + 1
    return (found, starts) if len(found) == text.count('"id":') else None


@cache
def major_groups() -> dict[str, str]:
    """SOC major group code -> title, for the groups that have occupations."""
    return dict(sorted({o.major_group: o.major_group_title
                        for o in occupations().values()}.items()))


def occupation_of_onet(onet_code: str) -> Occupation | None:
    """The SOC occupation an O*NET-SOC code belongs to."""
    found = occupation(onet_code[:7])
    if found is not None:
        return found
    for candidate in occupations().values():  # aggregates BLS publishes (29-2010 for 29-2011.00)
        if any(code == onet_code for code, _ in candidate.onet):
            return candidate
    return None


def role(occupation: Occupation) -> Role:
    """The occupation as a dataset-tier role: names and codes only; nothing curated."""
    return Role(
        id=occupation.id, name=occupation.title, aliases=(), kind="role", family=None,
        parent=None, soc_code=occupation.soc_code, summary=None, education=None, scope=None,
        workplaces=(), certification=None, licensure=None, patient_contact=None, qualities=(),
        sources=(), onet_code=occupation.onet_code, origin="dataset", tier="dataset")


# -- names -----------------------------------------------------------------------------------

class Title(NamedTuple):
    """A title in the datasets: ``kind`` is soc, onet, alt (O*NET alternate title), short
    (its short form, like "RN") or reported (O*NET sample of reported titles)."""

    key: str
    title: str
    code: str
    kind: str


@cache
def _names_map() -> mmap.mmap | None:
    try:
        with open(occupations_dir() / "names.tsv", "rb") as handle:
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (FileNotFoundError, ValueError):  # ValueError: an empty file cannot be mapped
        return None


def titles(key: str) -> list[Title]:
    """Every dataset title whose key is exactly ``key``, by binary search in the sorted file."""
    data = _names_map()
    if data is None or not key:
        return []
    wanted = key.encode("utf-8")
    low, high = 0, len(data)
    # Find the first line whose key is >= wanted: bisect over byte offsets, each probe moved to
    # the start of the line it falls in.
    while low < high:
        mid = (low + high) // 2
        start = data.rfind(b"\n", 0, mid) + 1
        end = data.find(b"\t", start)
        if data[start:end] < wanted:
            nl = data.find(b"\n", mid)
            low = len(data) if nl < 0 else nl + 1
        else:
            high = start
    found = []
    pos = low
    while pos < len(data):
        nl = data.find(b"\n", pos)
        line = data[pos:] if nl < 0 else data[pos:nl]
        fields = line.decode("utf-8").split("\t")
        if fields[0] != key:
            break
        found.append(Title(*fields[:4]))
        pos = len(data) if nl < 0 else nl + 1
    return found


def title_keys() -> list[str]:
    """Every distinct title key (for suggestions, which only run when a name is not found)."""
    data = _names_map()
    if data is None:
        return []
    keys: dict[str, None] = {}
    for line in data[:].decode("utf-8").splitlines():
        keys[line.partition("\t")[0]] = None
    return list(keys)


def all_titles() -> list[Title]:
    """Every dataset title (for ``search``)."""
    data = _names_map()
    if data is None:
        return []
    return [Title(*line.split("\t")[:4]) for line in data[:].decode("utf-8").splitlines()]


@cache
def technology() -> list[tuple[str, str, bool]]:
    """Every O*NET technology example: (name, O*NET-SOC code, hot technology)."""
    try:
        text = (occupations_dir() / "technology.tsv").read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    found = []
    for line in text.splitlines():
        name, code, hot = line.split("\t")
        found.append((name, code, hot == "hot"))
    return found


# -- O*NET, programs -------------------------------------------------------------------------

@cache
def onet(code: str | None) -> dict[str, Any] | None:
    """One O*NET-SOC occupation's bundled data (ratings, interests, technology, related), or
    None when the release has no such occupation."""
    if not code:
        return None
    data: dict[str, Any] | None = read_json(f"onet/{code}.json", None)
    return data


@cache
def _programs() -> dict[str, Any]:
    data: dict[str, Any] = read_json("programs.json", {"programs": {}})
    return data


def programs(soc_code: str | None) -> list[tuple[str, str]]:
    """The CIP 2020 programs of study that lead to the occupation (code, title)."""
    if not soc_code:
        return []
    return [(c, t) for c, t in _programs()["programs"].get(soc_code, ())]


def programs_release() -> str | None:
    release = _programs().get("release")
    return str(release) if release else None


@cache
def elements() -> dict[str, dict[str, str]]:
    """O*NET element id -> {name, kind}."""
    data: dict[str, dict[str, str]] = read_json("elements.json", {})
    return data


class OnetFacts(NamedTuple):
    """What the views show of one O*NET-SOC occupation: facts and names, no sentences."""

    code: str
    title: str
    release: str  # the release of its ratings (skills, knowledge, job zone)
    job_zone: int | None
    interests: str | None  # the RIASEC high-point code, e.g. "SIR"
    technology: tuple[tuple[str, bool], ...]  # (example name, O*NET hot technology)
    rated: bool  # whether O*NET rates its skills and knowledge
    related: tuple[str, ...]
    kinds: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (commodity, its examples), most first

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "title": self.title, "release": self.release,
                "job_zone": self.job_zone, "interests": self.interests,
                "technology": [{"name": n, "hot": h} for n, h in self.technology],
                "technology_kinds": [{"kind": k, "examples": list(v)} for k, v in self.kinds],
                "skills_rated": self.rated, "related": list(self.related)}


#: RIASEC letters and the names O*NET gives them.
INTERESTS = {"R": "Realistic", "I": "Investigative", "A": "Artistic", "S": "Social",
             "E": "Enterprising", "C": "Conventional"}


@cache
def onet_facts(code: str | None) -> OnetFacts | None:
    """The facts of an O*NET-SOC occupation, or None when it is not in the bundled release."""
    data = onet(code)
    if data is None or code is None:
        return None
    release = data.get("release") or {}
    interests = data.get("interests") or {}
    tech = tuple((str(t[0]), bool(t[2])) for t in data.get("technology") or ())
    kinds: dict[str, list[str]] = {}
    # hot examples first within each kind, then the file's alphabetical order
    for name, commodity, *_ in sorted(data.get("technology") or (), key=lambda t: not t[2]):
        kinds.setdefault(str(commodity), []).append(str(name))
    return OnetFacts(code, data.get("title", code),
                     str(release.get("ratings") or release.get("job_zone") or ""),
                     data.get("job_zone"), interests.get("high_point") or None, tech,
                     data.get("skills") is not None,
                     tuple(str(r[0]) for r in data.get("related") or ()),
                     # The kinds of technology the occupation uses most: a sign of the work
                     # ("Medical software"), where one hot tool may be any office's.
                     tuple((k, tuple(v)) for k, v in
                           sorted(kinds.items(), key=lambda kv: (-len(kv[1]), kv[0]))))
