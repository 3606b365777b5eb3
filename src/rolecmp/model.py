"""Typed role records, built from a validated role file (see :mod:`rolecmp.schema`).

Records are :class:`typing.NamedTuple` classes: immutable, hashable and typed like frozen
dataclasses, but about five times cheaper to define, which matters at start-up (see
benchmarks/README.md).
"""

from __future__ import annotations

from typing import Any

from rolecmp.records import NamedTuple


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


#: Where a role comes from: a role file shipped with rolecmp, one of the user's own role files, or
#: an occupation built from the datasets (BLS OEWS and Employment Projections, O*NET), which has
#: no curated words: its scope, credentials, licensure and the like are "not curated".
TIERS = ("curated", "user", "dataset")


class Role(NamedTuple):
    """One role: a curated role file, or an occupation from the datasets (``tier``
    "dataset"), whose curated fields are None or empty."""

    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    family: str | None
    parent: str | None
    soc_code: str | None
    summary: str | None
    education: Education | None
    scope: Scope | None
    workplaces: tuple[str, ...]
    certification: Certification | None
    licensure: str | None
    patient_contact: PatientContact | None
    qualities: tuple[str, ...]
    sources: tuple[Source, ...]
    soc_note: str | None = None
    onet_code: str | None = None
    less_common: bool = False
    next_steps: tuple[NextStep, ...] = ()
    counterpart: Counterpart | None = None
    origin: str = ""
    tier: str = "curated"

    @property
    def curated(self) -> bool:
        """Whether a role file (bundled or the user's) describes the role in words."""
        return self.tier != "dataset"

    @property
    def major_group(self) -> str | None:
        """The SOC major group ("29" for healthcare practitioners), from the SOC code."""
        return self.soc_code[:2] if self.soc_code else None

    @classmethod
    def from_data(cls, data: dict[str, Any], origin: str = "", tier: str = "curated") -> Role:
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
            tier=tier,
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
