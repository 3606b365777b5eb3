"""Rank roles for a person's answers: patient contact, setting, administrative work, training
time and how much pay matters, on data that exists for every occupation. Every point a role
scores is a record saying what it was given for, on what basis and from which value.

Criteria and points (at most 100 in all):

- patient contact, 25: the level O*NET measures (the higher of "Assisting and Caring for Others"
  and "Performing for or Working Directly with the Public": high at 4.25 or more, moderate from
  3.5, else low); a curated role O*NET has not rated uses its role file's level. The level wanted
  scores 25, one level off 10, two levels off 0; an unknown level scores 0 and says so.
- setting, 35: hospital, clinic, home and long-term care are measured by the share of the
  occupation's national jobs in the setting's industries (BLS OEWS, NAICS): 35 points at half
  its jobs or more, in proportion below that. Imaging, lab, operating room, pharmacy and
  emergency are the O*NET-SOC occupations whose O*NET title names that work
  (data/fit/settings.yaml), 35 points; lab also counts an occupation's share of jobs in medical
  and diagnostic laboratories (NAICS 6215) unless it is an imaging occupation.
- administrative work, 10: O*NET "Performing Administrative Activities" (4.A.4.c.1) importance
  3.0 or more means the role has it; a curated role O*NET has not rated uses its role file's
  administrative duties. 10 when that matches the answer; an unknown scores 0 and says so.
- training, 10: the routes into the role are its role file's program months (curated roles),
  else its credential levels, else BLS's typical entry education, each level taken at BLS's
  length for it (high school 0 months; associate's 24; bachelor's 48-60; master's 60-72 and a
  doctoral or professional degree 84 or more, as they follow a bachelor's; a certificate or
  "some college" has no length). A curated master's or doctoral program's months are counted
  after a bachelor's degree (48 months). 10 when every route is known to fit --max-months, 5
  when one is. A role whose every route is known to be longer is left out (and counted). A role
  for which no route is known to fit and none is known to be too long has an unknown length: it
  scores 0 training points and is listed after every role with a route known to fit.
- pay, up to 20 ("high") or 10 ("medium"), 0 ("low"): that many points times the share of the
  other ranked roles whose national median (BLS OEWS; the group's when BLS publishes only a
  broader group) is lower than the role's; a median BLS top-codes ranks highest.

Umbrella roles are left out. Ties are broken by id.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from rolecmp.errors import RolecmpError
from rolecmp.profile import Profile

if TYPE_CHECKING:
    from rolecmp.catalog import Catalog
    from rolecmp.model import Role
    from rolecmp.render.base import Renderer, T

CONTACT_LEVELS = ("low", "moderate", "high")
PAY_LEVELS = ("low", "medium", "high")
#: Older names, kept for callers that still use them.
CONTACTS = CONTACT_LEVELS
#: The most points pay can give for each answer.
PAY_WEIGHTS = {"low": 0, "medium": 10, "high": 20}

CONTACT_POINTS = (25, 10, 0)  # the level wanted, one level off, two levels off
SETTING_POINTS = 35
#: The share of an occupation's jobs in a setting's industries that earns every setting point.
FULL_SHARE = 0.5
ADMIN_POINTS = 10
#: O*NET importance (1-5) of "Performing Administrative Activities" from which a role has it.
ADMIN_RATING = 3.0
TRAINING_POINTS = 10  # every route fits
SOME_ROUTE_POINTS = 5  # one route fits
MAX_POINTS = CONTACT_POINTS[0] + SETTING_POINTS + ADMIN_POINTS + TRAINING_POINTS + \
    max(PAY_WEIGHTS.values())
ADMIN = "4.A.4.c.1"  # O*NET: Performing Administrative Activities
#: Months a master's or doctoral program follows (a bachelor's degree, BLS's definition).
BACHELOR_MONTHS = 48

QUESTIONS = ("contact", "setting", "admin", "max_months", "pay")


class Setting(NamedTuple):
    """What defines a setting: the NAICS industries whose share of an occupation's jobs measures
    it, and whether the O*NET occupations listed for it in data/fit/settings.yaml define it."""

    name: str
    title: str
    industries: tuple[str, ...]  # OEWS industry codes (NAICS, 6 characters)
    listed: bool  # defined by the occupations data/fit/settings.yaml lists
    definition: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "industries": list(self.industries),
                "occupations_listed": self.listed, "definition": self.definition}


SETTINGS: dict[str, Setting] = {s.name: s for s in (
    Setting("hospital", "hospital", ("622000",), False,
            "share of the occupation's jobs in hospitals (NAICS 622), BLS OEWS"),
    Setting("clinic", "clinic or office", ("621100", "621200", "621300", "621400"), False,
            "share of the occupation's jobs in offices of physicians (6211), dentists (6212) "
            "and other health practitioners (6213) and outpatient care centers (6214), "
            "BLS OEWS"),
    Setting("lab", "laboratory", ("621500",), True,
            "O*NET laboratory technologist and technician occupations (data/fit/settings.yaml); "
            "else the share of the occupation's jobs in medical and diagnostic laboratories "
            "(NAICS 6215, BLS OEWS), not counted for imaging occupations since 6215 also holds "
            "diagnostic imaging centers"),
    Setting("imaging", "imaging or radiation", (), True,
            "O*NET occupations whose title names an imaging or radiation modality: "
            "sonography, nuclear medicine, radiography, MRI, radiation therapy, radiology "
            "(data/fit/settings.yaml)"),
    Setting("operating-room", "operating room", (), True,
            "O*NET surgical and anesthesia occupations (data/fit/settings.yaml); hospitals and "
            "outpatient centers hold operating rooms but also much else"),
    Setting("pharmacy", "pharmacy", (), True,
            "O*NET pharmacy occupations: pharmacists, pharmacy technicians, pharmacy aides "
            "(data/fit/settings.yaml); NAICS 4561 mixes pharmacies with optical and hearing "
            "aid stores"),
    Setting("home", "home or community care", ("621600", "624100"), True,
            "share of the occupation's jobs in home health care services (NAICS 6216) and "
            "individual and family services (6241), BLS OEWS; O*NET home health and personal "
            "care aides (data/fit/settings.yaml)"),
    Setting("long-term-care", "long-term care", ("623000",), False,
            "share of the occupation's jobs in nursing and residential care facilities "
            "(NAICS 623), BLS OEWS"),
    Setting("emergency", "emergency or field care", (), True,
            "O*NET emergency medical technicians, paramedics and emergency medicine "
            "physicians (data/fit/settings.yaml); NAICS 6219 mixes ambulance services with "
            "blood and organ banks"),
)}
#: Other words people use for a setting.
SETTING_SYNONYMS = {
    "office": "clinic", "clinics": "clinic", "outpatient": "clinic", "hospitals": "hospital",
    "laboratory": "lab", "labs": "lab", "radiology": "imaging", "or": "operating-room",
    "surgery": "operating-room", "operating room": "operating-room", "pharmacies": "pharmacy",
    "home-health": "home", "home health": "home", "community": "home",
    "long term care": "long-term-care", "ltc": "long-term-care", "nursing-home": "long-term-care",
    "nursing home": "long-term-care", "field": "emergency", "ambulance": "emergency",
    "ems": "emergency",
}

METHOD = " ".join((__doc__ or "").split("\n\n", 1)[1].replace("\n- ", "\n").split()) + \
    " What defines each setting. " + " ".join(f"{s.name}: {s.definition}."
                                              for s in SETTINGS.values())


class Answers(NamedTuple):
    contact: str
    setting: str
    admin: bool
    max_months: int
    pay: str


class Missing(RolecmpError):
    """Answers that were not given, when rolecmp cannot ask for them."""


class Reason(NamedTuple):
    """The points one criterion gave a role: ``basis`` names where the value comes from
    (``onet``, ``role-file``, ``oews-industries``, ``onet-title``, ``program-months``,
    ``credential-levels``, ``bls-entry-education``, ``oews-median``, ``answer``, ``unknown``)."""

    criterion: str
    points: int
    max_points: int
    basis: str
    value: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"criterion": self.criterion, "points": self.points,
                "max_points": self.max_points, "basis": self.basis, "value": dict(self.value)}


class FitRow(NamedTuple):
    id: str
    name: str
    score: int
    reasons: tuple[Reason, ...]
    median_annual: int | None
    tier: str = "curated"
    training: str = "all"  # whether its routes fit: all, some or unknown

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "tier": self.tier, "score": self.score,
                "max_score": MAX_POINTS, "median_annual": self.median_annual,
                "training_fits": self.training,
                "reasons": [r.to_dict() for r in self.reasons]}


class FitResult(NamedTuple):
    answers: Answers
    rows: tuple[FitRow, ...]
    excluded: tuple[str, ...] = ()  # ids left out because their training is too long
    unknown_training: tuple[str, ...] = ()  # ids whose training length is unknown
    considered: int = 0  # roles ranked, before --limit

    def render_with(self, renderer: Renderer[T]) -> T:
        """Hand this result to ``renderer``'s method for it."""
        return renderer.fit_result(self)

    @property
    def releases(self) -> list[str]:
        from rolecmp import figures
        from rolecmp.similarity import release_id

        found = [r.id for kind in ("oews", "ep") if (r := figures.release_of_kind(kind))]
        return [*found, release_id()]

    @property
    def setting(self) -> Setting:
        return SETTINGS[self.answers.setting]

    def to_dict(self) -> dict[str, Any]:
        return {"answers": self.answers._asdict(), "method": METHOD,
                "setting": self.setting.to_dict(), "max_score": MAX_POINTS,
                "considered": self.considered,
                "excluded_for_training": list(self.excluded),
                "unknown_training": list(self.unknown_training),
                "ranking": [{"rank": i, **row.to_dict()} for i, row in enumerate(self.rows, 1)]}


