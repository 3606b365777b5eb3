"""The on-disk cache: validated role data and catalog indexes kept as JSON in the user's cache
directory, so a warm run skips YAML parsing and validation.

Three rules keep it honest:

- Entries are keyed by content: a role file's stamp is a checksum of its bytes, so an edit that
  keeps the size and modification time (``cp -p``, ``rsync -t``, unzip, two saves within one
  clock tick) still makes the entry stale.
- Nothing read from the cache is trusted: an entry of the wrong shape or with values of the wrong
  types (a damaged or foreign file) is ignored and rebuilt, never used and never a crash.
- rolecmp writes only inside folders of its own, each marked with a ``CACHEDIR.TAG`` when rolecmp
  made it, and prunes only files it names itself, only in a folder with that mark. Pointing
  ``ROLECMP_CACHE_DIR`` at a folder of one's own files therefore never loses one.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from rolecmp.errors import InvalidRoleFile
from rolecmp.model import Role

INDEX_VERSION = 4
#: Role files are at most this large (see :data:`rolecmp.yamlload.MAX_BYTES`).
ROLE_FILE_MAX = 256 * 1024
#: A cache file larger than this is not one rolecmp wrote (an index of 10,000 roles is ~10 MB).
CACHE_FILE_MAX = 64 * 1024 * 1024
#: The folders rolecmp keeps inside the cache directory.
ROLES_FOLDER = "role-cache"
INDEX_FOLDER = "index-cache"
MARKER = "CACHEDIR.TAG"
_MARKER_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
                "# This file is a cache directory tag created by rolecmp.\n"
                "# rolecmp removes old files it wrote here; see https://bford.info/cachedir/\n")
_INDEX_NAME = re.compile(r"index-[0-9a-f]{16,40}\.json\Z")


def content_digest(data: bytes) -> str:
    """A short checksum of ``data``. Cache keys need no cryptography, and zlib's checksums import
    in a fraction of hashlib's time; two independent 32-bit sums and the length make an
    accidental match of two versions of a file vanishingly unlikely."""
    import zlib

    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}{len(data):x}"


def _digest(text: str) -> str:
    """A short, stable name for ``text`` (see :func:`content_digest`)."""
    return content_digest(text.encode("utf-8", "surrogateescape"))


def file_stamp(path: str) -> str:
    """What changes whenever the role file at ``path`` does: a checksum of its bytes. A file
    that cannot be read gets a stamp saying why, so fixing it changes the stamp too."""
    from rolecmp.files import read_regular

    try:
        return content_digest(read_regular(path, ROLE_FILE_MAX))
    except OSError as exc:
        return f"unreadable:{exc.errno}:{exc.strerror}"


class RoleCache:
    """Validated role data, one JSON file per role file, keyed by the role file's path and the
    checksum of its bytes: a cached role skips YAML parsing and validation, and any change to
    the file's content makes the entry stale. ``cache_dir`` None keeps nothing."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.dir = cache_dir / ROLES_FOLDER if cache_dir is not None else None

    def _entry(self, path: Path) -> Path | None:
        if self.dir is None:
            return None
        try:
            return self.dir / (_digest(str(path.resolve())) + ".json")
        except (OSError, RuntimeError):
            return None

    def read(self, path: Path) -> Role:
        """The role in ``path``, from the cache when an entry matches the file's content."""
        from rolecmp.catalog import checked_data

        stamp = [str(path), _role_file_digest(path), INDEX_VERSION]
        entry = self._entry(path)
        if entry is not None:
            role = _cached_role(entry, stamp, path)
            if role is not None:
                return role
        data = checked_data(str(path))
        if isinstance(data, list):
            raise data[0]
        # Only if the file did not change while it was parsed: else the entry would hold the old
        # content under the new checksum (or the reverse) and be trusted later.
        if entry is not None and _role_file_digest(path) == stamp[1]:
            write_json(entry, {"stamp": stamp, "data": data, "check": _data_check(data)})
        return Role.from_data(data, origin=str(path))


def _role_file_digest(path: Path) -> str:
    from rolecmp.files import NotRegularFile, read_regular

    try:
        return content_digest(read_regular(str(path), ROLE_FILE_MAX))
    except NotRegularFile as exc:
        raise InvalidRoleFile(str(path), f"{exc.strerror}, not a role file") from None
    except OSError as exc:
        raise InvalidRoleFile(str(path), f"cannot be read: {exc.strerror or exc}") from None


