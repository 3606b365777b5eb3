"""A role together with its sourced figures: what ``show`` prints and ``compare`` compares."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rolecmp import figures
from rolecmp.areas import NATIONAL_AREA, Area
from rolecmp.figures import EntryRequirements, Industry, Outlook, Pay
from rolecmp.model import Role
from rolecmp.records import NamedTuple
from rolecmp.similarity import (
    Contact,
    Vector,
    derived_profile,
    derived_vector,
    measured_contact,
    profile,
    vector,
)

if TYPE_CHECKING:
    from rolecmp.catalog import Catalog
    from rolecmp.licensure import StateLicensure
    from rolecmp.render.base import Renderer, T


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
    """A role with its figures for one area (national unless another was asked for)."""

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
    industries: tuple[Industry, ...] = ()
    place: Area = NATIONAL_AREA
    state_licensure: StateLicensure | None = None
    skills: Vector | None = None  # the similarity profile (O*NET skills and knowledge)

    def render_with(self, renderer: Renderer[T]) -> T:
        """Hand this result to ``renderer``'s method for it."""
        return renderer.profile(self)

    @property
    def contact_level(self) -> str | None:
        """Patient contact measured from O*NET where it covers the role, else the role file's;
        None when neither says."""
        if self.contact:
            return self.contact.level
        return self.role.patient_contact.level if self.role.patient_contact else None

    @property
    def group_figures(self) -> bool:
        """Whether BLS publishes this role's figures for a broader group than the role."""
        code = self.pay.soc_code if self.pay else self.role.soc_code
        return self.role.soc_note is not None or (code is not None and
                                                  code != self.role.soc_code)

    @property
    def releases(self) -> list[str]:
        """The ids of the releases whose figures this profile shows, as the figures name them."""
        found = []
        if self.pay:
            found.append(self.pay.release)
        if self.pay_range:
            found.append(self.pay_range.release)
        if self.outlook:
            found.append(self.outlook.release)
        if self.outlook_range:
            found.append(self.outlook_range.release)
        if self.entry:
            found.append(self.entry.release)
        if self.contact:
            found.append(self.contact.release)
        from rolecmp.dataset import onet_facts, programs, programs_release

        facts = onet_facts(self.role.onet_code)
        if facts is not None and facts.release:
            found.append(facts.release)  # job zone, technology, related occupations
        if programs(self.role.soc_code) and programs_release():
            found.append(str(programs_release()))
        return list(dict.fromkeys(found))

    def to_dict(self) -> dict[str, Any]:
        """The role file's fields plus ``pay``, ``outlook`` and ``education.bls_typical_entry``."""
        out = self.role.to_dict()
        if out["education"] is not None:
            out["education"]["bls_typical_entry"] = self.entry.education if self.entry else None
        out["bls_entry_requirements"] = self.entry.to_dict() if self.entry else None
        if self.pay is not None:
            out["pay"] = self.pay.to_dict()
        else:
            out["pay"] = None
        out["pay_range"] = self.pay_range.to_dict() if self.pay_range else None
        out["outlook"] = self.outlook.to_dict() if self.outlook else None
        if out["pay"] is not None:
            out["pay"]["group"] = self.group_figures
        if out["outlook"] is not None:
            out["outlook"]["group"] = self.group_figures
        out["tier"] = self.role.tier
        out["area"] = self.place.to_dict()
        out["industries"] = [i.to_dict() for i in self.industries]
        from rolecmp.dataset import onet_facts, programs, programs_release

        facts = onet_facts(self.role.onet_code)
        out["onet"] = facts.to_dict() if facts else None
        out["programs"] = {"release": programs_release(),
                           "cip": [{"code": c, "title": t}
                                   for c, t in programs(self.role.soc_code)]}
        out["licensure"] = {"summary": self.role.licensure,
                            "state": self.state_licensure.to_dict() if self.state_licensure
                            else None}
        out["outlook_range"] = self.outlook_range.to_dict() if self.outlook_range else None
        written = out["patient_contact"] or {"level": None, "why": None}
        out["patient_contact"] = {**written, "measured": False} if self.contact is None else {
            **self.contact.to_dict(), "why": written["why"], "role_file_level": written["level"]}
        return out


def build_profile(role: Role, catalog: Catalog | None = None, area: Area | None = None
                  ) -> Profile:
    """The role with its BLS figures for ``area`` (national by default); an umbrella role (one
    with specialties in ``catalog`` and no SOC code) gets the derived range of its specialties'
    figures instead."""
    place = area or NATIONAL_AREA
    pay = figures.pay(role.soc_code, place.code)
    outlook = figures.outlook(role.soc_code)
    entry = figures.entry_requirements(role.soc_code)
    pay_range = outlook_range = None
    if role.soc_code is None and catalog is not None:
        children = [e for e in catalog.entries() if e.parent == role.id and e.soc_code]
        pays = [(e.id, p) for e in children
                if (p := figures.pay(e.soc_code, place.code)) and p.median_annual is not None]
        if pays:
            values = [p.median_annual for _, p in pays if p.median_annual is not None]
            pay_range = DerivedRange(min(values), max(values),
                                     tuple((i, p.median_annual or 0) for i, p in pays),
                                     pays[0][1].release)
        outlooks = [(e.id, o) for e in children if (o := figures.outlook(e.soc_code))]
        if outlooks:
            values_f = [o.employment_change_pct for _, o in outlooks]
            outlook_range = DerivedRange(min(values_f), max(values_f),
                                         tuple((i, o.employment_change_pct) for i, o in outlooks),
                                         outlooks[0][1].release)
    onet = vector(role)
    skills = profile(role)
    if role.soc_code is None and catalog is not None:
        codes = [e.onet_code for e in catalog.entries() if e.parent == role.id]
        if onet is None:
            onet = derived_vector(codes)
        if skills is None:
            skills = derived_profile(codes)
    return Profile(role, place.code, place.name, pay, outlook, entry, pay_range, outlook_range,
                   measured_contact(role), onet, tuple(figures.industries(role.soc_code)[:5]),
                   place, skills=skills)
