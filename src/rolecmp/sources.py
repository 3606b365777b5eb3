"""The list of data releases, as a result the renderers can show."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rolecmp.figures import Release

if TYPE_CHECKING:
    from rolecmp.render.base import Renderer, T


@dataclass(frozen=True)
class SourceList:
    releases_shown: Sequence[Release]

    def render_with(self, renderer: Renderer[T]) -> T:
        """Hand this result to ``renderer``'s method for it."""
        return renderer.source_list(self)

    def to_list(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self.releases_shown]
