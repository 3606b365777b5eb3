"""The one normalisation of names that every lookup shares: role ids, aliases, O*NET titles and
what a person types are compared by :func:`normalize`. scripts/build_occupations.py writes the
keys of ``data/occupations/names.tsv`` with this function, so keep it and the data in step
(rebuild the data when it changes)."""

from __future__ import annotations

import re
import unicodedata

_SEPARATORS = re.compile(r"[^\w.+#]+")
_APOSTROPHES = re.compile(r"['\u2019]")
_DASHES = re.compile(r"-{2,}")


def normalize(name: str) -> str:
    """The lookup key of a name: NFKC, case-folded, runs of spaces and punctuation other than
    ``. + #`` joined by ``-``, apostrophes dropped (``nurse's`` -> ``nurses``); leading and
    trailing ``-`` and ``.`` dropped.

    ``"Radiologic Technologist"`` -> ``radiologic-technologist``, ``"R.T.(R)"`` -> ``r.t.-r``,
    ``"R.T."`` -> ``r.t``, ``"X-Ray Tech"`` -> ``x-ray-tech``, ``"C++ developer"`` ->
    ``c++-developer``.
    """
    key = unicodedata.normalize("NFKC", name).casefold().replace("_", "-")
    key = _APOSTROPHES.sub("", key)
    key = _SEPARATORS.sub("-", key)
    return _DASHES.sub("-", key).strip("-.")
