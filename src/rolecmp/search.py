"""Find roles by what they are called and what they do: name, alias, credential, duty, workplace.

A role scores for each field that contains the whole query (or, for less, every word of it);
fields that name the role weigh more than fields that describe it. Results are ranked by score,
then id, so the order is stable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rolecmp.catalog import Catalog, normalize
from rolecmp.errors import RolecmpError
from rolecmp.model import Role

if TYPE_CHECKING:
    from rolecmp.render.base import Renderer, T

#: How much a match in each field counts: the whole phrase scores this, every word apart half.
WEIGHTS = {
    "id": 100, "name": 100, "alias": 90, "title": 80, "credential": 60, "alternate title": 50,
    "body": 50, "duty": 40, "technology": 35, "workplace": 30, "summary": 10,
}
#: How many results a search shows unless --limit says otherwise.
DEFAULT_LIMIT = 25


class EmptyQuery(RolecmpError):
    """A search with nothing to search for."""


@dataclass(frozen=True)
class Match:
    field: str
    text: str


@dataclass(frozen=True)
class Hit:
    role: Role
    score: int
    matches: tuple[Match, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.role.id, "name": self.role.name, "score": self.score,
                "matches": [{"field": m.field, "text": m.text} for m in self.matches]}


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...]
    total: int = 0  # hits before the limit

    def render_with(self, renderer: Renderer[T]) -> T:
        """Hand this result to ``renderer``'s method for it."""
        return renderer.search_result(self)

    def to_list(self) -> list[dict[str, Any]]:
        return [h.to_dict() for h in self.hits]


def _fields(role: Role) -> Iterator[tuple[str, str]]:
    yield "id", role.id
    yield "name", role.name
    for alias in role.aliases:
        yield "alias", alias
    for cred in role.certification.credentials if role.certification else ():
        yield "credential", f"{cred.abbreviation}: {cred.name}"
        yield "body", cred.body
    for duty in role.scope.duties.all() if role.scope else ():
        yield "duty", duty
    for place in role.workplaces:
        yield "workplace", place
    if role.summary:
        yield "summary", " ".join(role.summary.split())


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def score_role(role: Role, query: str) -> Hit | None:
    """How well ``role`` matches ``query``, with the fields that matched; None for no match."""
    phrase = " ".join(_words(query))
    words = phrase.split()
    key = normalize(query)
    total = 0
    matches: list[Match] = []
    seen_fields: set[str] = set()
    for field, text in _fields(role):
        haystack = " ".join(_words(text))
        weight = WEIGHTS[field]
        if field in ("id", "alias") and text == key:
            gained = weight * 2
        elif re.search(rf"\b{re.escape(phrase)}", haystack):
            gained = weight
        elif all(re.search(rf"\b{re.escape(w)}", haystack) for w in words):
            gained = weight // 2
        else:
            continue
        # A field kind counts once at full weight; more matches of it add a little.
        total += gained if field not in seen_fields else gained // 10
        seen_fields.add(field)
        matches.append(Match(field, text))
    if not matches:
        return None
    return Hit(role, total, tuple(matches))


def _score_text(text: str, phrase: str, words: list[str], weight: int) -> int:
    lowered = text.lower()
    if not all(w in lowered for w in words):  # most titles: no regex needed
        return 0
    haystack = " ".join(_words(text))
    if re.search(rf"\b{re.escape(phrase)}", haystack):
        return weight
    if all(re.search(rf"\b{re.escape(w)}", haystack) for w in words):
        return weight // 2
    return 0


def _dataset_matches(catalog: Catalog, query: str) -> dict[str, list[tuple[str, str, int]]]:
    """Role id -> (field, text, points) for every dataset title and O*NET technology that
    matches ``query``, each mapped to the role that stands for its occupation."""
    from rolecmp import dataset

    phrase = " ".join(_words(query))
    words = phrase.split()
    found: dict[str, list[tuple[str, str, int]]] = {}
    by_code: dict[str, str | None] = {}

    def role_of(code: str) -> str | None:
        if code not in by_code:
            occupation = dataset.occupation_of_onet(code) if "." in code else \
                dataset.occupations().get(code)
            ids = catalog._for_code(code if "." in code else None, occupation.soc_code) \
                if occupation else []
            by_code[code] = ids[0] if len(ids) == 1 else None
        return by_code[code]

    for title in dataset.all_titles():
        field = "title" if title.kind in ("soc", "onet") else "alternate title"
        points = _score_text(title.title, phrase, words, WEIGHTS[field])
        if points and (role_id := role_of(title.code)):
            found.setdefault(role_id, []).append((field, title.title, points))
    for name, code, hot in dataset.technology():
        points = _score_text(name, phrase, words, WEIGHTS["technology"])
        if points and (role_id := role_of(code)):
            label = f"{name} (hot technology)" if hot else name
            found.setdefault(role_id, []).append(("technology", label, points))
    return found


def search(catalog: Catalog, query: str, limit: int | None = DEFAULT_LIMIT) -> SearchResult:
    """Roles matching ``query`` among the role files and every dataset occupation (titles,
    alternate titles, O*NET technology), best first."""
    if not _words(query):
        raise EmptyQuery("give some text to search for, e.g. rolecmp search \"draw blood\"")
    hits = {role.id: hit for role in catalog.all() if (hit := score_role(role, query))}
    for role_id, matches in _dataset_matches(catalog, query).items():
        # One title or technology kind counts once at full weight, the rest a little.
        seen: set[str] = set()
        total = 0
        unique = list(dict.fromkeys((f, t) for f, t, _ in matches))
        best = sorted(matches, key=lambda m: -m[2])
        for field, _text, points in best:
            total += points if field not in seen else points // 10
            seen.add(field)
        extra = tuple(Match(f, t) for f, t in unique)
        if role_id in hits:
            old = hits[role_id]
            hits[role_id] = Hit(old.role, old.score + total, old.matches + extra)
        else:
            hits[role_id] = Hit(catalog.get(role_id), total, extra)
    ranked = sorted(hits.values(), key=lambda h: (-h.score, h.role.id))
    return SearchResult(query, tuple(ranked[:limit] if limit else ranked), len(ranked))
