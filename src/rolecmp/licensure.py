"""State-by-state licensure as data: ``data/licensure/<role-id>.yaml``.

Each file gives, for every one of the 50 states, DC and Puerto Rico, the status of the role there
(license, certification, registration, none, or unknown where no source says), the credential or
exam the state requires, the authority, the interstate compacts that apply and the source that
says so. Unknown stays unknown: a state is never filled in by analogy. :func:`check` is the
validation rule; ``rolecmp validate`` and the tests run it over every bundled file.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rolecmp.errors import InvalidRoleFile, RolecmpError
from rolecmp.records import NamedTuple
from rolecmp.states import BY_CODE

if TYPE_CHECKING:
    from rolecmp.render.base import Renderer, T

#: The jurisdictions every licensure file covers: the 50 states, DC and Puerto Rico.
JURISDICTIONS = tuple(sorted(code for code in BY_CODE if code not in ("GU", "VI")))
STATUSES = ("license", "certification", "registration", "none", "unknown")
SOURCE_TYPES = ("state", "profession", "federal")
_URL = re.compile(r"^https?://\S+\Z")
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\Z")
MAX_NOTE = 200


class Source(NamedTuple):
    key: str
    title: str
    url: str
    type: str

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "url": self.url, "type": self.type}


class Compact(NamedTuple):
    key: str
    name: str
    source: Source

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.key, "name": self.name, "source": self.source.url}


class StateLicensure(NamedTuple):
    """What one state requires of one role."""

    role: str
    state: str
    status: str
    credential: str | None
    authority: str | None
    compacts: tuple[Compact, ...]
    source: Source | None
    note: str | None
    checked: str

    @property
    def state_name(self) -> str:
        return BY_CODE[self.state].name

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "state": self.state, "state_name": self.state_name,
                "status": self.status, "credential": self.credential,
                "authority": self.authority, "compacts": [c.to_dict() for c in self.compacts],
                "source": self.source.to_dict() if self.source else None, "note": self.note,
                "checked": self.checked}


class LicensureTable(NamedTuple):
    """Every state's licensure for one role (the ``rolecmp licensure`` result)."""

    role_id: str
    role_name: str
    states: tuple[StateLicensure, ...]
    highlight: str | None = None

    def render_with(self, renderer: Renderer[T]) -> T:
        """Hand this result to ``renderer``'s method for it."""
        return renderer.licensure_table(self)

    @property
    def counts(self) -> dict[str, int]:
        return {s: sum(1 for x in self.states if x.status == s) for s in STATUSES}

    def to_list(self) -> list[dict[str, Any]]:
        return [s.to_dict() for s in self.states]

    def to_dict(self) -> dict[str, Any]:
        return {"role": {"id": self.role_id, "name": self.role_name}, "counts": self.counts,
                "states": self.to_list()}


class NoLicensureData(RolecmpError):
    """The role has no state-by-state licensure file."""


def licensure_dir() -> Path:
    from rolecmp.dataset import data_root

    return data_root() / "licensure"


def roles_with_data() -> list[str]:
    """The ids of the roles that have a licensure file, sorted."""
    try:
        return sorted(p.stem for p in licensure_dir().glob("*.yaml"))
    except OSError:
        return []


