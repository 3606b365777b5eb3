"""Errors the library raises; the CLI turns each into one line on stderr and its exit code."""

from __future__ import annotations

from collections.abc import Sequence

#: Exit status for a usage error (unknown role, bad option value).
USAGE = 2
#: Exit status for a bad data file.
DATA = 1


class RolecmpError(Exception):
    """Base class: ``str(err)`` is the one line shown to the user."""

    exit_code = USAGE


class RoleNotFound(RolecmpError, LookupError):
    """No role has this id, alias or name."""

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        message = f"unknown role {name!r}"
        if self.suggestions:
            message += f"; did you mean {_or_list(self.suggestions)}?"
        else:
            message += "; see 'rolecmp list' for the known roles"
        super().__init__(message)


class AmbiguousRole(RolecmpError, LookupError):
    """A name matches more than one role."""

    #: Most candidates the message names; the rest are counted.
    LISTED = 10

    def __init__(self, name: str, candidates: Sequence[str]) -> None:
        self.name = name
        self.candidates = list(candidates)
        shown = self.candidates[:self.LISTED]
        more = len(self.candidates) - len(shown)
        listed = _or_list(shown) if not more else ", ".join(shown) + f" or {more} more"
        super().__init__(f"{name!r} could mean {listed}; name one of them")


class InvalidRoleFile(RolecmpError):
    """A role file cannot be read or does not follow the schema."""

    exit_code = DATA

    def __init__(
        self, path: str, message: str, line: int | None = None, column: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.field = field
        self.message = message
        super().__init__(self.location() + ": " + (f"{field}: " if field else "") + message)

    def location(self) -> str:
        """``file:line:column`` as far as it is known."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where


class OutputFailed(RolecmpError):
    """The output cannot be written: standard output is closed, or the disk is full."""

    exit_code = DATA


def _or_list(items: Sequence[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " or " + items[-1]
