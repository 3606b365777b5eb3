"""Find, read and validate role files; resolve ids, aliases and names to roles.

Lazy by design: a role named by its id is read straight from ``<dir>/<id>.yaml`` and nothing else is
parsed. Aliases, names and ``list`` need the catalog index (id, name, aliases and the few fields a
listing shows, for every role); it is built once from all files and kept in the user's cache
directory, keyed by every file's name, size and modification time, so an edit rebuilds it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from rolecmp.cache import (  # noqa: F401  (names importable from catalog, as before)
    INDEX_VERSION,
    PRUNE_AFTER_SECONDS,
    IndexCache,
    RoleCache,
    _digest,
    _prune,
    _write_json,
    default_cache_dir,
    file_stamp,
)
from rolecmp.dataset import Occupation
from rolecmp.dirs import user_data_dir
from rolecmp.errors import AmbiguousRole, InvalidRoleFile, RolecmpError, RoleNotFound, _or_list
from rolecmp.model import Role
from rolecmp.names import normalize as _normalize
from rolecmp.records import NamedTuple
from rolecmp.rules import ID_PATTERN, MUST_BE_SOURCED

SUFFIX = ".yaml"
_ID_RE = re.compile(ID_PATTERN)
#: Compiled by re on first use (its cache), not at import: most runs never need them.
_ONET_CODE = r"^[0-9]{2}-[0-9]{4}\.[0-9]{2}\Z"
MIN_PARTIAL = 3
#: A one-word alias at least this long that other roles' ids share is named as a choice.
MIN_WORD = 5
#: rapidfuzz's WRatio at or above which a name is suggested: "midwife" -> nurse-midwives (77),
#: "truck driver" -> heavy-and-tractor-trailer-truck-drivers (90), but not "call center" ->
#: carpenters (67).
SUGGEST_CUTOFF = 75
#: Suggestions within this many points of the best one are listed.
SUGGEST_SPREAD = 8
#: How many other roles a "taken as" note names.
NOTE_LISTS = 4


def bundled_roles_dir() -> Path:
    """The role files shipped with rolecmp: inside the package when installed from a wheel, else
    the top-level ``data/`` of a source checkout (editable install)."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "roles"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "data" / "roles"


def normalize(name: str) -> str:
    """The lookup key of a name (see :func:`rolecmp.names.normalize`)."""
    return _normalize(name)


_BODY_SUFFIX = r"\(([A-Za-z][A-Za-z ]*)\)\s*$"


