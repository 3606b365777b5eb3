"""How alike two roles' work is, measured on O*NET importance ratings.

Similarity uses the most specific profile O*NET has: the 8-digit O*NET-SOC occupation's
importance ratings (1-5) of 35 skills and 33 knowledge areas (O*NET 29.3; EEG technologists are
29-2099.01 Neurodiagnostic Technologists, not the 29-2099 "all other" average). Every rating is
first centred on its mean over all 879 rated occupations, so what counts is how a role *differs
from the average job*; the similarity of two roles is the cosine of their centred profiles, from
-1 (opposite emphases) through 0 (unrelated) to 1 (the same emphases). Plain cosine on raw
ratings scores every pair of healthcare jobs about 0.97-0.99 and tells nothing apart. What drives
a figure is shown, naming only elements that matter: those both roles rate important (3 or more)
and furthest above average ("shared"), and the largest differences (half a point or more) in an
element the role that needs it rates important ("sets apart"). An occupation O*NET has not rated
(EMTs, paramedics) has no similarity, and the views say so.

Work activities exist here only as O*NET 30.1's 6-digit SOC profiles (41 activities, 35 skills;
a profile averaging several O*NET occupations is marked approximate). They give the work
activities side by side and patient contact: the higher of the role's ratings for "Assisting and
Caring for Others" (4.A.4.a.5) and "Performing for or Working Directly with the Public"
(4.A.4.a.8): high at 4.25 or more, moderate from 3.5, low below.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from rolecmp.model import Role
from rolecmp.records import NamedTuple

if TYPE_CHECKING:
    from pathlib import Path

    from rolecmp.render.base import Renderer, T

CARING = "4.A.4.a.5"
PUBLIC = "4.A.4.a.8"
HIGH_CONTACT = 4.25
MODERATE_CONTACT = 3.5
#: O*NET's "important" on its 1-5 importance scale: an explanation names an element only when the
#: roles it speaks of rate it at least this high (shared: both; a difference: the one needing it).
IMPORTANT = 3.0
#: What moving to a role adds: elements it rates at least this much higher than the current one.
GAP = 0.5
#: A work activity "is part of the job" at this importance or more, "is not" below NOT_PART.
PART_OF_JOB = 3.5
NOT_PART = 3.0


class Element(NamedTuple):
    id: str
    name: str
    type: str


class Vector(NamedTuple):
    """A role's O*NET profile: raw ratings in element order."""

    code: str
    title: str
    ratings: tuple[float, ...]
    approximate: bool  # the profile averages several O*NET occupations


@cache
def _data() -> dict[str, Any]:
    """The O*NET skill and work-activity profiles of every occupation with its element list,
    release id and the mean of each element over all occupations."""
    from rolecmp.dataset import occupations_dir

    raw = _lazily(occupations_dir() / "activities.json")
    return {"release": raw["release"], "mean": raw["mean"],
            "profiles": _Profiles(raw["profiles"]),
            "elements": [{"id": i, "name": n, "type": "skill" if i.startswith("2.") else
                          "activity"} for i, n in raw["elements"]]}


class _OneByOne(dict[str, Any]):
    """The "profiles" member of a profile file, each occupation's decoded from the file's text
    when first asked for (a comparison needs two of some 800; decoding activities.json whole
    cost 8M instructions a run, profiles.json 5M). The build script writes compact JSON, where a
    quoted key followed by a colon can only be a member name; a code not found that way is
    looked up in the whole member, decoded then, so a miss is never a wrong answer."""

    def __init__(self, text: str, start: int) -> None:
        super().__init__()
        self._text = text
        self._start = start
        self._whole: dict[str, Any] | None = None

    def get(self, key: str, default: Any = None) -> Any:
        if not dict.__contains__(self, key):
            needle = json.dumps(key) + ":"
            at = self._text.find(needle, self._start)
            found: Any = None
            if at >= 0:
                try:
                    found = json.JSONDecoder().raw_decode(self._text, at + len(needle))[0]
                except ValueError:
                    found = None
            if found is None:
                if self._whole is None:
                    self._whole = json.JSONDecoder().raw_decode(self._text, self._start)[0]
                found = self._whole.get(key)
            if found is None:
                return default
            dict.__setitem__(self, key, found)
        return dict.get(self, key, default)