# -- answers ---------------------------------------------------------------------------------

def _word(value: str) -> str:
    return " ".join(str(value).strip().lower().replace("_", "-").split())


def contact_level(value: str) -> str:
    """The contact level a word names (case-insensitive; "medium" is "moderate")."""
    word = _word(value)
    word = {"medium": "moderate", "mid": "moderate", "some": "moderate", "lo": "low",
            "hi": "high"}.get(word, word)
    if word not in CONTACT_LEVELS:
        raise RolecmpError(f"--contact must be one of {', '.join(CONTACT_LEVELS)} "
                           f"(not {value!r})")
    return word


def pay_level(value: str) -> str:
    """The pay level a word names (case-insensitive; "moderate" is "medium")."""
    word = _word(value)
    word = {"moderate": "medium", "mid": "medium", "some": "medium", "lo": "low",
            "hi": "high"}.get(word, word)
    if word not in PAY_LEVELS:
        raise RolecmpError(f"--pay must be one of {', '.join(PAY_LEVELS)} (not {value!r})")
    return word


def setting_name(value: str) -> str:
    """The setting a word names (case-insensitive, with the synonyms in SETTING_SYNONYMS)."""
    word = _word(value)
    word = SETTING_SYNONYMS.get(word, SETTING_SYNONYMS.get(word.replace("-", " "), word))
    word = word.replace(" ", "-")
    if word not in SETTINGS:
        raise RolecmpError(f"--setting must be one of {', '.join(SETTINGS)} (not {value!r})")
    return word


