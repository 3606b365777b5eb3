"""The on-disk cache: validated role data and catalog indexes kept as JSON in the user's cache
directory, so a warm run skips YAML parsing and validation."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from rolecmp.errors import InvalidRoleFile
from rolecmp.model import Role

INDEX_VERSION = 3


class RoleCache:
    """Validated role data kept as JSON in the cache directory, one file per role file, keyed by
    the role file's path, size and modification time: a cached role skips YAML parsing and
    validation, and any edit to the file makes the entry stale."""

    def __init__(self, cache_dir: Path) -> None:
        self.dir = cache_dir / "roles"

    def _entry(self, path: Path) -> Path:
        return self.dir / (_digest(str(path.resolve())) + ".json")

    def read(self, path: Path) -> Role:
        """The role in ``path``, from the cache when it is current."""
        try:
            st = path.stat()
        except OSError as exc:
            raise InvalidRoleFile(str(path), f"cannot be read: {exc.strerror}") from None
        stamp = [str(path), st.st_size, st.st_mtime_ns, INDEX_VERSION]
        entry = self._entry(path)
        try:
            with open(entry, encoding="utf-8") as handle:
                stored = json.load(handle)
            if stored["stamp"] == stamp:
                return Role.from_data(stored["data"], origin=str(path))
        except (OSError, ValueError, KeyError, TypeError):
            pass
        from rolecmp.catalog import checked_data

        data = checked_data(str(path))
        if isinstance(data, list):
            raise data[0]
        _write_json(entry, {"stamp": stamp, "data": data})
        return Role.from_data(data, origin=str(path))


def _write_json(target: Path, payload: Any) -> None:
    """Write ``payload`` atomically; a cache that cannot be written only costs time."""
    import tempfile

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle)
        os.replace(tmp, target)
    except OSError:
        pass


#: Cache files of other layer combinations (a --data-dir used once) go after this long unused.
PRUNE_AFTER_SECONDS = 30 * 24 * 3600


def _prune(keep: Path, pattern: str) -> None:
    """Remove cache files matching ``pattern`` beside ``keep`` not written for a month."""
    import time

    cutoff = time.time() - PRUNE_AFTER_SECONDS
    try:
        for old in keep.parent.glob(pattern):
            if old != keep and old.stat().st_mtime < cutoff:
                old.unlink()
    except OSError:
        pass


def _digest(text: str) -> str:
    """A short, stable name for ``text``. Cache keys need no cryptography, and zlib's checksums
    import in a fraction of hashlib's time; entries also store what they were made from."""
    import zlib

    data = text.encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def default_cache_dir() -> Path:
    """``$ROLECMP_CACHE_DIR``, else the platform's per-user cache directory."""
    explicit = os.environ.get("ROLECMP_CACHE_DIR")
    if explicit:
        return Path(explicit)
    from rolecmp.dirs import user_cache_dir

    return user_cache_dir()
