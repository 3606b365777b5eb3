"""Rank roles for a person's answers: patient contact, setting, administrative work, training
time and how much pay matters. Every point a role scores comes with its reason.

Training is a limit, not a preference: a role whose shortest typical program is longer than
--max-months is left out (and counted). A role whose BLS typical entry education is a master's
or doctoral degree scores no training points, since its program follows a bachelor's degree.
The rest score, out of 100: patient contact 30 (the level wanted; 10 for one
level off), measured from O*NET where it covers the role; setting 30 (the role's name or summary
names it; 20 if only a workplace does); administrative work 15, measured by O*NET's "Performing
Administrative Activities" importance (3.0 or more counts as having it; the role file's duties
where O*NET has no profile); training 15 (the longest typical program fits; 8 if only the
shortest does; 5 if no source gives a length); pay up to 20 ("high"), 10 ("medium") or 0
("low"), in proportion to the role's national median against the best-paid candidate. Ties are
broken by id.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from rolecmp.errors import RolecmpError
from rolecmp.profile import Profile

CONTACTS = ("low", "moderate", "high")
#: Setting -> words that show it in a role's workplaces, duties or name.
SETTINGS: dict[str, tuple[str, ...]] = {
    "lab": ("laborator", " lab ", " lab-", " lab,", "specimen"),
    "imaging": ("imaging", "radiolog", "x-ray", "ultrasound", "mri", "scan"),
    "operating-room": ("operating room", "surgical", "surgery", "sterile field"),
    "pharmacy": ("pharmac", "medication"),
    "office": ("office", "clinic", "front desk", "front-desk", "schedul"),
}
PAY_WEIGHTS = {"low": 0, "medium": 10, "high": 20}
QUESTIONS = ("contact", "setting", "admin", "max_months", "pay")


METHOD = __doc__ or ""


class Answers(NamedTuple):
    contact: str
    setting: str
    admin: bool
    max_months: int
    pay: str


class Missing(RolecmpError):
    """Answers that were not given, when rolecmp cannot ask for them."""


class FitRow(NamedTuple):
    id: str
    name: str
    score: int
    reasons: tuple[str, ...]
    median_annual: int | None


class FitResult(NamedTuple):
    answers: Answers
    rows: tuple[FitRow, ...]
    excluded: tuple[str, ...] = ()  # ids left out because their training is too long

    @property
    def releases(self) -> list[str]:
        return ["oews-2025A01", "onet-30.1"]

    def to_dict(self) -> dict[str, Any]:
        return {"answers": self.answers._asdict(), "method": " ".join(METHOD.split()),
                "excluded_for_training": list(self.excluded),
                "ranking": [{**row._asdict(), "reasons": list(row.reasons), "rank": i}
                            for i, row in enumerate(self.rows, 1)]}


def check_answers(given: dict[str, Any]) -> Answers:
    """Answers from flags; :class:`Missing` names the flags still needed."""
    missing = [q for q in QUESTIONS if given.get(q) is None]
    if missing:
        flags = ", ".join("--" + q.replace("_", "-") for q in missing)
        raise Missing(f"rolecmp fit needs {flags} when it cannot ask (not a terminal); "
                      "see 'rolecmp fit --help'")
    if given["contact"] not in CONTACTS:
        raise RolecmpError(f"--contact must be one of {', '.join(CONTACTS)}")
    if given["setting"] not in SETTINGS:
        raise RolecmpError(f"--setting must be one of {', '.join(SETTINGS)}")
    if given["pay"] not in PAY_WEIGHTS:
        raise RolecmpError(f"--pay must be one of {', '.join(PAY_WEIGHTS)}")
    if given["max_months"] < 0:
        raise RolecmpError("--max-months must not be negative")
    return Answers(given["contact"], given["setting"], bool(given["admin"]),
                   int(given["max_months"]), given["pay"])


def _setting_match(profile: Profile, setting: str) -> tuple[int, str] | None:
    """(points, the words that show it): 30 when the role's name or summary names the setting
    (it is the core of the work), 20 when only one of its workplaces does."""
    role = profile.role
    for points, texts in ((30, [role.name, role.summary or ""]), (20, list(role.workplaces))):
        for text in texts:
            flat = " ".join(text.split())
            lowered = f" {flat.lower()}"
            for word in SETTINGS[setting]:
                at = lowered.find(word)
                if at != -1:
                    start = max(0, at - 25)
                    end = min(len(flat), at + len(word) + 25)
                    snippet = flat[start:end].strip()
                    return points, ("..." if start else "") + snippet + \
                        ("..." if end < len(flat) else "")
    return None


ADMIN = "4.A.4.c.1"  # O*NET: Performing Administrative Activities
ADVANCED = ("Master's degree", "Doctoral or professional degree")


def _has_admin(profile: Profile) -> tuple[bool, str]:
    from rolecmp.similarity import elements, vector

    v = vector(profile.role)
    if v is not None:
        rating = v.ratings[[e.id for e in elements()].index(ADMIN)]
        return rating >= 3.0, f"O*NET administrative activities {rating:.1f}"
    has = bool(profile.role.scope and profile.role.scope.duties.administrative)
    return has, "administrative duties in the role file"


def too_long(profile: Profile, max_months: int) -> bool:
    """Whether even the shortest route into the role takes longer than ``max_months``."""
    if profile.role.education is None:
        return False
    months = profile.role.education.program_months
    shortest = months.min if months.min is not None else months.max
    return shortest is not None and shortest > max_months


def _clip(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def score(profile: Profile, answers: Answers, best_median: int) -> FitRow:
    """One role's score for ``answers``, with the reason for every point."""
    role = profile.role
    points = 0
    reasons = []
    level = profile.contact_level
    gap = abs(CONTACTS.index(level) - CONTACTS.index(answers.contact))
    gained = (30, 10, 0)[gap]
    points += gained
    reasons.append(f"+{gained} patient contact {level}" + (" (as wanted)" if not gap else ""))
    match = _setting_match(profile, answers.setting)
    if match:
        points += match[0]
        reasons.append(f"+{match[0]} {answers.setting}: {_clip(match[1])}")
    else:
        reasons.append(f"+0 no sign of {answers.setting} work")
    has_admin, basis = _has_admin(profile)
    gained = 15 if has_admin == answers.admin else 0
    points += gained
    reasons.append(f"+{gained} " + ("has administrative work" if has_admin
                                    else "little administrative work") + f" ({basis})")
    months = role.education.program_months if role.education else None
    low, high = (months.min, months.max) if months else (None, None)
    if profile.entry and profile.entry.education in ADVANCED:
        reasons.append(f"+0 BLS entry level is a {profile.entry.education.lower()}: its "
                       "program follows a bachelor's degree")
    elif high is not None and high <= answers.max_months:
        points += 15
        reasons.append(f"+15 training up to {high} months")
    elif low is not None and low <= answers.max_months:
        points += 8
        reasons.append(f"+8 shortest programs {low} months, longest {high or 'unknown'}")
    elif low is None and high is None:
        points += 5
        reasons.append("+5 program length unknown")
    else:
        reasons.append(f"+0 training takes {low or high} months or more")
    median = profile.pay.median_annual if profile.pay else None
    weight = PAY_WEIGHTS[answers.pay]
    if weight and median and best_median:
        from rolecmp.compare import money

        gained = round(weight * median / best_median)
        points += gained
        group = f" (BLS group {profile.pay.soc_code})" if profile.role.soc_note and \
            profile.pay else ""
        reasons.append(f"+{gained} median pay {money(median)}{group}")
    return FitRow(role.id, role.name, points, tuple(reasons), median)


def rank(profiles: Sequence[Profile], answers: Answers, limit: int | None = None) -> FitResult:
    """Roles ranked for ``answers``, best first (the first ``limit``); umbrella roles are left
    out."""
    roles = [p for p in profiles if p.role.family != "umbrella"]
    excluded = tuple(sorted(p.role.id for p in roles if too_long(p, answers.max_months)))
    candidates = [p for p in roles if p.role.id not in excluded]
    medians = [p.pay.median_annual for p in candidates if p.pay and p.pay.median_annual]
    best = max(medians) if medians else 0
    rows = sorted((score(p, answers, best) for p in candidates),
                  key=lambda r: (-r.score, r.id))
    return FitResult(answers, tuple(rows[:limit] if limit else rows), excluded)