_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "eighteen": 18, "twenty-four": 24, "half": 0.5, "half a": 0.5}
_UNITS = {"": 1, "m": 1, "mo": 1, "mos": 1, "month": 1, "months": 1, "y": 12, "yr": 12,
          "yrs": 12, "year": 12, "years": 12, "w": 12 / 52, "wk": 12 / 52, "wks": 12 / 52,
          "week": 12 / 52, "weeks": 12 / 52}
_MONTHS = re.compile(r"(?P<number>\d+(?:\.\d+)?|[a-z-]+(?: a)?)\s*(?P<unit>[a-z]*)\.?")


def parse_months(text: str | int) -> int:
    """Months of training from what people type: "24", "18 months", "2 years", "1.5 years",
    "six months", "2y", "26 weeks" (rounded to whole months). A clear error otherwise."""
    if isinstance(text, bool):
        raise RolecmpError("--max-months must be a number of months, like 24 or '2 years'")
    if isinstance(text, int):
        value: float = text
    else:
        words = _word(text)
        match = _MONTHS.fullmatch(words)
        number = match.group("number") if match else None
        unit = match.group("unit") if match else None
        if number is not None and not number[0].isdigit():
            amount = _NUMBERS.get(number)
        else:
            amount = float(number) if number is not None else None
        if amount is None or unit not in _UNITS:
            raise RolecmpError(f"--max-months: cannot read {text!r} as a length of training; "
                               "give months (24) or years ('2 years', '1.5 years')")
        value = amount * _UNITS[unit]
    if value < 0:
        raise RolecmpError("--max-months must not be negative")
    if value > 1200:
        raise RolecmpError("--max-months must be at most 1200 (100 years)")
    return round(value)


