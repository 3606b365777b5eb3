"""Find, read and validate role files; resolve ids, aliases and names to roles.

Lazy by design: a role named by its id is read straight from ``<dir>/<id>.yaml`` and nothing else is
parsed. Aliases, names and ``list`` need the catalog index (id, name, aliases and the few fields a
listing shows, for every role); it is built once from all files and kept in the user's cache
directory, keyed by every file's name, size and modification time, so an edit rebuilds it.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from rolecmp.cache import (  # noqa: F401  (names importable from catalog, as before)
    INDEX_VERSION,
    PRUNE_AFTER_SECONDS,
    RoleCache,
    _digest,
    _prune,
    _write_json,
    default_cache_dir,
)
from rolecmp.dirs import user_data_dir
from rolecmp.errors import AmbiguousRole, InvalidRoleFile, RoleNotFound
from rolecmp.model import Role
from rolecmp.rules import ID_PATTERN, MUST_BE_SOURCED

SUFFIX = ".yaml"
_ID_RE = re.compile(ID_PATTERN)
MIN_PARTIAL = 3


def bundled_roles_dir() -> Path:
    """The role files shipped with rolecmp: inside the package when installed from a wheel, else
    the top-level ``data/`` of a source checkout (editable install)."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "roles"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "data" / "roles"


def normalize(name: str) -> str:
    """The lookup key of a name: lowercase, words joined by ``-``."""
    key = re.sub(r"[\s_/]+", "-", name.strip().lower())
    return re.sub(r"-{2,}", "-", key).strip("-")


class Entry(NamedTuple):
    """What the index keeps of one role: enough to resolve names and to list it."""

    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str
    family: str
    parent: str | None
    soc_code: str | None
    summary: str
    less_common: bool
    patient_contact: str
    onet_code: str | None
    soc_group: bool  # BLS counts the role in a broader group (the role file has a soc_note)
    path: str

    @classmethod
    def of(cls, role: Role, path: str) -> Entry:
        return cls(role.id, role.name, role.aliases, role.kind, role.family, role.parent,
                   role.soc_code, role.summary, role.less_common, role.patient_contact.level,
                   role.onet_code, role.soc_note is not None, path)

    def to_dict(self) -> dict[str, Any]:
        out = self._asdict()
        out.pop("path")
        out["source_file"] = self.path
        return out


def check_file(path: str | os.PathLike[str]) -> Role | list[InvalidRoleFile]:
    """The role in ``path``, or every problem with it (each with file, line, column and field)."""
    data = checked_data(os.fspath(path))
    if isinstance(data, list):
        return data
    return Role.from_data(data, origin=os.fspath(path))


PLACEHOLDER = "TODO"


def checked_data(name: str, strict: bool = False) -> dict[str, Any] | list[InvalidRoleFile]:
    """Parse and validate a role file. ``strict`` also reports placeholders left by
    ``rolecmp new`` (the ``validate`` command is strict; reading roles is not)."""
    from rolecmp import yamlload
    from rolecmp.schema import validate

    try:
        loaded = yamlload.load(name)
    except InvalidRoleFile as exc:
        return [exc]
    if not isinstance(loaded.data, dict):
        return [loaded.error((), "must be a mapping of fields (id: ..., name: ...)")]
    errors = [loaded.error(p.path, p.message) for p in validate(loaded.data)]
    if not errors:
        supported = {f for source in loaded.data["sources"] for f in source["supports"]}
        for fact in MUST_BE_SOURCED:
            if fact not in supported:
                errors.append(loaded.error(("sources",), f"no source supports {fact!r}; add it "
                                                         "to the supports of the source it "
                                                         "comes from"))
    if strict:
        errors += [loaded.error(path, "still holds a placeholder from 'rolecmp new'")
                   for path, value in _strings(loaded.data, ())
                   if value.strip().startswith(PLACEHOLDER)]
    stem = Path(name).name.removesuffix(SUFFIX)
    role_id = loaded.data.get("id")
    if isinstance(role_id, str) and role_id != stem:
        errors.append(loaded.error(("id",), f"is {role_id!r} but the file is named {stem!r}; "
                                            "they must match"))
    return errors or loaded.data


def _strings(value: Any, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...],
                                                                        str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*path, i))


