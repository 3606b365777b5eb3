"""U.S. states, DC and the territories for which BLS OEWS publishes state estimates."""

from __future__ import annotations

from rolecmp.errors import RolecmpError
from rolecmp.records import NamedTuple


class State(NamedTuple):
    fips: str
    code: str
    name: str


STATES: tuple[State, ...] = tuple(State(*row) for row in (
    ("01", "AL", "Alabama"), ("02", "AK", "Alaska"), ("04", "AZ", "Arizona"),
    ("05", "AR", "Arkansas"), ("06", "CA", "California"), ("08", "CO", "Colorado"),
    ("09", "CT", "Connecticut"), ("10", "DE", "Delaware"), ("11", "DC", "District of Columbia"),
    ("12", "FL", "Florida"), ("13", "GA", "Georgia"), ("15", "HI", "Hawaii"),
    ("16", "ID", "Idaho"), ("17", "IL", "Illinois"), ("18", "IN", "Indiana"),
    ("19", "IA", "Iowa"), ("20", "KS", "Kansas"), ("21", "KY", "Kentucky"),
    ("22", "LA", "Louisiana"), ("23", "ME", "Maine"), ("24", "MD", "Maryland"),
    ("25", "MA", "Massachusetts"), ("26", "MI", "Michigan"), ("27", "MN", "Minnesota"),
    ("28", "MS", "Mississippi"), ("29", "MO", "Missouri"), ("30", "MT", "Montana"),
    ("31", "NE", "Nebraska"), ("32", "NV", "Nevada"), ("33", "NH", "New Hampshire"),
    ("34", "NJ", "New Jersey"), ("35", "NM", "New Mexico"), ("36", "NY", "New York"),
    ("37", "NC", "North Carolina"), ("38", "ND", "North Dakota"), ("39", "OH", "Ohio"),
    ("40", "OK", "Oklahoma"), ("41", "OR", "Oregon"), ("42", "PA", "Pennsylvania"),
    ("44", "RI", "Rhode Island"), ("45", "SC", "South Carolina"), ("46", "SD", "South Dakota"),
    ("47", "TN", "Tennessee"), ("48", "TX", "Texas"), ("49", "UT", "Utah"),
    ("50", "VT", "Vermont"), ("51", "VA", "Virginia"), ("53", "WA", "Washington"),
    ("54", "WV", "West Virginia"), ("55", "WI", "Wisconsin"), ("56", "WY", "Wyoming"),
    ("66", "GU", "Guam"), ("72", "PR", "Puerto Rico"), ("78", "VI", "Virgin Islands"),
))

BY_CODE = {s.code: s for s in STATES}
BY_FIPS = {s.fips: s for s in STATES}


class UnknownState(RolecmpError):
    """A ``--state`` value that names no state, DC or territory."""

    def __init__(self, value: str, suggestions: list[str]) -> None:
        message = f"unknown state {value!r}"
        if suggestions:
            message += "; did you mean " + ", ".join(suggestions) + "?"
        else:
            message += "; use a two-letter code (CA) or a name (California)"
        super().__init__(message)


def find_state(value: str) -> State:
    """The state named by a two-letter code or a name, in any case."""
    import difflib

    text = " ".join(value.split()).lower()
    for state in STATES:
        if text in (state.code.lower(), state.name.lower()):
            return state
    if text in ("washington dc", "washington, dc", "d.c."):
        return BY_CODE["DC"]
    names = {s.name.lower(): s for s in STATES}
    close = difflib.get_close_matches(text, list(names), n=3, cutoff=0.7)
    prefix = [s for s in STATES if s.name.lower().startswith(text)] if text else []
    seen: list[str] = []
    for state in [*(names[c] for c in close), *prefix]:
        label = f"{state.name} ({state.code})"
        if label not in seen:
            seen.append(label)
    raise UnknownState(value, seen[:3])