def check_answers(given: dict[str, Any]) -> Answers:
    """Answers from flags or prompts (any case, the synonyms above, months as text);
    :class:`Missing` names the flags still needed."""
    missing = [q for q in QUESTIONS if given.get(q) is None]
    if missing:
        flags = ", ".join("--" + q.replace("_", "-") for q in missing)
        raise Missing(f"rolecmp fit needs {flags} when it cannot ask (not a terminal); "
                      "see 'rolecmp fit --help'")
    return Answers(contact_level(given["contact"]), setting_name(given["setting"]),
                   bool(given["admin"]), parse_months(given["max_months"]),
                   pay_level(given["pay"]))


# -- candidates ------------------------------------------------------------------------------

def candidates(catalog: Catalog, groups: Sequence[str] = ("healthcare",)) -> list[Role]:
    """The roles ``fit`` ranks: every curated (and user) role, and every dataset occupation in
    the SOC groups ``groups`` names (all when empty) that no role file stands for in full."""
    from rolecmp.listing import in_groups

    entries = catalog.entries("all")
    curated = [e for e in entries if e.tier != "dataset"]
    dataset = in_groups([e for e in entries if e.tier == "dataset"], groups)
    ids = dict.fromkeys(e.id for e in curated + dataset)
    return [catalog.get(i) for i in ids]


# -- settings --------------------------------------------------------------------------------

@cache
def listed_occupations() -> dict[str, dict[str, dict[str, str]]]:
    """Setting -> O*NET-SOC code -> {title, source}, from data/fit/settings.yaml."""
    from rolecmp.dataset import data_root
    from rolecmp.yamlload import load

    data = load(data_root() / "fit" / "settings.yaml").data
    return {name: {item["code"]: {"title": item["title"], "source": item["source"]}
                   for item in items}
            for name, items in data["settings"].items()}


def _listed(setting: str, role: Role) -> tuple[str, dict[str, str]] | None:
    """The listed O*NET occupation that puts ``role`` in ``setting``: its own O*NET-SOC code,
    or, for a role without one, every O*NET occupation under its SOC code."""
    listed = listed_occupations().get(setting, {})
    if role.onet_code:
        found = listed.get(role.onet_code)
        return (role.onet_code, found) if found else None
    from rolecmp.dataset import occupations

    occupation = occupations().get(role.soc_code or "")
    codes = [c for c, _ in occupation.onet] if occupation else []
    if codes and all(c in listed for c in codes):
        return codes[0], listed[codes[0]]
    return None


def _shares(soc_code: str | None) -> dict[str, float]:
    from rolecmp import figures

    return {i.code: i.share or 0.0 for level in (3, 4) for i in figures.industries(soc_code, level)}


def _setting(profile: Profile, wanted: str) -> Reason:
    setting = SETTINGS[wanted]
    role = profile.role
    found = _listed(wanted, role) if setting.listed else None
    if found:
        code, info = found
        return Reason("setting", SETTING_POINTS, SETTING_POINTS, "onet-title",
                      {"setting": wanted, "onet_code": code, "title": info["title"],
                       "source": info["source"]})
    if not setting.industries:
        return Reason("setting", 0, SETTING_POINTS, "onet-title",
                      {"setting": wanted, "onet_code": role.onet_code, "title": None,
                       "source": None})
    if role.soc_code is None:
        return Reason("setting", 0, SETTING_POINTS, "unknown",
                      {"setting": wanted, "missing": "soc-code"})
    shares = _shares(role.soc_code)
    if not shares:
        return Reason("setting", 0, SETTING_POINTS, "unknown",
                      {"setting": wanted, "missing": "industries"})
    if wanted == "lab" and _listed("imaging", role):
        return Reason("setting", 0, SETTING_POINTS, "oews-industries",
                      {"setting": wanted, "share": 0.0, "industries": list(setting.industries),
                       "soc_code": role.soc_code, "full_share": FULL_SHARE,
                       "not_counted": "imaging"})
    share = round(sum(shares.get(code, 0.0) for code in setting.industries), 3)
    points = round(SETTING_POINTS * min(share, FULL_SHARE) / FULL_SHARE)
    return Reason("setting", points, SETTING_POINTS, "oews-industries",
                  {"setting": wanted, "share": share, "industries": list(setting.industries),
                   "soc_code": role.soc_code, "full_share": FULL_SHARE})


