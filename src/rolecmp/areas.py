"""The areas BLS OEWS publishes wages for: the nation, every state, DC and territory, and every
metropolitan and nonmetropolitan area (``data/occupations/areas.json``, built by
scripts/build_pay.py), and the names people give them."""

from __future__ import annotations

from functools import cache
from typing import Any

from rolecmp.errors import RolecmpError
from rolecmp.records import NamedTuple
from rolecmp.states import BY_CODE, UnknownState, find_state

NATIONAL = "US"
#: Kinds of area, widest first.
KINDS = ("national", "state", "metro", "nonmetro")


class Area(NamedTuple):
    """One OEWS area. ``code`` is "US", a state's postal code or the OEWS area code of a
    metropolitan or nonmetropolitan area; ``states`` are the postal codes it lies in."""

    code: str
    name: str
    type: str
    states: tuple[str, ...]
    short: str | None = None

    @property
    def state(self) -> str | None:
        """The one state whose rules apply (a state, or a metro within one state)."""
        return self.states[0] if len(self.states) == 1 else None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "type": self.type,
                "states": list(self.states), "short": self.short}


NATIONAL_AREA = Area(NATIONAL, "National", "national", ())


@cache
def _areas_file() -> dict[str, Any]:
    from rolecmp.dataset import read_json

    data: dict[str, Any] = read_json("areas.json", {"areas": {}})
    return data


@cache
def areas() -> dict[str, Area]:
    """Every area by code: the nation, the states and territories, then the metropolitan and
    nonmetropolitan areas."""
    found = {NATIONAL: NATIONAL_AREA}
    for state in BY_CODE.values():
        found[state.code] = Area(state.code, state.name, "state", (state.code,))
    for code, info in _areas_file()["areas"].items():
        if info.get("type") in ("metro", "nonmetro"):
            found[code] = Area(code, info["name"], info["type"], tuple(info.get("states", ())),
                               info.get("short"))
    return found


def area_name(code: str) -> str:
    # The nation and the states are known without reading areas.json (only metros are in it).
    if code == NATIONAL:
        return NATIONAL_AREA.name
    if code in BY_CODE:
        return BY_CODE[code].name
    found = areas().get(code)
    if found is not None:
        return found.name
    return "National" if code == NATIONAL else code


@cache
def industry_titles() -> dict[str, dict[str, Any]]:
    """OEWS industry code -> {title, level}."""
    from rolecmp.dataset import read_json

    data: dict[str, dict[str, Any]] = read_json("industries.json", {"industries": {}})[
        "industries"]
    return data


class UnknownArea(RolecmpError):
    """An ``--area`` value that names no area, or several."""


#: Most candidates an ambiguous area name lists.
MAX_LISTED = 8


def find_area(value: str) -> Area:
    """The area a person means: "national", a state or territory (code or name, any case), a
    metropolitan or nonmetropolitan area by its OEWS code (7 digits, or the 5-digit metro code)
    or by a fragment of its name ("Los Angeles"). Several matches are an error that lists them."""
    text = " ".join(value.split())
    folded = text.casefold()
    if folded in ("national", "us", "usa", "united states", "nation", "u.s."):
        return NATIONAL_AREA
    try:
        state = find_state(text[:100])
        return areas()[state.code]
    except UnknownState as not_state:
        state_error = not_state
    local = [a for a in areas().values() if a.type in ("metro", "nonmetro")]
    digits = text.strip()
    if digits.isdigit():
        for area in local:
            if digits in (area.code, area.short, area.code.lstrip("0")):
                return area
        raise UnknownArea(f"unknown area code {value!r}; OEWS metropolitan codes look like "
                          "31080 (Los Angeles) or 0031080")
    exact = [a for a in local if a.name.casefold() == folded]
    if len(exact) == 1:
        return exact[0]
    fragment = [a for a in local if folded and folded in a.name.casefold()]
    if len(fragment) == 1:
        return fragment[0]
    if fragment:
        listed = ", ".join(f"{a.name} ({a.short or a.code})" for a in fragment[:MAX_LISTED])
        more = f" and {len(fragment) - MAX_LISTED} more" if len(fragment) > MAX_LISTED else ""
        raise UnknownArea(f"area {value!r} could mean {listed}{more}; give more of the name "
                          "or the code")
    if not local:
        raise state_error
    from rapidfuzz import process, utils

    names = {a.name: a for a in local}
    close = process.extract(text[:100], list(names), processor=utils.default_process,
                            limit=3, score_cutoff=70)
    hint = ("; did you mean " + ", ".join(f"{n} ({names[n].short or names[n].code})"
                                          for n, _, _ in close) + "?") if close else \
        "; give a state (CA), a metro name (Los Angeles) or an OEWS area code (31080)"
    raise UnknownArea(f"unknown area {value!r}{hint}")
