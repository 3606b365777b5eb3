"""The console script's entry point: plain ``compare``, ``show`` and ``list`` runs skip Typer.

Importing Typer and Click and building the command group costs about as much as importing Rich
and printing a table (benchmarks/README.md has the figures), and these three commands are the
ones people run all day. So when the arguments are of the plain forms below, they are parsed
here and handed to the same functions the Typer commands call (:mod:`rolecmp.commands`);
everything else - help, completion, global options, any unusual or wrong argument - goes to the
Typer app, which stays the definition of the interface. tests/test_fastpath.py checks that both
ways give the same output, errors and exit status.

Handled: ``compare ROLE ROLE... [--only X] [--state X] [--format X] [--output X] [--force]``,
``show ROLE [--state X] [--format X] [--output X] [--force]`` and
``list [roles|specialties] [--family X]... [--education X]... [--contact X]... [--sort X]
[--origin] [--format X] [--output X] [--force]``, with ``-s``/``-f``/``-o`` and ``--opt=value``.
Set ``ROLECMP_NO_FAST_PATH=1`` to send everything through Typer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

FORMATS = ("table", "json", "csv", "markdown", "html")
COMMON = {"--format": "format", "-f": "format", "--output": "output", "-o": "output"}
VALUED = {
    "compare": {**COMMON, "--only": "only", "--state": "state", "-s": "state"},
    "show": {**COMMON, "--state": "state", "-s": "state"},
    "list": {**COMMON, "--family": "family", "--education": "education",
             "--contact": "contact", "--sort": "sort"},
}
FLAGS = {"compare": {"--force"}, "show": {"--force"}, "list": {"--force", "--origin"}}
REPEATED = {"family", "education", "contact"}


def parse(argv: list[str]) -> Callable[[], None] | None:
    """The command ``argv`` asks for, ready to run, or None for the Typer app to handle."""
    if not argv or argv[0] not in VALUED:
        return None
    command, rest = argv[0], argv[1:]
    values: dict[str, str] = {}
    lists: dict[str, list[str]] = {name: [] for name in REPEATED}
    flags: set[str] = set()
    positional: list[str] = []
    i = 0
    while i < len(rest):
        token = rest[i]
        i += 1
        if not token.startswith("-") or token == "-":
            positional.append(token)
            continue
        name, eq, value = token.partition("=")
        if name in FLAGS[command] and not eq:
            flags.add(name)
            continue
        dest = VALUED[command].get(name)
        if dest is None:
            return None  # help, --, unknown or abbreviated options: Typer says what to do
        if not eq:
            if i >= len(rest) or rest[i].startswith("-"):
                return None
            value = rest[i]
            i += 1
        if dest in REPEATED:
            lists[dest].append(value)
        else:
            values[dest] = value
    fmt = values.get("format", "table").lower()
    if fmt not in FORMATS:
        return None
    output = Path(values["output"]) if "output" in values else None
    if output is not None and (os.path.isdir(output) or not values["output"]):
        return None
    force = "--force" in flags
    from rolecmp import commands

    if command == "compare":
        if len(positional) < 2:
            return None
        return lambda: commands.compare_roles(positional, values.get("only"), values.get("state"),
                                              fmt, output, force)
    if command == "show":
        if len(positional) != 1:
            return None
        return lambda: commands.show_role(positional[0], values.get("state"), fmt, output, force)
    which = positional[0].lower() if positional else "roles"
    if len(positional) > 1 or which not in ("roles", "specialties"):
        return None
    return lambda: commands.list_roles(which, lists["family"], lists["education"],
                                       lists["contact"], values.get("sort", "id"),
                                       "--origin" in flags, fmt, output, force)


def main() -> None:
    """Run rolecmp: the fast path when it applies, else the Typer app."""
    if not os.environ.get("ROLECMP_NO_FAST_PATH") and "_ROLECMP_COMPLETE" not in os.environ:
        command = parse(sys.argv[1:])
        if command is not None:
            from rolecmp.commands import run_guarded

            run_guarded(command)
    from rolecmp.cli import main as typer_main

    typer_main()