# -- contact, admin --------------------------------------------------------------------------

def _contact(profile: Profile, wanted: str) -> Reason:
    if profile.contact is not None:
        level: str | None = profile.contact.level
        basis = "onet"
        rating: float | None = max(profile.contact.caring, profile.contact.public)
    elif profile.role.patient_contact is not None:
        level, basis, rating = profile.role.patient_contact.level, "role-file", None
    else:
        level, basis, rating = None, "unknown", None
    if level is None:
        points = 0
    else:
        points = CONTACT_POINTS[abs(CONTACT_LEVELS.index(level) - CONTACT_LEVELS.index(wanted))]
    return Reason("contact", points, CONTACT_POINTS[0], basis,
                  {"level": level, "wanted": wanted, "rating": rating})


def _admin(profile: Profile, wanted: bool) -> Reason:
    from rolecmp.similarity import elements, vector

    v = profile.onet or vector(profile.role)
    has: bool | None
    if v is not None:
        measured = v.ratings[[e.id for e in elements()].index(ADMIN)]
        rating: float | None = measured
        has, basis = measured >= ADMIN_RATING, "onet"
    elif profile.role.scope is not None:
        rating, has, basis = None, bool(profile.role.scope.duties.administrative), "role-file"
    else:
        rating, has, basis = None, None, "unknown"
    points = ADMIN_POINTS if has == wanted else 0  # an unknown (None) is never the answer
    return Reason("admin", points, ADMIN_POINTS, basis,
                  {"has": has, "wanted": wanted, "rating": rating, "threshold": ADMIN_RATING})


# -- training --------------------------------------------------------------------------------

#: Months of study after high school each level takes, (shortest, longest), from BLS's
#: definitions of its entry-education categories; None where BLS gives no length.
LEVEL_MONTHS: dict[str, tuple[int | None, int | None]] = {
    "none": (0, 0), "high-school": (0, 0), "some-college": (None, None),
    "certificate": (None, None), "associate": (24, 24), "bachelor": (48, 60),
    "master": (60, 72), "doctorate": (84, None),
}
BLS_SOURCE = "https://www.bls.gov/emp/documentation/education/tech.htm"


class Route(NamedTuple):
    """One way into a role: its length in months (None where unknown)."""

    level: str | None
    min: int | None
    max: int | None

    def to_dict(self) -> dict[str, Any]:
        return self._asdict()


def routes(profile: Profile) -> tuple[str, tuple[Route, ...]]:
    """(basis, routes): the role file's program months, else its credential levels, else
    BLS's typical entry education."""
    from rolecmp.listing import bls_level

    education = profile.role.education
    if education is not None:
        months = education.program_months
        levels = education.credential_levels
        if months.min is not None or months.max is not None:
            advanced = bool(levels) and all(lv in ("master", "doctorate") for lv in levels)
            add = BACHELOR_MONTHS if advanced else 0
            return "program-months", (Route(
                "program-after-bachelor" if advanced else None,
                None if months.min is None else months.min + add,
                None if months.max is None else months.max + add),)
        if levels:
            return "credential-levels", tuple(Route(lv, *LEVEL_MONTHS.get(lv, (None, None)))
                                              for lv in levels)
    level = bls_level(profile.entry.education) if profile.entry else None
    if level is None:
        return "unknown", ()
    return "bls-entry-education", (Route(level, *LEVEL_MONTHS.get(level, (None, None))),)


