"""Typed role records, built from a validated role file (see :mod:`rolecmp.schema`)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class ProgramLength:
    """Typical program length in months; ``None`` where no source gives one."""

    min: int | None
    max: int | None


@dataclass(frozen=True)
class Education:
    path: str
    credential_levels: tuple[str, ...]
    program_months: ProgramLength


@dataclass(frozen=True)
class Duties:
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


@dataclass(frozen=True)
class Scope:
    breadth: str
    duties: Duties


@dataclass(frozen=True)
class Credential:
    abbreviation: str
    name: str
    body: str
    source: str


@dataclass(frozen=True)
class Certification:
    status: str
    credentials: tuple[Credential, ...]


@dataclass(frozen=True)
class PatientContact:
    level: str
    why: str


@dataclass(frozen=True)
class NextStep:
    role: str
    how: str


@dataclass(frozen=True)
class Counterpart:
    role: str
    education: str
    credential: str
    scope: str


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    type: str
    supports: tuple[str, ...]


@dataclass(frozen=True)
class Role:
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
    origin: str = field(default="", compare=False)

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
        out = asdict(self)
        out.pop("origin")
        return out