class Catalog:
    """The roles in one or more directories; a later directory adds roles or overrides by id."""

    def __init__(self, dirs: Sequence[str | os.PathLike[str]] | None = None,
                 cache_dir: str | os.PathLike[str] | None = None,
                 names: Sequence[str] | None = None) -> None:
        self.dirs = [Path(d) for d in (dirs if dirs is not None else [bundled_roles_dir()])]
        self.names = list(names) if names is not None else [str(d) for d in self.dirs]
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self._roles: dict[str, Role] = {}
        self._index: dict[str, Entry] | None = None
        self._cache = RoleCache(self.cache_dir)

    # -- files -------------------------------------------------------------------------------
    def path_for(self, role_id: str) -> Path | None:
        """The file that defines ``role_id`` (the last directory wins), or None."""
        if not _ID_RE.match(role_id):
            return None
        for directory in reversed(self.dirs):
            candidate = directory / (role_id + SUFFIX)
            if candidate.is_file():
                return candidate
        return None

    def files(self) -> dict[str, Path]:
        """Every role file by id, later directories overriding earlier ones."""
        return {role_id: Path(path) for role_id, (path, _) in self._scan().items()}

    def _scan(self) -> dict[str, tuple[str, str]]:
        """Id -> (path, stamp) of every role file; the stamp (size and modification time)
        changes when the file does. Plain strings: a catalog may hold 10,000 files."""
        found: dict[str, tuple[str, str]] = {}
        for directory in self.dirs:
            try:
                entries = sorted(os.scandir(directory), key=lambda e: e.name)
            except FileNotFoundError:
                continue
            except OSError as exc:
                raise InvalidRoleFile(str(directory), f"cannot be read: {exc.strerror}") from None
            for entry in entries:
                if entry.name.endswith(SUFFIX) and not entry.name.startswith("."):
                    try:
                        st = entry.stat()
                        stamp = f"{st.st_size}:{st.st_mtime_ns}"
                    except OSError:
                        stamp = "unreadable"
                    found[entry.name.removesuffix(SUFFIX)] = (entry.path, stamp)
        return found

    def layer_of(self, path: str | os.PathLike[str]) -> str:
        """The name of the layer a role file belongs to."""
        parent = os.path.dirname(os.fspath(path))
        for name, directory in zip(reversed(self.names), reversed(self.dirs), strict=True):
            if str(directory) == parent:
                return name
        return "unknown"

    # -- roles -------------------------------------------------------------------------------
    def get(self, role_id: str) -> Role:
        """The role with exactly this id; :class:`RoleNotFound` if there is none."""
        if role_id in self._roles:
            return self._roles[role_id]
        path = self.path_for(role_id)
        if path is None:
            raise RoleNotFound(role_id, self.suggest(role_id))
        role = self._cache.read(path)
        self._roles[role_id] = role
        return role

    def resolve(self, name: str) -> Role:
        """The role a person means by ``name``: an id, an alias, a name, or an unambiguous part of
        one. Raises :class:`RoleNotFound` (with suggestions) or :class:`AmbiguousRole`."""
        return self.resolve_noted(name)[0]

    def resolve_noted(self, name: str) -> tuple[Role, str | None]:
        """Like :meth:`resolve`, with a note when ``name`` was only part of a role's name
        ("'radiologic' taken as radiologic-technologist"), so a guess is never silent."""
        key = normalize(name)
        if key and self.path_for(key) is not None:
            return self.get(key), None
        role_id, exact = self._lookup(name)
        role = self.get(role_id)
        note = None if exact else (f"{name!r} taken as {role.id} ({role.name}); give the id to "
                                   "be sure")
        return role, note

    def resolve_id(self, name: str) -> str:
        """The id that ``name`` resolves to, using the index only."""
        return self._lookup(name)[0]

    def _lookup(self, name: str) -> tuple[str, bool]:
        """(id, whether ``name`` is exactly an id, alias or name of that role)."""
        key = normalize(name)
        index = self.index()
        if not key:
            raise RoleNotFound(name, [])
        if key in index:
            return key, True
        exact = [e.id for e in index.values() if key in e.aliases or normalize(e.name) == key]
        if len(exact) == 1:
            return exact[0], True
        # Partial names ("radiologic") need a few letters: two ("ma") match too much by chance.
        partial = exact or ([e.id for e in index.values() if _partial_match(key, e)]
                            if len(key) >= MIN_PARTIAL else [])
        if len(partial) == 1:
            return partial[0], False
        if partial:
            raise AmbiguousRole(name, sorted(partial))
        raise RoleNotFound(name, self.suggest(key))

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Ids close to ``name``, best first, ties broken by id so the order is stable."""
        import difflib

        key = normalize(name)
        scores: dict[str, float] = {}
        for entry in self.index().values():
            for candidate in (entry.id, *entry.aliases, normalize(entry.name)):
                score = difflib.SequenceMatcher(None, key, candidate).ratio()
                if score > scores.get(entry.id, 0.0):
                    scores[entry.id] = score
        ranked = sorted((item for item in scores.items() if item[1] >= 0.6),
                        key=lambda item: (-item[1], item[0]))
        return [role_id for role_id, _ in ranked[:limit]]

    def all(self) -> list[Role]:
        """Every role, fully read, sorted by id."""
        return [self.get(role_id) for role_id in sorted(self.index())]

    def entries(self) -> list[Entry]:
        """The index entries of every role, sorted by id."""
        index = self.index()
        return [index[k] for k in sorted(index)]

    # -- index -------------------------------------------------------------------------------
    def index(self) -> dict[str, Entry]:
        """Id -> index entry for every role, from the disk cache when it is current."""
        if self._index is None:
            scanned = self._scan()
            fingerprint = _digest("\n".join(f"{path}\0{stamp}" for path, stamp in
                                             scanned.values()))
            cached = self._read_cache(fingerprint)
            if cached is None:
                cached = self._build_index({k: Path(p) for k, (p, _) in scanned.items()})
                self._write_cache(fingerprint, cached)
            self._index = cached
        return self._index

    def _build_index(self, files: dict[str, Path]) -> dict[str, Entry]:
        index: dict[str, Entry] = {}
        owner: dict[str, str] = {}
        for role_id, path in sorted(files.items()):
            role = self._cache.read(path)
            self._roles[role_id] = role
            index[role_id] = Entry.of(role, str(path))
        for role_id, entry in index.items():
            for alias in entry.aliases:
                clash = alias if alias in index and alias != role_id else owner.get(alias)
                if clash and clash != role_id:
                    raise InvalidRoleFile(entry.path, f"alias {alias!r} is already used by role "
                                                      f"{clash!r}", field="aliases")
                owner[alias] = role_id
            if entry.parent is not None and entry.parent not in index:
                raise InvalidRoleFile(entry.path, f"parent {entry.parent!r} is not a known role",
                                      field="parent")
        return index

    def _cache_file(self) -> Path:
        key = "\0".join(str(d.resolve()) for d in self.dirs)
        return self.cache_dir / f"index-{_digest(key)}.json"

    def _read_cache(self, fingerprint: str) -> dict[str, Entry] | None:
        try:
            with open(self._cache_file(), encoding="utf-8") as handle:
                stored = json.load(handle)
            if stored.get("version") != INDEX_VERSION or stored.get("fingerprint") != fingerprint:
                return None
            return {e["id"]: Entry(**{**e, "aliases": tuple(e["aliases"])})
                    for e in stored["entries"]}
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _write_cache(self, fingerprint: str, index: dict[str, Entry]) -> None:
        target = self._cache_file()
        _write_json(target, {"version": INDEX_VERSION, "fingerprint": fingerprint,
                             "entries": [e._asdict() for e in index.values()]})
        _prune(target, "index-*.json")


def _partial_match(key: str, entry: Entry) -> bool:
    """``key`` names whole words at the start of a word of the id or an alias ("radiologic",
    "lab-tech" does not)."""
    for candidate in (entry.id, *entry.aliases):
        words = candidate.split("-")
        key_words = key.split("-")
        for start in range(len(words) - len(key_words) + 1):
            window = words[start:start + len(key_words)]
            if all(w.startswith(k) for w, k in zip(window, key_words, strict=True)) and \
                    window[:-1] == key_words[:-1]:
                return True
    return False


class Layer(NamedTuple):
    """A directory of role files and where it came from (shown by ``rolecmp list --origin``)."""

    name: str
    path: Path


def layers(data_dirs: Sequence[str | os.PathLike[str]] = ()) -> list[Layer]:
    """The role layers, lowest first: bundled roles, the user's data directory,
    ``$ROLECMP_DATA_DIR`` (``os.pathsep``-separated), then each ``--data-dir``. A later layer
    adds roles or overrides earlier ones by id. A directory may hold role files directly or in a
    ``roles/`` subdirectory."""
    found = [Layer("bundled", bundled_roles_dir()), Layer("user", user_data_dir() / "roles")]
    value = os.environ.get("ROLECMP_DATA_DIR", "")
    found += [Layer("ROLECMP_DATA_DIR", roles_subdir(Path(p))) for p in value.split(os.pathsep)
              if p]
    found += [Layer("--data-dir", roles_subdir(Path(p))) for p in data_dirs]
    return found


def roles_subdir(path: Path) -> Path:
    return path / "roles" if (path / "roles").is_dir() else path


_catalogs: dict[tuple[str, ...], Catalog] = {}


def default_catalog(data_dirs: Sequence[str | os.PathLike[str]] = ()) -> Catalog:
    """The process-wide catalog of every layer (see :func:`layers`), made on first use."""
    key = tuple(os.fspath(d) for d in data_dirs)
    if key not in _catalogs:
        found = layers(data_dirs)
        _catalogs[key] = Catalog([layer.path for layer in found],
                                 names=[layer.name for layer in found])
    return _catalogs[key]


def reset() -> None:
    """Forget the process-wide catalogs (tests use this)."""
    _catalogs.clear()
