"""Typed role records, built from a validated role file (see :mod:`rolecmp.schema`).

Records are :class:`typing.NamedTuple` classes: immutable, hashable and typed like frozen
dataclasses, but about five times cheaper to define, which matters at start-up (see
benchmarks/README.md).
"""

from __future__ import annotations

from typing import Any, NamedTuple


class ProgramLength(NamedTuple):
    """Typical program length in months; ``None`` where no source gives one."""

    min: int | None
    max: int | None


class Education(NamedTuple):
    path: str
    credential_levels: tuple[str, ...]
    program_months: ProgramLength


class Duties(NamedTuple):
    clinical: tuple[str, ...]
    administrative: tuple[str, ...]
    technical: tuple[str, ...]

    def groups(self) -> list[tuple[str, tuple[str, ...]]]:
        """The non-empty groups, in a fixed order."""
        pairs = [("clinical", self.clinical), ("administrative", self.administrative),
                 ("technical", self.technical)]
        return [(name, items) for name, items in pairs if items]

    def all(self) -> tuple[str, ...]:
        return self.clinical + self.administrative + self.technical


class Scope(NamedTuple):
    breadth: str
    duties: Duties


class Credential(NamedTuple):
    abbreviation: str
    name: str
    body: str
    source: str


class Certification(NamedTuple):
    status: str
    credentials: tuple[Credential, ...]


class PatientContact(NamedTuple):
    level: str
    why: str


class NextStep(NamedTuple):
    role: str
    how: str


class Counterpart(NamedTuple):
    role: str
    education: str
    credential: str
    scope: str


class Source(NamedTuple):
    title: str
    url: str
    type: str
    supports: tuple[str, ...]


class Role(NamedTuple):
    """One healthcare role, as its role file describes it."""

    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    family: str
    parent: str | None
    soc_code: str | None
    summary: str
    education: Education
    scope: Scope
    workplaces: tuple[str, ...]
    certification: Certification
    licensure: str
    patient_contact: PatientContact
    qualities: tuple[str, ...]
    sources: tuple[Source, ...]
    soc_note: str | None = None
    onet_code: str | None = None
    less_common: bool = False
    next_steps: tuple[NextStep, ...] = ()
    counterpart: Counterpart | None = None
    origin: str = ""

    @classmethod
    def from_data(cls, data: dict[str, Any], origin: str = "") -> Role:
        """Build a role from data that :func:`rolecmp.schema.validate` accepted."""
        edu = data["education"]
        duties = data["scope"]["duties"]
        cert = data["certification"]
        counterpart = data.get("counterpart")
        return cls(
            id=data["id"],
            name=data["name"],
            aliases=tuple(data["aliases"]),
            kind=data["kind"],
            family=data["family"],
            parent=data["parent"],
            soc_code=data["soc_code"],
            soc_note=data.get("soc_note"),
            onet_code=data.get("onet_code"),
            less_common=bool(data.get("less_common", False)),
            summary=data["summary"],
            education=Education(
                path=edu["path"],
                credential_levels=tuple(edu["credential_levels"]),
                program_months=ProgramLength(edu["program_months"]["min"],
                                             edu["program_months"]["max"]),
            ),
            scope=Scope(
                breadth=data["scope"]["breadth"],
                duties=Duties(*(tuple(duties[g]) for g in
                                ("clinical", "administrative", "technical"))),
            ),
            workplaces=tuple(data["workplaces"]),
            certification=Certification(
                status=cert["status"],
                credentials=tuple(Credential(**c) for c in cert["credentials"]),
            ),
            licensure=data["licensure"],
            patient_contact=PatientContact(**data["patient_contact"]),
            qualities=tuple(data["qualities"]),
            next_steps=tuple(NextStep(**s) for s in data.get("next_steps") or ()),
            counterpart=Counterpart(**counterpart) if counterpart else None,
            sources=tuple(Source(s["title"], s["url"], s["type"], tuple(s["supports"]))
                          for s in data["sources"]),
            origin=origin,
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data with the role file's field names (the JSON contract)."""
        out: dict[str, Any] = plain(self)
        out.pop("origin")
        return out


def plain(value: Any) -> Any:
    """Records as dicts, tuples as lists, all the way down."""
    if hasattr(value, "_asdict"):
        return {key: plain(item) for key, item in value._asdict().items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value
