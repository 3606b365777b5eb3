"""The list of data releases, as a result the renderers can show."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rolecmp.figures import Release


@dataclass(frozen=True)
class SourceList:
    releases_shown: Sequence[Release]

    def to_list(self) -> list[dict[str, Any]]:
        return [r.to_dict() for r in self.releases_shown]