def check(data: Any, path: str) -> list[InvalidRoleFile]:
    """Every problem with a licensure file's data (each naming the file and the field)."""
    problems: list[InvalidRoleFile] = []

    def bad(field: str, message: str) -> None:
        problems.append(InvalidRoleFile(path, message, field=field))

    if not isinstance(data, dict):
        return [InvalidRoleFile(path, "must be a mapping (role:, sources:, states:)")]
    stem = Path(path).stem
    if data.get("role") != stem:
        bad("role", f"must be {stem!r}, the file's name")
    if not isinstance(data.get("checked"), str):
        bad("checked", "must say when the sources were read, e.g. \"2026-12\"")
    sources = data.get("sources")
    if not isinstance(sources, dict) or not sources:
        bad("sources", "must map short keys to {title, url, type}")
        sources = {}
    for key, source in sources.items():
        where = f"sources.{key}"
        if not isinstance(key, str) or not _KEY.match(key):
            bad(where, "a source key is letters, digits, '.', '_' or '-'")
        if not isinstance(source, dict):
            bad(where, "must be {title, url, type}")
            continue
        if not isinstance(source.get("title"), str) or not source["title"].strip():
            bad(f"{where}.title", "must be a non-empty string")
        if not isinstance(source.get("url"), str) or not _URL.match(source["url"]):
            bad(f"{where}.url", "must be an http(s):// URL")
        if source.get("type") not in SOURCE_TYPES:
            bad(f"{where}.type", f"must be one of: {', '.join(SOURCE_TYPES)}")
    compacts = data.get("compacts") or {}
    if not isinstance(compacts, dict):
        bad("compacts", "must map compact keys to {name, source}")
        compacts = {}
    for key, compact in compacts.items():
        if not isinstance(compact, dict) or not isinstance(compact.get("name"), str):
            bad(f"compacts.{key}", "must be {name, source}")
        elif compact.get("source") not in sources:
            bad(f"compacts.{key}.source", "must be a key of sources")
    states = data.get("states")
    if not isinstance(states, dict):
        bad("states", f"must map each of {len(JURISDICTIONS)} codes to its status")
        return problems
    for code in JURISDICTIONS:
        if code not in states:
            bad(f"states.{code}", "is missing: every state, DC and PR must be present (status: "
                                  "unknown where no source says)")
    for code, entry in states.items():
        where = f"states.{code}"
        if code not in JURISDICTIONS:
            bad(where, "is not one of the 50 states, DC or PR")
            continue
        if not isinstance(entry, dict):
            bad(where, "must be {status, source, ...}")
            continue
        status = entry.get("status")
        if status not in STATUSES:
            bad(f"{where}.status", f"must be one of: {', '.join(STATUSES)}")
        elif status != "unknown" and entry.get("source") not in sources:
            bad(f"{where}.source", f"a status of {status!r} needs a source (a key of sources)")
        elif status == "unknown" and entry.get("source") is not None and \
                entry["source"] not in sources:
            bad(f"{where}.source", "must be a key of sources")
        for field in ("credential", "authority", "note"):
            value = entry.get(field)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                bad(f"{where}.{field}", "must be a non-empty string or absent")
        if isinstance(entry.get("note"), str) and len(entry["note"]) > MAX_NOTE:
            bad(f"{where}.note", f"is longer than {MAX_NOTE} characters")
        listed = entry.get("compacts") or []
        if not isinstance(listed, list) or any(c not in compacts for c in listed):
            bad(f"{where}.compacts", "must list keys of compacts")
        unknown = set(entry) - {"status", "credential", "authority", "compacts", "source",
                                "note"}
        if unknown:
            bad(where, f"unknown field {sorted(unknown)[0]!r}")
    return problems


@cache
def _load(role_id: str) -> dict[str, StateLicensure] | None:
    from rolecmp import yamlload

    path = licensure_dir() / f"{role_id}.yaml"
    if not path.is_file():
        return None
    loaded = yamlload.load(str(path))
    problems = check(loaded.data, str(path))
    if problems:
        raise problems[0]
    data = loaded.data
    sources = {k: Source(k, v["title"], v["url"], v["type"]) for k, v in data["sources"].items()}
    compacts = {k: Compact(k, v["name"], sources[v["source"]])
                for k, v in (data.get("compacts") or {}).items()}
    found = {}
    for code in JURISDICTIONS:
        entry = data["states"][code]
        found[code] = StateLicensure(
            role_id, code, entry["status"], entry.get("credential"), entry.get("authority"),
            tuple(compacts[c] for c in entry.get("compacts") or ()),
            sources.get(entry.get("source") or ""), entry.get("note"), data["checked"])
    return found


def for_state(role_id: str, state: str) -> StateLicensure | None:
    """What ``state`` requires of the role; None when the role has no licensure file or the
    state is not covered (Guam, the Virgin Islands)."""
    table = _load(role_id)
    return table.get(state) if table else None


def table(role_id: str, role_name: str, highlight: str | None = None) -> LicensureTable:
    """Every state's licensure for the role, alphabetically by state name."""
    found = _load(role_id)
    if found is None:
        have = roles_with_data()
        raise NoLicensureData(f"no state-by-state licensure data for {role_id}; rolecmp has it "
                              f"for {len(have)} roles: {', '.join(have)}")
    ordered = sorted(found.values(), key=lambda s: s.state_name)
    return LicensureTable(role_id, role_name, tuple(ordered), highlight)
