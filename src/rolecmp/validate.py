"""Check role files and report every problem at once, and scaffold new ones.

``validate_paths`` checks each file against the schema (:mod:`rolecmp.schema`), then the files
against each other and the catalog: duplicate ids, aliases used twice, parents and links that
name no role. ``new_role_file`` writes a commented template without ever overwriting a file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rolecmp.catalog import SUFFIX, Catalog, checked_data, roles_subdir
from rolecmp.errors import InvalidRoleFile, RolecmpError
from rolecmp.model import Role
from rolecmp.rules import ID_PATTERN

if TYPE_CHECKING:
    from rolecmp.render.base import Renderer, T


@dataclass(frozen=True)
class Report:
    """The files checked and every problem found in them."""

    files: tuple[str, ...]
    problems: tuple[InvalidRoleFile, ...]

    def render_with(self, renderer: Renderer[T]) -> T:
        """Hand this result to ``renderer``'s method for it."""
        return renderer.report(self)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": list(self.files), "ok": self.ok,
            "problems": [{"file": p.path, "line": p.line, "column": p.column, "field": p.field,
                          "message": p.message} for p in self.problems],
        }


def _expand(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Path], list[InvalidRoleFile]]:
    files: list[Path] = []
    problems: list[InvalidRoleFile] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            directory = roles_subdir(path)
            files += sorted(p for p in directory.iterdir()
                            if p.name.endswith(SUFFIX) and not p.name.startswith("."))
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            problems.append(InvalidRoleFile(str(path), "no such file or directory"))
    return files, problems


def validate_paths(paths: Sequence[str | os.PathLike[str]], catalog: Catalog) -> Report:
    """Check the role files at ``paths`` (files or directories; all of ``catalog``'s files
    when empty) on their own, against each other and against the rest of the catalog."""
    if paths:
        files, problems = _expand(paths)
    else:
        files, problems = list(catalog.files().values()), []
    roles: dict[Path, Role] = {}
    for path in files:
        data = checked_data(str(path), strict=True)
        if isinstance(data, list):
            problems += data
        else:
            roles[path] = Role.from_data(data, origin=str(path))
    problems += _cross_check(roles, catalog)
    if not paths:  # everything rolecmp reads: the state licensure data too
        licensure_files, licensure_problems = check_licensure()
        files += licensure_files
        problems += licensure_problems
    return Report(tuple(str(f) for f in files), tuple(problems))


def check_licensure() -> tuple[list[Path], list[InvalidRoleFile]]:
    """The bundled state-licensure files and every problem the licensure rule finds in them
    (every state, DC and Puerto Rico present; every status but unknown sourced)."""
    from rolecmp import licensure, yamlload

    files = sorted(licensure.licensure_dir().glob("*.yaml"))
    problems: list[InvalidRoleFile] = []
    for path in files:
        try:
            data = yamlload.load(str(path)).data
        except InvalidRoleFile as exc:
            problems.append(exc)
            continue
        problems += licensure.check(data, str(path))
    return files, problems


def _cross_check(roles: dict[Path, Role], catalog: Catalog) -> list[InvalidRoleFile]:
    problems: list[InvalidRoleFile] = []
    by_id: dict[str, Path] = {}
    for path, role in roles.items():
        if role.id in by_id:
            problems.append(InvalidRoleFile(str(path), f"duplicate id {role.id!r}, also in "
                                                       f"{by_id[role.id]}", field="id"))
        by_id.setdefault(role.id, path)
    # The ids of the rest of the catalog, except roles these files override. An alias several
    # roles share is allowed (it honestly means several roles, as the catalog resolves it); an
    # alias that is another role's id is not.
    try:
        entries = catalog.entries()
    except InvalidRoleFile:
        entries = []  # the catalog's own problems are reported when its files are checked
    known = {entry.id for entry in entries if entry.id not in by_id} | set(by_id)
    for path, role in roles.items():
        for alias in role.aliases:
            if alias in known and alias != role.id:
                problems.append(InvalidRoleFile(str(path), f"alias {alias!r} is the id of role "
                                                           f"{alias!r}", field="aliases"))
        links = [("parent", role.parent)] + [("next_steps", s.role) for s in role.next_steps]
        if role.counterpart:
            links.append(("counterpart.role", role.counterpart.role))
        for field, target in links:
            if target is not None and target not in known:
                problems.append(InvalidRoleFile(str(path), f"{target!r} is not a known role",
                                                field=field))
    return problems


class FileExists(RolecmpError):
    """``rolecmp new`` never overwrites a file."""


def template(role_id: str) -> str:
    """A commented role file for ``role_id``: every field, with TODO where facts go."""
    return TEMPLATE.format(id=role_id)


def new_role_file(role_id: str, directory: Path) -> Path:
    """Write the template for ``role_id`` to ``directory/<id>.yaml`` atomically, refusing to
    replace an existing file. The file gets the mode a shell redirect would give (the umask)."""
    import re

    from rolecmp.files import OutputExists, create_new

    if not re.match(ID_PATTERN, role_id):
        raise RolecmpError(f"{role_id!r} is not a valid role id: use lowercase words joined "
                           "by '-', at most 120 characters, e.g. clinic-scribe")
    target = directory / f"{role_id}{SUFFIX}"
    if os.path.lexists(target):
        raise FileExists(f"{target} already exists; rolecmp new never overwrites a file")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RolecmpError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        create_new(target, template(role_id))
    except OutputExists:
        raise FileExists(f"{target} already exists; rolecmp new never overwrites a file") \
            from None
    return target


TEMPLATE = """\
# A rolecmp role file. Fill in every TODO, then check it:  rolecmp validate {id}.yaml
# Every field is described in the JSON Schema printed by:   rolecmp schema
# Write descriptions in your own words. Wages and outlook are not written here: rolecmp takes
# them from the bundled BLS releases by soc_code.

id: {id}                     # must equal the file name
name: TODO name as people say it
aliases: []                  # other names that resolve to this role, e.g. [scribe, med-scribe]
kind: role                   # role | specialty
family: assistant            # assistant | aide | technician | technologist | therapist | nurse |
                             # practitioner | specialist | umbrella
parent: null                 # for a specialty: the id of its umbrella role
soc_code: null               # the BLS SOC code, e.g. "31-9092", or null if BLS has none
# soc_note: how BLS counts the role when soc_code is a broader group
summary: >-
  TODO one to three sentences: what the role is and does.
education:
  path: >-
    TODO the usual route in, in words.
  credential_levels: [certificate]   # high-school | certificate | associate | bachelor |
                                     # master | doctorate
  program_months: {{min: null, max: null}}   # typical program length; null if no source says
scope:
  breadth: specialized       # broad | specialized
  duties:
    clinical: []
    administrative: []
    technical:
      - TODO one short line per duty
workplaces:
  - TODO where the role usually works
certification:
  status: optional           # optional | preferred | often required | required
  credentials: []            # each: {{abbreviation: ..., name: ..., body: ..., source: https://...}}
licensure: >-
  TODO how licensure varies by state, one line.
patient_contact:
  level: moderate            # low | moderate | high
  why: TODO one line of reasoning
qualities:
  - TODO a quality the work needs
# next_steps: [{{role: other-role-id, how: what the move takes}}]
sources:
  - title: TODO the page's title
    url: https://TODO.invalid/
    type: primary            # primary (certifying body, government) | secondary
    supports: [education, workplaces, certification, licensure]
"""