def _lazily(path: Path) -> dict[str, Any]:
    """A profile file (release, elements, mean, then profiles), its "profiles" member a
    :class:`_OneByOne`; the whole file decoded when it is not laid out that way."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    at = text.rfind('"profiles":{')
    if at > 0:
        try:
            head: dict[str, Any] = json.loads(text[:at] + '"profiles":{}}')
        except ValueError:
            head = {}
        if set(head) == {"release", "elements", "mean", "profiles"}:
            head["profiles"] = _OneByOne(text, at + len('"profiles":'))
            return head
    whole: dict[str, Any] = json.loads(text)
    return whole


class _Profiles(dict[str, dict[str, Any]]):
    """The profiles of activities.json, each decoded on first use: the file keeps a profile's
    ratings as one string of hundredths ("412 350 ..."), and a comparison needs two of 775."""

    def __missing__(self, key: str) -> dict[str, Any]:
        raise KeyError(key)

    def __init__(self, raw: dict[str, Any]) -> None:
        super().__init__(raw if not isinstance(raw, _OneByOne) else {})
        self._raw = raw

    def get(self, key: str, default: Any = None) -> Any:
        found = super().get(key)
        if found is None and isinstance(self._raw, _OneByOne):
            found = self._raw.get(key)
        if found is None:
            return default
        if "vector" not in found:
            found = {"title": key,
                     "vector": [int(x) / 100 for x in found["ratings"].split()],
                     "source_onet_codes": found.get("sources", [])}
            self[key] = found
        return found


def release_id() -> str:
    """The id of the O*NET release of the work-activity profiles (as the data file names it)."""
    return str(_data()["release"])


# -- the skill and knowledge profiles (8-digit O*NET-SOC), for similarity ---------------------

@cache
def _skills() -> dict[str, Any]:
    from rolecmp.dataset import occupations_dir

    return _lazily(occupations_dir() / "profiles.json")


def profile_release_id() -> str:
    """The id of the O*NET release of the skill and knowledge profiles."""
    return str(_skills()["release"])


@cache
def skill_elements() -> tuple[Element, ...]:
    """The elements of a similarity profile: skills, then knowledge areas."""
    from rolecmp.dataset import elements as names

    known = names()
    return tuple(Element(e, known.get(e, {}).get("name", e), known.get(e, {}).get("kind", ""))
                 for e in _skills()["elements"])


def profile_for(onet_code: str | None) -> Vector | None:
    """The skill and knowledge profile of an 8-digit O*NET-SOC occupation; None when O*NET has
    not rated it."""
    if not onet_code:
        return None
    found = _skills()["profiles"].get(onet_code)
    if found is None:
        return None
    return Vector(onet_code, onet_code, tuple(int(x) / 100 for x in found.split()), False)


def profile(role: Role) -> Vector | None:
    """The role's similarity profile: its O*NET-SOC occupation's, or for a BLS occupation that
    O*NET splits into several (29-2010, 31-1120) the mean of theirs, marked approximate."""
    own = profile_for(role.onet_code)
    if own is not None or role.onet_code or not role.soc_code:
        return own
    from rolecmp.dataset import occupations

    occupation = occupations().get(role.soc_code)
    if occupation is None:
        return None
    return derived_profile([code for code, _ in occupation.onet], "O*NET occupations")


def derived_profile(codes: Sequence[str | None], what: str = "specialties'") -> Vector | None:
    """The mean of several occupations' similarity profiles, marked approximate (an umbrella
    role's specialties; a BLS group's O*NET occupations). None if none has one."""
    vectors = [v for c in codes if (v := profile_for(c)) is not None]
    if not vectors:
        return None
    if len(vectors) == 1:
        return vectors[0]
    ratings = tuple(round(sum(col) / len(vectors), 2)
                    for col in zip(*(v.ratings for v in vectors), strict=True))
    return Vector("derived", f"mean of {len(vectors)} {what} O*NET profiles", ratings, True)


def _profile_of(role: Role, known: Known | None) -> Vector | None:
    if known and role.id in known:
        return known[role.id]
    return profile(role)


def _centred_on(v: Vector, mean: Sequence[float]) -> list[float]:
    return [r - m for r, m in zip(v.ratings, mean, strict=True)]


def profile_cosine(a: Vector, b: Vector) -> float:
    """The centred cosine of two similarity profiles, rounded to 2 decimals."""
    if a.ratings == b.ratings:
        return 1.0
    mean = _skills()["mean"]
    ca, cb = _centred_on(a, mean), _centred_on(b, mean)
    dot = sum(x * y for x, y in zip(ca, cb, strict=True))
    norm = math.sqrt(sum(x * x for x in ca)) * math.sqrt(sum(y * y for y in cb))
    return round(dot / norm, 2) if norm else 0.0


def elements() -> tuple[Element, ...]:
    return tuple(Element(e["id"], e["name"], e["type"]) for e in _data()["elements"])


Known = Mapping[str, Vector]


def _v(role: Role, known: Known | None) -> Vector | None:
    """The profile given for ``role`` in ``known`` (a derived one), else its own."""
    if known and role.id in known:
        return known[role.id]
    return vector(role)


def vector(role: Role) -> Vector | None:
    """The role's O*NET profile, or None when O*NET 30.1 has none for its code."""
    return vector_for(role.onet_code)