def credential_keys(abbreviation: str) -> list[str]:
    """The lookup keys of a credential abbreviation: as written, and without the issuing body
    it ends with ("R.T.(R)(ARRT)" -> r.t.-r-arrt and r.t.-r; "MLT(ASCP)" -> mlt-ascp and mlt).
    Several credentials in one ("RCIS / RCS / RVS") give a key each."""
    keys = []
    for part in re.split(r"\s*/\s*|,\s*", abbreviation):
        if not part.strip():
            continue
        keys.append(normalize(part))
        bare = re.sub(_BODY_SUFFIX, "", part)
        if bare != part and normalize(bare):
            keys.append(normalize(bare))
    return [k for k in keys if k]


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
    tier: str = "curated"
    credentials: tuple[str, ...] = ()  # lookup keys of the role's credential abbreviations
    credential_levels: tuple[str, ...] = ()  # the role file's education.credential_levels

    @classmethod
    def of(cls, role: Role, path: str, tier: str = "curated") -> Entry:
        creds = role.certification.credentials if role.certification else ()
        return cls(role.id, role.name, role.aliases, role.kind, role.family or "", role.parent,
                   role.soc_code, role.summary or "", role.less_common,
                   role.patient_contact.level if role.patient_contact else "",
                   role.onet_code, role.soc_note is not None, path, tier,
                   tuple(sorted({k for c in creds for k in credential_keys(c.abbreviation)})),
                   role.education.credential_levels if role.education else ())

    @classmethod
    def of_occupation(cls, occupation: Occupation) -> Entry:
        """The index entry of a dataset-tier occupation."""
        return cls(occupation.id, occupation.title, (), "role", "", None, occupation.soc_code,
                   "", False, "", occupation.onet_code, False, "dataset", "dataset")

    @property
    def covers(self) -> str | None:
        """The SOC occupation this curated role stands for in full (its SOC code when BLS
        publishes the role under a code of its own, not a broader group)."""
        return self.soc_code if self.tier != "dataset" and not self.soc_group else None

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
        self.cache_dir: Path | None = (Path(cache_dir) if cache_dir is not None
                                       else default_cache_dir())
        self._roles: dict[str, Role] = {}
        self._index: dict[str, Entry] | None = None
        self._covers: tuple[dict[str, Entry], dict[str, list[str]]] | None = None
        self._cache = RoleCache(self.cache_dir)
        #: "file:line: problem" of each file of a user's layer left out of the index.
        self.skipped: list[str] = []

    # -- files -------------------------------------------------------------------------------
    def path_for(self, role_id: str) -> Path | None:
        """The file that defines ``role_id`` (the last directory wins), or None."""
        if not _ID_RE.match(role_id):
            return None
        for directory in reversed(self.dirs):
            candidate = directory / (role_id + SUFFIX)
            # Any entry of that name: a broken link, a pipe or a folder is the user's file for
            # this id all the same, and reading it says what is wrong (exit 1), not "unknown".
            if os.path.lexists(candidate):
                return candidate
        return None

    def files(self) -> dict[str, Path]:
        """Every role file by id, later directories overriding earlier ones."""
        return {role_id: Path(path) for role_id, (path, _) in self._scan().items()}

    def _scan(self) -> dict[str, tuple[str, str]]:
        """Id -> (path, stamp) of every role file; the stamp (a checksum of the file's bytes)
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
                    stamp = file_stamp(entry.path)  # by content: size and time can stay
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
    def tier_of(self, path: str | os.PathLike[str]) -> str:
        """"curated" for a bundled role file, "user" for one of the user's own layers."""
        return "curated" if self.layer_of(path) in ("bundled", str(self.dirs[0])) else "user"

    def get(self, role_id: str) -> Role:
        """The role with exactly this id (a role file's, else a dataset occupation's);
        :class:`RoleNotFound` if there is none."""
        if role_id in self._roles:
            return self._roles[role_id]
        path = self.path_for(role_id)
        if path is None:
            from rolecmp import dataset

            occupation = dataset.occupation_by_id(role_id)
            if occupation is None:
                raise RoleNotFound(role_id, self.suggest(role_id))
            role = dataset.role(occupation)
        else:
            role = self._cache.read(path)
            tier = self.tier_of(path)
            if tier != role.tier:
                role = role._replace(tier=tier)
        self._roles[role_id] = role
        return role

    def resolve(self, name: str) -> Role:
        """The role a person means by ``name``: an id, an alias, a name, a credential, a SOC or
        O*NET-SOC code, a title from the datasets, or an unambiguous part of an id. Raises
        :class:`RoleNotFound` (with suggestions) or :class:`AmbiguousRole`."""
        return self.resolve_noted(name)[0]

    def resolve_noted(self, name: str) -> tuple[Role, str | None]:
        """Like :meth:`resolve`, with a note when ``name`` was only part of a role's id
        ("'radiologic' taken as radiologic-technologist"), so a guess is never silent."""
        key = normalize(name)
        if key and self.path_for(key) is not None:
            return self.get(key), None
        role_id, exact, others = self._lookup(name)
        role = self.get(role_id)
        note = None
        if others:
            shown = others[:NOTE_LISTS]
            rest = len(others) - len(shown)
            note = (f"{name!r} taken as {role.id} ({role.name}); it could also mean "
                    + (_or_list(shown) if not rest else
                       f"{', '.join(shown)} or {rest} more (rolecmp search {name})"))
        elif not exact:
            note = f"{name!r} taken as {role.id} ({role.name}); give the id to be sure"
        return role, note

    def resolve_id(self, name: str) -> str:
        """The id that ``name`` resolves to, without reading any role file."""
        return self._lookup(name)[0]

    def _lookup(self, name: str) -> tuple[str, bool, list[str]]:
        """(id, whether ``name`` exactly names that role). The order, first match wins:
        1. a role file's id;
        2. an alias, name or credential abbreviation in a role file (one shared by several role
           files is ambiguous: "rt");
        2b. a dataset occupation's id (which gives way to the curated role that stands for the
           whole occupation), a SOC code or an O*NET-SOC code;
        3. a title in the datasets (SOC, O*NET, alternate and reported titles: "RN",
           "scrub tech", "cashier");
        4. whole words at the start of the words of an id or alias ("radiologic").
        Several candidates at a step are an :class:`AmbiguousRole` listing them, except that
        at step 3 the occupation whose own SOC or O*NET title the name is ("cashier":
        Cashiers) is taken, and the others are returned so the choice can be stated.
        Returns (id, whether the name is exact, the other candidates set aside)."""
        key = normalize(name)
        if not key:
            raise RoleNotFound(name, [])
        index = self.index()
        if key in index:
            return key, True, []
        # Role files that have the name's words in their ids or aliases: a one-word alias
        # ("assistant") or a dataset title ("nurse") may mean one of them too.
        partial = [e.id for e in index.values()
                   if len(key) >= MIN_PARTIAL and _partial_match(key, e)]
        curated = [e.id for e in index.values()
                   if key in e.aliases or key in e.credentials or normalize(e.name) == key]
        if curated:
            chosen = self._one(name, curated)
            # Only a word ("assistant"), not an abbreviation ("cma"), is worth the note.
            return chosen, True, [p for p in partial if p != chosen and len(key) >= MIN_WORD
                                  and index[p].parent != chosen]
        # The dataset is read only for names the role files do not know.
        from rolecmp import dataset

        occupation = dataset.occupation_by_id(key) or dataset.occupation(key.upper())
        if occupation is None and re.match(_ONET_CODE, key, re.ASCII):
            occupation = dataset.occupation_of_onet(key)
            if occupation is not None:
                return self._one(name, self._for_code(key, occupation.soc_code)), True, []
        if occupation is not None:
            return self._one(name, self._for_code(None, occupation.soc_code)), True, []
        titled, own = self._titled(key)
        if len(titled) > 1 and len(own) == 1:
            return own[0], True, [t for t in titled if t != own[0]]
        if len(titled) == 1 and own == titled:
            return titled[0], True, []
        if titled:
            # An alternate title ("nurse", "technologist") that role files also use is
            # ambiguous: list them all rather than pick the one occupation O*NET gives it to.
            return self._one(name, [*titled, *partial]), True, []
        # Partial names ("radiologic") need a few letters: two ("ma") match too much by chance.
        if len(key) >= MIN_PARTIAL:
            covered = {e.covers for e in index.values() if e.covers}
            partial += [oid for oid, soc in dataset.ids().items()
                        if soc not in covered and _partial_words(key, oid)]
        if partial:
            return self._one(name, partial), False, []
        raise RoleNotFound(name, self.suggest(key))

    def _one(self, name: str, candidates: list[str]) -> str:
        """The one role among ``candidates``, or :class:`AmbiguousRole`. An umbrella role gives
        way to its own specialty when both are candidates."""
        unique = list(dict.fromkeys(candidates))
        if len(unique) > 1:
            index = self.index()
            parents = {index[c].parent for c in unique if c in index}
            unique = [c for c in unique if c not in parents]
        if len(unique) == 1:
            return unique[0]
        index = self.index()
        # Role files first (they are what most people mean), then dataset occupations.
        raise AmbiguousRole(name, sorted(unique, key=lambda c: (c not in index, c)))

    def _covering(self) -> dict[str, list[str]]:
        """SOC code -> the curated roles that stand for that whole occupation: those BLS
        publishes under a code of their own, and those whose role file names the occupation's
        own O*NET-SOC profile (a sterile processing technician is 31-9093.00, Medical Equipment
        Preparers, though its file notes the wider title). A role that is one part of a BLS
        group (EEG technologists in 29-2099) leaves the group listed on its own. Worked out
        once per index: resolving one name may ask for it a dozen times."""
        from rolecmp import dataset

        index = self.index()
        if self._covers is not None and self._covers[0] is index:
            return self._covers[1]
        found: dict[str, list[str]] = {}
        for entry in index.values():
            code = entry.covers
            if code is None and entry.soc_code and entry.tier != "dataset":
                occupation = dataset.occupation(entry.soc_code)
                if occupation is not None and entry.onet_code and \
                        entry.onet_code == occupation.onet_code:
                    code = entry.soc_code
            if code:
                found.setdefault(code, []).append(entry.id)
        self._covers = (index, found)
        return found

    def _for_code(self, onet_code: str | None, soc_code: str) -> list[str]:
        """The roles an O*NET-SOC or SOC code names: the role files that give that O*NET-SOC
        code, else those that stand for the SOC occupation, else the dataset occupation."""
        from rolecmp import dataset

        if onet_code:
            exact = [e.id for e in self.index().values() if e.onet_code == onet_code]
            if exact:
                return exact
        covering = self._covering().get(soc_code)
        if covering:
            return covering
        occupation = dataset.occupation(soc_code)
        return [occupation.id] if occupation else []

    def _titled(self, key: str) -> tuple[list[str], list[str]]:
        """The roles whose dataset titles have exactly this key, and among them those whose own
        SOC or O*NET title it is, give or take a plural ("cashier": Cashiers)."""
        from rolecmp import dataset

        found: list[str] = []
        own: list[str] = []
        plurals = {key, key + "s", key + "es", key.removesuffix("s")}
        for variant in sorted(plurals):
            for title in dataset.titles(variant):
                if variant != key and title.kind not in ("soc", "onet"):
                    continue
                if title.kind == "soc":
                    ids = self._for_code(None, title.code)
                else:
                    occupation = dataset.occupation_of_onet(title.code)
                    ids = self._for_code(title.code, occupation.soc_code) if occupation else []
                found += ids
                if title.kind in ("soc", "onet"):
                    own += ids
        return list(dict.fromkeys(found)), list(dict.fromkeys(own))

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Ids close to ``name``, best first, ties broken by id so the order is stable. Bounded
        time for any input: the name is cut to 60 characters and rapidfuzz compares it with every
        id, alias and name of a role file and every dataset occupation's id."""
        from rapidfuzz import fuzz, process

        from rolecmp import dataset

        key = normalize(name[:200])[:60]
        if len(key) < MIN_PARTIAL:  # one or two letters are close to everything
            return []
        choices: dict[str, str] = {}
        for entry in self.index().values():
            for candidate in (entry.id, *entry.aliases, normalize(entry.name)):
                # a short abbreviation ("ot") partially matches almost anything
                if len(candidate) >= 4:
                    choices.setdefault(candidate, entry.id)
        for occupation_id in dataset.ids():
            choices.setdefault(occupation_id, occupation_id)
        scored: dict[str, float] = {}
        for candidate, score, _ in process.extract(key, list(choices), scorer=fuzz.WRatio,
                                                    limit=limit * 4,
                                                    score_cutoff=SUGGEST_CUTOFF):
            role_id = choices[candidate]
            scored[role_id] = max(score, scored.get(role_id, 0.0))
        ranked = sorted(scored.items(), key=lambda item: (-item[1], item[0]))
        # Only names about as close as the closest: a near-miss spelling is not padded out
        # with weak partial matches.
        best = ranked[0][1] if ranked else 0.0
        return [role_id for role_id, score in ranked[:limit] if score >= best - SUGGEST_SPREAD]

    def all(self, tiers: str = "curated") -> list[Role]:
        """Every role, fully read, sorted by id: the role files' (``tiers`` "curated"), or also
        every dataset occupation that no role file stands for in full (``tiers`` "all")."""
        return [self.get(entry.id) for entry in self.entries(tiers)]

    def entries(self, tiers: str = "curated") -> list[Entry]:
        """The index entries of every role file, sorted by id; with ``tiers`` "all", also every
        dataset occupation that no role file stands for in full."""
        index = self.index()
        found = [index[k] for k in sorted(index)]
        if tiers == "all":
            from rolecmp import dataset

            covered = self._covering()
            found += [Entry.of_occupation(o) for o in dataset.occupations().values()
                      if o.soc_code not in covered and o.id not in index]
            found.sort(key=lambda e: e.id)
        return found

    def dataset_count(self) -> int:
        """How many dataset occupations ``entries("all")`` adds to the role files' entries,
        counted without decoding them (a listing's last line says it)."""
        from rolecmp import dataset

        index = self.index()
        covered = self._covering()
        return sum(1 for occupation_id, soc in dataset.ids().items()
                   if soc not in covered and occupation_id not in index)

    # -- index -------------------------------------------------------------------------------
    def index(self) -> dict[str, Entry]:
        """Id -> index entry for every role, from the disk cache when it is current."""
        if self._index is None:
            scanned = self._scan()
            fingerprint = _digest("\n".join(f"{path}\0{stamp}" for path, stamp in
                                             scanned.values()))
            cached = self._read_cache(fingerprint)
            if cached is None:
                self.skipped = []
                cached = self._build_index({k: Path(p) for k, (p, _) in scanned.items()})
                self._write_cache(fingerprint, cached)
            self._index = cached
            for problem in self.skipped:
                _warn_skipped(problem)
        return self._index

    def _build_index(self, files: dict[str, Path]) -> dict[str, Entry]:
        index: dict[str, Entry] = {}
        left_out: set[str] = set()
        for role_id, path in sorted(files.items()):
            try:
                role = self._cache.read(path)
            except InvalidRoleFile as problem:
                self._skip(path, problem)
                left_out.add(role_id)
                continue
            tier = self.tier_of(path)
            self._roles[role_id] = role._replace(tier=tier)
            index[role_id] = Entry.of(role, str(path), tier)
        # A file of a user's layer that breaks a rule across files is left out like a broken
        # one; leaving it out may orphan another, so check again until nothing changes.
        changed = True
        while changed:
            changed = False
            for role_id, entry in list(index.items()):
                try:
                    self._check_links(role_id, entry, index)
                except InvalidRoleFile as problem:
                    # A bundled role under a parent whose user file is broken goes too: the
                    # user's file, not rolecmp's data, is what is wrong.
                    self._skip(Path(entry.path), problem, entry.parent in left_out)
                    left_out.add(role_id)
                    del index[role_id]
                    self._roles.pop(role_id, None)
                    changed = True
        return index

    @staticmethod
    def _check_links(role_id: str, entry: Entry, index: dict[str, Entry]) -> None:
        # An alias several role files share is a name that honestly means several roles
        # ("rt"): resolving it lists them. An alias may never be another role's id.
        for alias in entry.aliases:
            if alias in index and alias != role_id:
                raise InvalidRoleFile(entry.path, f"alias {alias!r} is the id of role "
                                                  f"{alias!r}", field="aliases")
        if entry.parent is not None and entry.parent not in index:
            raise InvalidRoleFile(entry.path, f"parent {entry.parent!r} is not a known role",
                                  field="parent")

    def _skip(self, path: Path, problem: InvalidRoleFile, users_fault: bool = False) -> None:
        """Leave a broken file of a user's layer out of the index, to be warned about; a broken
        bundled file is an error in rolecmp's own data, so it stays fatal."""
        if self.tier_of(path) == "curated" and not users_fault:
            raise problem
        self.skipped.append(str(problem))

    def _read_cache(self, fingerprint: str) -> dict[str, Entry] | None:
        stored = IndexCache(self.cache_dir, self.dirs).read(fingerprint, Entry)
        if stored is None:
            return None
        entries, self.skipped = stored
        return {e.id: e for e in entries}

    def _write_cache(self, fingerprint: str, index: dict[str, Entry]) -> None:
        IndexCache(self.cache_dir, self.dirs).write(fingerprint, list(index.values()),
                                                    self.skipped)