def _cached_role(entry: Path, stamp: list[Any], path: Path) -> Role | None:
    stored = read_json(entry)
    if not isinstance(stored, dict) or stored.get("stamp") != stamp:
        return None
    # The data must be what rolecmp wrote: a text edited, truncated or of another program's fails
    # this check even under the right stamp; the types are checked again below.
    if stored.get("check") != _data_check(stored.get("data")):
        return None
    try:
        role = Role.from_data(stored["data"], origin=str(path))
    except (KeyError, TypeError, AttributeError, ValueError, IndexError, RecursionError):
        return None
    if not conforms(role, Role) or role.id != path.name.removesuffix(".yaml"):
        return None
    return role


def _data_check(data: Any) -> str:
    try:
        return content_digest(json.dumps(data, sort_keys=True, ensure_ascii=True).encode())
    except (TypeError, ValueError, RecursionError):
        return ""


class IndexCache:
    """The catalog index of one combination of role folders, kept as one JSON file, valid while
    the fingerprint (every file's path and checksum) is the same. Files of other combinations
    (a ``--data-dir`` used once) are removed after a month unused."""

    def __init__(self, cache_dir: Path | None, dirs: list[Path]) -> None:
        self.file: Path | None = None
        if cache_dir is not None:
            try:
                key = "\0".join(str(d.resolve()) for d in dirs)
            except (OSError, RuntimeError):
                return
            self.file = cache_dir / INDEX_FOLDER / f"index-{_digest(key)}.json"

    def read(self, fingerprint: str, record: type[Any]) -> tuple[list[Any], list[str]] | None:
        """The stored entries (as ``record`` named tuples) and the warnings about skipped files,
        or None when there is no current, well-formed index."""
        if self.file is None:
            return None
        stored = read_json(self.file)
        if not isinstance(stored, dict) or stored.get("version") != INDEX_VERSION or \
                stored.get("fingerprint") != fingerprint:
            return None
        items, skipped = stored.get("entries"), stored.get("skipped", [])
        if not isinstance(items, list) or not isinstance(skipped, list) or \
                not all(isinstance(s, str) for s in skipped):
            return None
        fields = set(record._fields)
        out = []
        for item in items:
            if not isinstance(item, dict) or set(item) != fields:
                return None
            try:
                value = record(**{k: tuple(v) if isinstance(v, list) else v
                                  for k, v in item.items()})
            except (TypeError, ValueError):
                return None
            if not conforms(value, record):
                return None
            out.append(value)
        return out, skipped

    def write(self, fingerprint: str, entries: Sequence[Any], skipped: Sequence[str] = ()
              ) -> None:
        """Store the index, then prune other combinations' old files."""
        if self.file is None:
            return
        write_json(self.file, {"version": INDEX_VERSION, "fingerprint": fingerprint,
                               "entries": [e._asdict() for e in entries],
                               "skipped": list(skipped)})
        prune(self.file)


def read_json(path: Path) -> Any:
    """The JSON in the regular file ``path``, or None if it is missing, unreadable, too large,
    not a regular file or not JSON (nesting too deep included)."""
    from rolecmp.files import read_regular

    try:
        raw = read_regular(str(path), CACHE_FILE_MAX)
        if len(raw) > CACHE_FILE_MAX:
            return None
        return json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None


def write_json(target: Path, payload: Any) -> None:
    """Write ``payload`` atomically into rolecmp's own folder ``target.parent``; a cache that
    cannot be written only costs time."""
    import tempfile

    try:
        own_folder(target.parent)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, ValueError):
        pass


_write_json = write_json  # the name catalog and older tests use