def vector_for(onet_code: str | None) -> Vector | None:
    """The O*NET profile for an O*NET-SOC code, or None."""
    if not onet_code:
        return None
    code = onet_code[:7]
    found = _data()["profiles"].get(code)
    if found is None:
        return None
    return Vector(code, found["title"], tuple(found["vector"]),
                  len(found.get("source_onet_codes", [])) > 1)


def _centred(v: Vector) -> list[float]:
    return [r - m for r, m in zip(v.ratings, _data()["mean"], strict=True)]


def cosine(a: Vector, b: Vector) -> float:
    """The centred cosine of two profiles, rounded to 2 decimals; 1 for identical profiles."""
    if a.ratings == b.ratings:
        return 1.0
    ca, cb = _centred(a), _centred(b)
    dot = sum(x * y for x, y in zip(ca, cb, strict=True))
    norm = math.sqrt(sum(x * x for x in ca)) * math.sqrt(sum(y * y for y in cb))
    return round(dot / norm, 2) if norm else 0.0


class Driver(NamedTuple):
    """One element behind a similarity figure, with each role's rating."""

    element: str
    type: str
    ratings: tuple[float, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"element": self.element, "type": self.type, "ratings": list(self.ratings)}


class Similarity(NamedTuple):
    """How alike two roles are, and why."""

    a: str
    b: str
    score: float
    shared: tuple[Driver, ...]
    apart: tuple[Driver, ...]
    approximate: bool
    same_profile: str | None = None  # the O*NET code, when both roles share one profile

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "score": self.score, "method": METHOD,
                "release": profile_release_id(), "approximate": self.approximate,
                "same_profile": self.same_profile,
                "shared": [d.to_dict() for d in self.shared],
                "apart": [d.to_dict() for d in self.apart]}


METHOD = ("cosine of O*NET 8-digit skill and knowledge importance profiles, each rating "
          "centred on its mean over all rated occupations")


def derived_vector(codes: Sequence[str | None]) -> Vector | None:
    """For an umbrella role with no O*NET profile of its own: the mean of its specialties'
    profiles, marked approximate. None if none of them has one."""
    vectors = [v for c in codes if (v := vector_for(c)) is not None]
    if not vectors:
        return None
    ratings = tuple(round(sum(col) / len(vectors), 2)
                    for col in zip(*(v.ratings for v in vectors), strict=True))
    return Vector("derived", f"mean of {len(vectors)} specialties' O*NET profiles", ratings,
                  True)


def similarity(a: Role, b: Role, top: int = 3, known: Known | None = None
               ) -> Similarity | None:
    """The similarity of two roles with the ``top`` elements they share most and those that
    set them apart most; None when either has no O*NET profile. ``known`` gives similarity
    profiles for roles that have none of their own (see :func:`derived_profile`)."""
    va, vb = _profile_of(a, known), _profile_of(b, known)
    if va is None or vb is None:
        return None
    if va.code == vb.code and va.code != "derived":
        # One O*NET profile describes both roles: the figure would be 1 and say nothing.
        return Similarity(a.id, b.id, 1.0, (), (), va.approximate, va.code)
    els = skill_elements()
    mean = _skills()["mean"]
    ca, cb = _centred_on(va, mean), _centred_on(vb, mean)
    order = range(len(els))
    ra, rb = va.ratings, vb.ratings
    shared = sorted((i for i in order if ra[i] >= IMPORTANT and rb[i] >= IMPORTANT
                     and ca[i] > 0 and cb[i] > 0),
                    key=lambda i: (-(min(ca[i], cb[i])), els[i].name))[:top]
    # What sets them apart: not what they share most (both may rate it, one much higher).
    apart = sorted((i for i in order if max(ra[i], rb[i]) >= IMPORTANT
                    and abs(ra[i] - rb[i]) >= GAP and i not in shared),
                   key=lambda i: (-abs(ra[i] - rb[i]), els[i].name))[:top]

    def driver(i: int) -> Driver:
        return Driver(els[i].name, els[i].type, (va.ratings[i], vb.ratings[i]))

    return Similarity(a.id, b.id, profile_cosine(va, vb), tuple(map(driver, shared)),
                      tuple(map(driver, apart)), va.approximate or vb.approximate)