def _partial_words(key: str, candidate: str) -> bool:
    """Whether the words of ``key`` start consecutive words of ``candidate``, all but the last
    whole ("radiologic", "software-dev")."""
    if key not in candidate:  # such words, joined, are part of the candidate: a quick no
        return False
    words = candidate.split("-")
    key_words = key.split("-")
    for start in range(len(words) - len(key_words) + 1):
        window = words[start:start + len(key_words)]
        if all(w.startswith(k) for w, k in zip(window, key_words, strict=True)) and \
                window[:-1] == key_words[:-1]:
            return True
    return False


def _partial_match(key: str, entry: Entry) -> bool:
    """``key`` names whole words at the start of a word of the id or an alias ("radiologic",
    "lab-tech" does not)."""
    return any(_partial_words(key, candidate) for candidate in (entry.id, *entry.aliases))


class Layer(NamedTuple):
    """A directory of role files and where it came from (shown by ``rolecmp list --origin``)."""

    name: str
    path: Path


def layers(data_dirs: Sequence[str | os.PathLike[str]] = ()) -> list[Layer]:
    """The role layers, lowest first: bundled roles, the user's data directory,
    ``$ROLECMP_DATA_DIR`` (``os.pathsep``-separated), then each ``--data-dir``. A later layer
    adds roles or overrides earlier ones by id. A directory may hold role files directly or in a
    ``roles/`` subdirectory."""
    found = [Layer("bundled", bundled_roles_dir())]
    user = user_data_dir()  # None without a home folder: then there is no user layer
    if user is not None:
        found.append(Layer("user", user / "roles"))
    value = os.environ.get("ROLECMP_DATA_DIR", "")
    named = [("ROLECMP_DATA_DIR", p) for p in value.split(os.pathsep) if p]
    named += [("--data-dir", os.fspath(p)) for p in data_dirs]
    for source, folder in named:
        # However a data folder is named, one that is not there is the same clear error.
        if not Path(folder).is_dir():
            raise MissingDataFolder(f"data folder {folder!r} (from {source}) is not a folder")
        found.append(Layer(source, roles_subdir(Path(folder))))
    return found


class MissingDataFolder(RolecmpError):
    """A data folder named by ``--data-dir`` or ``$ROLECMP_DATA_DIR`` that does not exist."""


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
    _warned.clear()


_warned: set[str] = set()


def _warn_skipped(problem: str) -> None:
    """Say once per run, on stderr, that a broken file of a user's layer is left out."""
    if problem in _warned:
        return
    _warned.add(problem)
    from rolecmp.render.printable import printable

    sys.stderr.write(f"rolecmp: warning: {printable(problem, newlines=False)}; skipped\n")
