"""A role together with its sourced figures: what ``show`` prints and ``compare`` compares."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from rolecmp import figures
from rolecmp.figures import EntryRequirements, Outlook, Pay
from rolecmp.model import Role
from rolecmp.similarity import Contact, Vector, derived_vector, measured_contact, vector
from rolecmp.states import State

if TYPE_CHECKING:
    from rolecmp.catalog import Catalog


class DerivedRange(NamedTuple):
    """For an umbrella role with no SOC code: the range of its specialties' figures. Derived by
    rolecmp, not published by BLS."""

    low: float
    high: float
    roles: tuple[tuple[str, float], ...]
    release: str

    def to_dict(self) -> dict[str, Any]:
        return {"derived": True, "low": self.low, "high": self.high, "release": self.release,
                "from": [{"id": role_id, "value": value} for role_id, value in self.roles]}


class Profile(NamedTuple):
    """A role with its figures for one area (national unless a state was asked for)."""

    role: Role
    area_code: str
    area: str
    pay: Pay | None
    outlook: Outlook | None
    entry: EntryRequirements | None
    pay_range: DerivedRange | None = None
    outlook_range: DerivedRange | None = None
    contact: Contact | None = None
    onet: Vector | None = None  # the role's O*NET profile, or its specialties' mean

    @property
    def contact_level(self) -> str:
        """Patient contact measured from O*NET where it covers the role, else the role file's."""
        return self.contact.level if self.contact else self.role.patient_contact.level

    @property
    def releases(self) -> list[str]:
        """The ids of the releases whose figures this profile shows."""
        found = []
        if self.pay or self.pay_range:
            found.append("oews-2025A01")
        if self.outlook or self.outlook_range or self.entry:
            found.append("ep-2024-34")
        if self.contact:
            found.append("onet-30.1")
        return found

    def to_dict(self) -> dict[str, Any]:
        """The role file's fields plus ``pay``, ``outlook`` and ``education.bls_typical_entry``."""
        out = self.role.to_dict()
        out["education"]["bls_typical_entry"] = self.entry.education if self.entry else None
        out["bls_entry_requirements"] = self.entry.to_dict() if self.entry else None
        if self.pay is not None:
            out["pay"] = self.pay.to_dict()
        else:
            out["pay"] = None
        out["pay_range"] = self.pay_range.to_dict() if self.pay_range else None
        out["outlook"] = self.outlook.to_dict() if self.outlook else None
        out["outlook_range"] = self.outlook_range.to_dict() if self.outlook_range else None
        written = out["patient_contact"]
        out["patient_contact"] = {**written, "measured": False} if self.contact is None else {
            **self.contact.to_dict(), "why": written["why"], "role_file_level": written["level"]}
        return out


def build_profile(role: Role, catalog: Catalog | None = None, state: State | None = None
                  ) -> Profile:
    """The role with its BLS figures; an umbrella role (one with specialties in ``catalog`` and no
    SOC code) gets the derived range of its specialties' figures instead."""
    area_code = state.code if state else figures.NATIONAL
    area = state.name if state else "National"
    pay = figures.pay(role.soc_code, area_code)
    outlook = figures.outlook(role.soc_code)
    entry = figures.entry_requirements(role.soc_code)
    pay_range = outlook_range = None
    if role.soc_code is None and catalog is not None:
        children = [e for e in catalog.entries() if e.parent == role.id and e.soc_code]
        medians = [(e.id, p.median_annual) for e in children
                   if (p := figures.pay(e.soc_code, area_code)) and p.median_annual is not None]
        if medians:
            values = [v for _, v in medians]
            pay_range = DerivedRange(min(values), max(values), tuple(medians), "oews-2025A01")
        changes = [(e.id, o.employment_change_pct) for e in children
                   if (o := figures.outlook(e.soc_code))]
        if changes:
            values_f = [v for _, v in changes]
            outlook_range = DerivedRange(min(values_f), max(values_f), tuple(changes),
                                         "ep-2024-34")
    onet = vector(role)
    if onet is None and role.soc_code is None and catalog is not None:
        onet = derived_vector([e.onet_code for e in catalog.entries() if e.parent == role.id])
    return Profile(role, area_code, area, pay, outlook, entry, pay_range, outlook_range,
                   measured_contact(role), onet)