def training_fit(profile: Profile, max_months: int) -> tuple[str, Reason]:
    """("all" | "some" | "unknown" | "none", the reason): whether every route into the role is
    known to fit ``max_months``, one is, none is known either way, or every one is too long."""
    basis, found = routes(profile)
    fits = [r.max is not None and r.max <= max_months for r in found]
    # A route's shortest length within the limit means some program of it fits.
    some = [r.min is not None and r.min <= max_months for r in found]
    if found and all(fits):
        status, points = "all", TRAINING_POINTS
    elif any(fits) or any(some):
        status, points = "some", SOME_ROUTE_POINTS
    elif found and all(r.min is not None for r in found):  # every route starts too long
        status, points = "none", 0
    else:
        status, points = "unknown", 0
    value: dict[str, Any] = {"max_months": max_months, "fits": status,
                             "routes": [r.to_dict() for r in found]}
    if status == "unknown":
        value["treated"] = "ranked-after-known-fits"
    if basis == "bls-entry-education":
        value["source"] = BLS_SOURCE
    return status, Reason("training", points, TRAINING_POINTS,
                          basis if found else "unknown", value)


def too_long(profile: Profile, max_months: int) -> bool:
    """Whether every route into the role is known to take longer than ``max_months``."""
    return training_fit(profile, max_months)[0] == "none"


# -- pay -------------------------------------------------------------------------------------

def _median(profile: Profile) -> float | None:
    """The role's national median for ranking pay; a median BLS top-codes ranks highest."""
    pay = profile.pay
    if pay is None:
        return None
    if pay.median_annual is None:
        return math.inf if pay.markers.get("median_annual") == "top-coded" else None
    return pay.median_annual


def _pay(profile: Profile, wanted: str, medians: Sequence[float]) -> Reason:
    """Pay points: the answer's weight times the share of the other ranked roles (with a
    median) whose median is lower than this role's."""
    weight = PAY_WEIGHTS[wanted]
    pay = profile.pay
    median = _median(profile)
    value: dict[str, Any] = {"wanted": wanted, "median_annual": pay.median_annual if pay else None,
                             "top_coded": median == math.inf, "percentile": None,
                             "among": len(medians), "soc_code": pay.soc_code if pay else None,
                             "soc_title": pay.soc_title if pay else None,
                             "group": profile.group_figures if pay else None}
    if median is None:
        return Reason("pay", 0, weight, "unknown", value)
    lower = bisect.bisect_left(medians, median)
    share = lower / (len(medians) - 1) if len(medians) > 1 else 1.0
    value["percentile"] = round(100 * share)
    if not weight:
        return Reason("pay", 0, 0, "answer", value)
    return Reason("pay", round(weight * share), weight, "oews-median", value)


# -- ranking ---------------------------------------------------------------------------------

def score(profile: Profile, answers: Answers, medians: Sequence[float]) -> FitRow:
    """One role's score for ``answers``, with a reason record for every criterion;
    ``medians`` are the sorted medians of every ranked role (see :func:`_pay`)."""
    status, training = training_fit(profile, answers.max_months)
    reasons = (_contact(profile, answers.contact), _setting(profile, answers.setting),
               _admin(profile, answers.admin), training,
               _pay(profile, answers.pay, medians))
    total = sum(r.points for r in reasons)
    assert 0 <= total <= MAX_POINTS == 100, (profile.role.id, total)
    assert all(0 <= r.points <= r.max_points for r in reasons), reasons
    role = profile.role
    median = profile.pay.median_annual if profile.pay else None
    return FitRow(role.id, role.name, total, reasons, median, role.tier, status)


def rank(profiles: Sequence[Profile], answers: Answers, limit: int | None = None) -> FitResult:
    """Roles ranked for ``answers``, best first (the first ``limit``). Umbrella roles are left
    out, and so are roles whose every route is known to be longer than the limit; a role whose
    training length is unknown comes after every role with a route known to fit."""
    roles = [p for p in profiles if p.role.family != "umbrella"]
    excluded = tuple(sorted(p.role.id for p in roles if too_long(p, answers.max_months)))
    kept = [p for p in roles if p.role.id not in set(excluded)]
    medians = sorted(m for p in kept if (m := _median(p)) is not None)
    rows = sorted((score(p, answers, medians) for p in kept),
                  key=lambda r: (r.training == "unknown", -r.score, r.id))
    unknown = tuple(sorted(r.id for r in rows if r.training == "unknown"))
    return FitResult(answers, tuple(rows[:limit] if limit else rows), excluded, unknown,
                     len(rows))
