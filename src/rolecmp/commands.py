"""What the commands do once their arguments are parsed, and how their results and errors reach
the user. No Typer here: both the Typer app (:mod:`rolecmp.cli`) and the start-up fast path
(:mod:`rolecmp.fastpath`) call these, so a command behaves the same whichever parsed it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from rolecmp.errors import RolecmpError


def emit(result: Any, fmt: str, output: Path | None = None, force: bool = False) -> None:
    """Render ``result`` in ``fmt`` and write it to stdout, or to ``output``."""
    from rolecmp.render import render

    warn_stale(result)
    rendered = render(result, fmt)
    if output is None:
        if isinstance(rendered, str):
            sys.stdout.write(rendered + "\n")
            return
        from rich.console import Console

        Console(highlight=False, soft_wrap=False).print(rendered)
        return
    if isinstance(rendered, str):
        text = rendered + "\n"
    else:
        import io

        from rich.console import Console

        buffer = io.StringIO()
        Console(file=buffer, width=100, color_system=None, highlight=False,
                soft_wrap=False).print(rendered)
        text = "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
    from rolecmp.files import write_new

    write_new(output, text, replace=force)


def warn_stale(result: Any) -> None:
    """Warn once (per release, per user) when figures come from a release over two years old."""
    if not getattr(result, "releases", None):
        return
    from rolecmp.catalog import default_cache_dir
    from rolecmp.figures import environ_today, take_stale_warning

    for stale in take_stale_warning(environ_today(), default_cache_dir(), result.releases):
        sys.stderr.write(f"rolecmp: warning: {stale.short} ({stale.release}) was published "
                         f"{stale.published}, over two years ago; newer figures may exist\n")


def fail(message: str, code: int) -> NoReturn:
    """One line on stderr, then exit with ``code``."""
    from rolecmp.render.printable import printable

    sys.stderr.write(f"rolecmp: error: {printable(message, newlines=False)}\n")
    sys.exit(code)


def flush() -> None:
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_pipe()


def quiet_pipe() -> NoReturn:
    """The reader closed the pipe (``| head``): stop quietly. stdout is pointed at devnull so the
    interpreter's final flush does not report the same error again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)


def run_guarded(command: Callable[[], object]) -> NoReturn:
    """Run a parsed command: library errors become one line and their exit code, Ctrl-C exits
    130 quietly, a closed pipe ends quietly."""
    try:
        command()
    except RolecmpError as exc:
        fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        quiet_pipe()
    flush()
    sys.exit(0)


def catalog(data_dirs: Sequence[str] = ()) -> Any:
    from rolecmp.catalog import default_catalog

    return default_catalog(data_dirs)


def profiles(names: Sequence[str], state: str | None, data_dirs: Sequence[str] = ()
             ) -> list[Any]:
    """The profiles of the roles ``names`` resolve to, for ``state`` (national if None)."""
    from rolecmp.profile import build_profile
    from rolecmp.states import find_state

    area = find_state(state) if state is not None else None
    cat = catalog(data_dirs)
    return [build_profile(cat.resolve(name), cat, area) for name in names]


def compare_roles(names: Sequence[str], only: str | None, state: str | None, fmt: str,
                  output: Path | None, force: bool, data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp compare``."""
    from rolecmp.compare import compare, select_dimensions

    dimensions = select_dimensions(only.split(",") if only else None)
    emit(compare(profiles(names, state, data_dirs), dimensions), fmt, output, force)


def show_role(name: str, state: str | None, fmt: str, output: Path | None, force: bool,
              data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp show``."""
    emit(profiles([name], state, data_dirs)[0], fmt, output, force)


def list_roles(which: str, families: Sequence[str], education: Sequence[str],
               contact: Sequence[str], sort: str, origin: bool, fmt: str,
               output: Path | None, force: bool, data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp list``."""
    from rolecmp.listing import list_roles as listing

    emit(listing(catalog(data_dirs), which, families=families, education=education,
                 contact=contact, sort=sort.lower(), show_origin=origin), fmt, output, force)
