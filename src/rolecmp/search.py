"""Find roles by what they are called and what they do: name, alias, credential, duty, workplace.

A role scores for each field that contains the whole query (or, for less, every word of it);
fields that name the role weigh more than fields that describe it. Results are ranked by score,
then id, so the order is stable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rolecmp.catalog import Catalog, normalize
from rolecmp.errors import RolecmpError
from rolecmp.model import Role

#: How much a match in each field counts: the whole phrase scores this, every word apart half.
WEIGHTS = {
    "id": 100, "name": 100, "alias": 90, "credential": 60, "body": 50, "duty": 40,
    "workplace": 30, "summary": 10,
}


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


def search(catalog: Catalog, query: str, limit: int | None = None) -> SearchResult:
    """Roles matching ``query``, best first."""
    if not _words(query):
        raise EmptyQuery("give some text to search for, e.g. rolecmp search \"draw blood\"")
    hits = [hit for role in catalog.all() if (hit := score_role(role, query))]
    hits.sort(key=lambda h: (-h.score, h.role.id))
    return SearchResult(query, tuple(hits[:limit] if limit else hits))