def gaps(a: Role, b: Role, top: int = 3, known: Known | None = None) -> tuple[Driver, ...]:
    """The elements ``b`` rates important and most above ``a``: what moving from ``a`` to ``b``
    adds."""
    va, vb = _profile_of(a, known), _profile_of(b, known)
    if va is None or vb is None:
        return ()
    els = skill_elements()
    order = sorted((i for i in range(len(els)) if vb.ratings[i] >= IMPORTANT
                    and vb.ratings[i] - va.ratings[i] >= GAP),
                   key=lambda i: (-(vb.ratings[i] - va.ratings[i]), els[i].name))[:top]
    return tuple(Driver(els[i].name, els[i].type, (va.ratings[i], vb.ratings[i]))
                 for i in order)


class Contact(NamedTuple):
    """Patient contact measured from O*NET, with the ratings it comes from."""

    level: str
    caring: float
    public: float
    approximate: bool
    release: str

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "measured": True, "release": self.release,
                "assisting_and_caring_for_others": self.caring,
                "working_directly_with_the_public": self.public,
                "approximate": self.approximate,
                "rule": f"higher rating >= {HIGH_CONTACT}: high; >= {MODERATE_CONTACT}: "
                        "moderate; else low"}


def contact_level(rating: float) -> str:
    if rating >= HIGH_CONTACT:
        return "high"
    return "moderate" if rating >= MODERATE_CONTACT else "low"


def measured_contact(role: Role) -> Contact | None:
    """The role's patient contact measured from O*NET; None without an O*NET profile."""
    return contact_of(role.onet_code)


def contact_of(onet_code: str | None) -> Contact | None:
    """Patient contact measured from the O*NET profile of ``onet_code``; None without one."""
    v = vector_for(onet_code)
    if v is None:
        return None
    ids = [e.id for e in elements()]
    caring, public = v.ratings[ids.index(CARING)], v.ratings[ids.index(PUBLIC)]
    return Contact(contact_level(max(caring, public)), caring, public, v.approximate,
                   release_id())


class Activities(NamedTuple):
    """Generalized work activities side by side: those every role performs, and those only one
    does (importance >= 3.5 for it, < 3.0 for all the others)."""

    shared: tuple[str, ...]
    only: tuple[tuple[str, tuple[str, ...]], ...]

    def to_dict(self) -> dict[str, Any]:
        return {"shared": list(self.shared), "only": {k: list(v) for k, v in self.only},
                "rule": f"performed: importance >= {PART_OF_JOB}; not performed: "
                        f"< {NOT_PART} (O*NET 30.1 work activities)"}


def activities(roles: list[Role], known: Known | None = None) -> Activities | None:
    """Work activities shared by all ``roles`` and those only one performs."""
    vectors = [_v(r, known) for r in roles]
    if any(v is None for v in vectors):
        return None
    els = elements()
    acts = [i for i, e in enumerate(els) if e.type != "skill"]
    vs = [v for v in vectors if v is not None]
    shared = [els[i].name for i in acts if all(v.ratings[i] >= PART_OF_JOB for v in vs)]
    only = []
    for role, v in zip(roles, vs, strict=True):
        others = [o for o in vs if o is not v]
        mine = [els[i].name for i in acts if v.ratings[i] >= PART_OF_JOB
                and all(o.ratings[i] < NOT_PART for o in others)]
        only.append((role.id, tuple(mine)))
    return Activities(tuple(shared), tuple(only))


class Neighbour(NamedTuple):
    id: str
    name: str
    score: float
    same_profile: bool = False


class Nearest(NamedTuple):
    """The roles nearest to one role by the similarity figure."""

    role: Role
    neighbours: tuple[Neighbour, ...]
    approximate: bool

    def render_with(self, renderer: Renderer[T]) -> T:
        """Hand this result to ``renderer``'s method for it."""
        return renderer.nearest(self)

    @property
    def releases(self) -> list[str]:
        return [profile_release_id()]

    def to_dict(self) -> dict[str, Any]:
        return {"role": {"id": self.role.id, "name": self.role.name}, "method": METHOD,
                "release": profile_release_id(),
                "similar": [n._asdict() for n in self.neighbours]}


def nearest(role: Role, others: list[Role], limit: int = 10) -> Nearest:
    """``others`` ordered by similarity to ``role`` (highest first, ties by id)."""
    from rolecmp.errors import RolecmpError

    own = profile(role)
    if own is None:
        raise RolecmpError(f"O*NET has not rated the skills and knowledge of {role.id}, so no "
                           "similarity can be measured for it")
    scored = []
    for other in others:
        if other.id == role.id:
            continue
        sim = similarity(role, other)
        if sim is not None:
            scored.append(Neighbour(other.id, other.name, sim.score, sim.same_profile is not None))
    scored.sort(key=lambda n: (-n.score, n.id))
    return Nearest(role, tuple(scored[:limit]), own.approximate)
