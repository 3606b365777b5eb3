"""The console script's entry point: plain runs of the commands people run all day skip Typer.

Importing Typer and Click and building the command group costs about as much as importing Rich
and printing a table (benchmarks/README.md has the figures). So the commands
:mod:`rolecmp.interface` marks ``fast`` are parsed here, from that same declaration, and handed to
the same functions of :mod:`rolecmp.commands` the Typer app calls. Anything else - help,
completion, options of rolecmp itself, an unknown or abbreviated option, a value that is not one
of its choices, a missing value - goes to the Typer app, which says what is wrong.
tests/test_fastpath.py checks, for every case meant to be fast, that this path is taken and that
its output, errors, exit status and files are those of the Typer app.

Set ``ROLECMP_NO_FAST_PATH=1`` to send everything through Typer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any


def parse(argv: list[str]) -> Callable[[], None] | None:
    """The command ``argv`` asks for, ready to run, or None for the Typer app to handle."""
    from rolecmp import interface

    spec = interface.BY_NAME.get(argv[0]) if argv else None
    if spec is None or not spec.fast:
        return None
    options = {flag: option for option in spec.options for flag in option.flags}
    values: dict[str, Any] = {o.dest: ([] if o.multiple else o.default) for o in spec.options}
    positional: list[str] = []
    rest = argv[1:]
    i = 0
    while i < len(rest):
        token = rest[i]
        i += 1
        if not token.startswith("-") or token == "-":
            positional.append(token)
            continue
        name, eq, value = token.partition("=")
        option = options.get(name)
        if option is None or option.kind == "switch":
            return None  # help, --, unknown or abbreviated options: Typer says what to do
        if option.kind == "flag":
            if eq:
                return None
            values[option.dest] = True
            continue
        if not eq:
            if i >= len(rest) or (rest[i].startswith("-") and rest[i] != "-"):
                return None
            value = rest[i]
            i += 1
        converted = _convert(option, value)
        if converted is None:
            return None
        if option.multiple:
            values[option.dest].append(converted)
        else:
            values[option.dest] = converted
    arguments = _arguments(spec, positional)
    if arguments is None:
        return None
    values.update(arguments)
    from rolecmp import commands

    run = getattr(commands, spec.run)
    return lambda: run(**values)


def _convert(option: Any, value: str) -> Any:
    """The value as the Typer app would pass it, or None when only Typer can say what is wrong
    with it (so that both ways give the same error)."""
    if option.choices:
        lowered = value.lower()
        return next((c for c in option.choices if c.lower() == lowered), None)
    if option.kind == "int":
        try:
            return int(value)
        except ValueError:
            return None
    if option.kind == "path" and not value:
        return None
    return value


def _arguments(spec: Any, positional: list[str]) -> dict[str, Any] | None:
    """The positional arguments by name, or None when they do not fit the declaration."""
    found: dict[str, Any] = {}
    left = list(positional)
    for argument in spec.arguments:
        if argument.many:
            if argument.required and not left:
                return None
            found[argument.dest] = left
            left = []
        elif left:
            value = left.pop(0)
            if argument.choices:
                chosen = next((c for c in argument.choices if c == value.lower()), None)
                if chosen is None:
                    return None
                value = chosen
            found[argument.dest] = value
        elif argument.required:
            return None
        else:
            found[argument.dest] = argument.default
    return None if left else found


def main() -> None:
    """Run rolecmp: the fast path when it applies, else the Typer app."""
    if not os.environ.get("ROLECMP_NO_FAST_PATH") and "_ROLECMP_COMPLETE" not in os.environ:
        command = parse(sys.argv[1:])
        if command is not None:
            from rolecmp.commands import run_guarded

            try:
                run_guarded(command)
            except SystemExit as done:
                exit_now(done)
    from rolecmp.cli import main as typer_main

    try:
        typer_main()
    except SystemExit as done:
        exit_now(done)


def exit_now(done: SystemExit) -> None:
    """End the process as ``done`` would, without tearing the interpreter down: freeing every
    module and object costs about a tenth of a comparison's run (benchmarks/README.md), and
    nothing rolecmp does needs it. Output is flushed first; if that fails, or the exit status is
    not a number, the ordinary exit says so."""
    if not isinstance(done.code, int | None):
        raise done
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        raise done from None
    os._exit(done.code or 0)
