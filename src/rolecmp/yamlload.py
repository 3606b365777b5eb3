"""Read a YAML file safely, keeping where each value stands in the file.

PyYAML's loaders silently keep the last of duplicate keys and expand aliases without limit. Here a
file is composed into nodes (with the C parser when PyYAML has it), then turned into plain Python
values by our own walk, which rejects duplicate keys, counts expanded nodes and bounds nesting.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from rolecmp.errors import InvalidRoleFile
from rolecmp.schema import Path_, dotted

#: Role files are small; anything larger is refused before parsing.
MAX_BYTES = 256 * 1024
#: Nodes visited after alias expansion; stops "billion laughs" files.
MAX_NODES = 20_000
MAX_DEPTH = 40
#: Whole numbers are plain decimal digits, at most this many: YAML 1.1 (PyYAML) and YAML 1.2
#: readers disagree on 012, 0x1F, 0b1, 1_000 and 1:30 (sexagesimal), and a huge number is no fact.
MAX_DIGITS = 9
_INT_TAG = "tag:yaml.org,2002:int"
# The tags PyYAML's resolver gives plain YAML; anything else (!!python/..., custom !tags)
# is refused rather than ignored.
_PLAIN_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in
                        ("str", "int", "float", "bool", "null", "seq", "map", "timestamp",
                         "merge"))


@dataclass
class Loaded:
    """A parsed file: its data and the (line, column) of every value, both 1-based."""

    path: str
    data: Any
    positions: dict[Path_, tuple[int, int]]

    def position(self, path: Path_) -> tuple[int, int]:
        """Where ``path`` is, or its nearest present ancestor (for missing fields)."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def error(self, path: Path_, message: str) -> InvalidRoleFile:
        line, column = self.position(path)
        return InvalidRoleFile(self.path, message, line, column, dotted(path) or None)


def read_bytes(path: str) -> bytes:
    """The file's bytes, refusing oversize, unreadable and non-regular files (a named pipe or a
    device would block or act) with a clear error."""
    from rolecmp.files import NotRegularFile, read_regular

    try:
        raw = read_regular(path, MAX_BYTES)
    except NotRegularFile as exc:
        raise InvalidRoleFile(path, f"{exc.strerror}, not a role file") from None
    except OSError as exc:
        raise InvalidRoleFile(path, f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise InvalidRoleFile(path, f"is larger than {MAX_BYTES // 1024} KiB; not a role file")
    return raw


def read_text(path: str) -> str:
    """The file's text, refusing what :func:`read_bytes` refuses and non-UTF-8 files."""
    raw = read_bytes(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InvalidRoleFile(path, "is not valid UTF-8 text", line) from None


def load(path: str | os.PathLike[str]) -> Loaded:
    """Parse the YAML file at ``path`` into plain data with positions."""
    import yaml

    name = os.fspath(path)
    text = read_text(name)
    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader_cls)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        raise InvalidRoleFile(name, f"is not valid YAML: {exc.problem or exc}", line, column) \
            from None
    except yaml.YAMLError as exc:
        raise InvalidRoleFile(name, f"is not valid YAML: {exc}") from None
    if node is None:
        raise InvalidRoleFile(name, "is empty; a role file is a mapping of fields", 1, 1)
    loaded = Loaded(name, None, {})
    walker = _Walker(loaded, yaml.constructor.SafeConstructor())
    loaded.data = walker.value(node, (), 0)
    return loaded


class _Walker:
    def __init__(self, loaded: Loaded, constructor: Any) -> None:
        self.loaded = loaded
        self.constructor = constructor
        self.count = 0

    def value(self, node: Any, path: Path_, depth: int) -> Any:
        import yaml

        self.count += 1
        if self.count > MAX_NODES:
            raise self._fail(node, path, f"expands to more than {MAX_NODES} values "
                                         "(aliases nested too deeply?)")
        if depth > MAX_DEPTH:
            raise self._fail(node, path, f"is nested more than {MAX_DEPTH} levels deep")
        self.loaded.positions.setdefault(path, (node.start_mark.line + 1,
                                                node.start_mark.column + 1))
        if node.tag not in _PLAIN_TAGS:
            raise self._fail(node, path, f"uses the tag {node.tag!r}; role files hold plain "
                                         "text, numbers, lists and mappings only")
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self._fail(key_node, path, "has a key that is not plain text")
                key = str(key_node.value)
                if key == "<<" and key_node.tag.endswith(":merge"):
                    raise self._fail(key_node, path, "uses a merge key (<<), which role files "
                                                     "do not support")
                if key in out:
                    line = key_node.start_mark.line + 1
                    first = self.loaded.positions.get((*path, key), (0, 0))[0]
                    raise InvalidRoleFile(self.loaded.path,
                                          f"duplicate key (first on line {first})", line,
                                          key_node.start_mark.column + 1, dotted((*path, key)))
                self.loaded.positions[(*path, key)] = (key_node.start_mark.line + 1,
                                                       key_node.start_mark.column + 1)
                out[key] = self.value(value_node, (*path, key), depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        if node.tag == _INT_TAG:
            self._check_integer(node, path)
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            raise self._fail(node, path, f"has a value that cannot be read: {exc}") from None

    def _check_integer(self, node: Any, path: Path_) -> None:
        import re

        text = str(node.value)
        digits = text.lstrip("+-")
        if not re.fullmatch(r"-?(0|[1-9][0-9]*)", text, re.ASCII):
            raise self._fail(node, path, f"has the number {text!r}; write whole numbers as plain "
                                         "decimal digits (YAML readers differ on 012, 0x1F, "
                                         "1_000 and 1:30), or quote text")
        if len(digits) > MAX_DIGITS:
            raise self._fail(node, path, f"has a number of {len(digits)} digits; at most "
                                         f"{MAX_DIGITS}")

    def _fail(self, node: Any, path: Path_, message: str) -> InvalidRoleFile:
        return InvalidRoleFile(self.loaded.path, message, node.start_mark.line + 1,
                               node.start_mark.column + 1, dotted(path) or None)