def own_folder(folder: Path) -> None:
    """Make ``folder`` if it is missing, and mark it as rolecmp's own when rolecmp made it."""
    if folder.is_dir():
        return
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        folder.mkdir()
    except FileExistsError:
        return  # made meanwhile (by another rolecmp, or not): not marked by us
    (folder / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")


def is_own_folder(folder: Path) -> bool:
    """Whether rolecmp made ``folder`` (it holds rolecmp's CACHEDIR.TAG)."""
    from rolecmp.files import read_regular

    try:
        return read_regular(str(folder / MARKER), 4096) == _MARKER_TEXT.encode()
    except OSError:
        return False


#: Cache files of other layer combinations (a --data-dir used once) go after this long unused.
PRUNE_AFTER_SECONDS = 30 * 24 * 3600


def prune(keep: Path) -> None:
    """Remove index files beside ``keep`` not written for a month: only in a folder rolecmp
    made, only regular files named as rolecmp names them."""
    import stat
    import time

    folder = keep.parent
    if not is_own_folder(folder):
        return
    cutoff = time.time() - PRUNE_AFTER_SECONDS
    try:
        with os.scandir(folder) as entries:
            for old in entries:
                if old.name == keep.name or not _INDEX_NAME.match(old.name):
                    continue
                st = old.stat(follow_symlinks=False)
                if stat.S_ISREG(st.st_mode) and st.st_mtime < cutoff:
                    os.unlink(old.path)
    except OSError:
        pass


def _prune(keep: Path, pattern: str = "") -> None:
    """Older name of :func:`prune`; ``pattern`` is ignored (rolecmp prunes its own names only)."""
    prune(keep)


def default_cache_dir() -> Path | None:
    """``$ROLECMP_CACHE_DIR``, else the platform's per-user cache directory; None (no cache) when
    there is no home folder to keep one in."""
    explicit = os.environ.get("ROLECMP_CACHE_DIR")
    if explicit:
        return Path(explicit)
    from rolecmp.dirs import user_cache_dir

    return user_cache_dir()


# -- checking what was read -------------------------------------------------------------------
Check = Callable[[Any], bool]
_CHECKS: dict[Any, Check] = {}


def conforms(value: Any, hint: Any) -> bool:
    """Whether ``value`` has the type ``hint`` says, all the way down through named tuples,
    ``X | None`` and ``tuple[X, ...]``. Anything it does not know is refused."""
    return _check_for(hint)(value)


def _check_for(hint: Any) -> Check:
    """A function checking values against ``hint``, made once per hint (an index of 10,000
    entries is checked field by field on every warm run)."""
    if hint not in _CHECKS:
        _CHECKS[hint] = _make_check(hint)
    return _CHECKS[hint]


def _make_check(hint: Any) -> Check:
    import types
    import typing

    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        options = [_check_for(arg) for arg in typing.get_args(hint)]
        if len(options) == 2 and type(None) in typing.get_args(hint):  # X | None, the usual
            other = options[typing.get_args(hint).index(type(None)) - 1]
            return lambda value: value is None or other(value)
        return lambda value: any(check(value) for check in options)
    if hint is type(None) or hint is None:
        return lambda value: value is None
    if hint is typing.Any:
        return lambda value: True
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _check_for(args[0])
            return lambda value: type(value) is tuple and all(map(item, value))
        parts = [_check_for(a) for a in args]
        return lambda value: (type(value) is tuple and len(value) == len(parts)
                              and all(check(v) for check, v in zip(parts, value, strict=True)))
    if hint in (str, int, bool, float):
        return lambda value: type(value) is hint
    if isinstance(hint, type) and issubclass(hint, tuple) and hasattr(hint, "_fields"):
        record: type = hint
        fields: list[tuple[str, Check]] = []

        def check_record(value: Any) -> bool:
            if not fields:  # filled on first use: a record may refer to itself
                fields.extend((name, _check_for(sub))
                              for name, sub in _field_types(record).items())
            if not isinstance(value, record):
                return False
            for name, check in fields:  # noqa: SIM110  (a loop is faster: 900 fields a run)
                if not check(getattr(value, name)):
                    return False
            return True
        return check_record
    return lambda value: False


_EVALUATED: dict[tuple[str, str], Any] = {}


def _field_types(record: type) -> dict[str, Any]:
    """The types of a record's fields: its annotations (text, under ``from __future__ import
    annotations``) evaluated in its module, as :func:`typing.get_type_hints` would give them but
    at a tenth of the cost (it was some 18M instructions of every warm run: Entry and Role with
    its parts). Anything unusual goes to typing.get_type_hints."""
    import sys
    import typing

    namespace = vars(sys.modules[record.__module__])
    found: dict[str, Any] = {}
    try:
        for name, hint in record.__annotations__.items():
            if not isinstance(hint, str):  # a typing.NamedTuple's ForwardRef
                return typing.get_type_hints(record)
            key = (record.__module__, hint)  # "str | None" is written a hundred times
            if key not in _EVALUATED:
                value = eval(hint, namespace)
                _EVALUATED[key] = type(None) if value is None else value
            found[name] = _EVALUATED[key]
    except Exception:  # a name only type checkers import, a form eval lacks
        return typing.get_type_hints(record)
    return found


__all__ = [
    "INDEX_VERSION",
    "PRUNE_AFTER_SECONDS",
    "IndexCache",
    "RoleCache",
    "conforms",
    "content_digest",
    "default_cache_dir",
    "file_stamp",
    "prune",
    "read_json",
    "write_json",
]
