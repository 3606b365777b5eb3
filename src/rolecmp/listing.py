"""List the roles of a catalog, from its index alone (no role file is parsed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rolecmp.catalog import Catalog, Entry

WHICH = ("roles", "specialties")


@dataclass(frozen=True)
class Listing:
    """Roles to list; ``which`` is ``roles`` (all) or ``specialties`` (the technician
    specialties, with the less common ones marked)."""

    which: str
    entries: tuple[Entry, ...]

    def to_list(self) -> list[dict[str, Any]]:
        return [
            {"id": e.id, "name": e.name, "kind": e.kind, "family": e.family,
             "parent": e.parent, "soc_code": e.soc_code, "less_common": e.less_common,
             "summary": e.summary}
            for e in self.entries
        ]


def list_roles(catalog: Catalog, which: str = "roles") -> Listing:
    """All roles, or only the specialties (sorted by id, the less common ones last)."""
    if which not in WHICH:
        raise ValueError(f"which must be one of {WHICH}")
    entries: Sequence[Entry] = catalog.entries()
    if which == "specialties":
        entries = sorted((e for e in entries if e.kind == "specialty"),
                         key=lambda e: (e.less_common, e.id))
    return Listing(which, tuple(entries))


def first_sentence(text: str) -> str:
    """The first sentence of ``text``, for one-line summaries."""
    text = " ".join(text.split())
    for end in (". ", "; "):
        cut = text.find(end)
        if cut != -1:
            return text[: cut + 1]
    return text
