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

        console = Console(highlight=False, soft_wrap=False)
        if console.is_terminal:
            console.print(rendered)
            return
        # Into a pipe or file: the same layout without the padding Rich adds at line ends.
        with console.capture() as captured:
            console.print(rendered)
        sys.stdout.write("\n".join(line.rstrip() for line in
                                   captured.get().splitlines()) + "\n")
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
    return [build_profile(resolve(cat, name), cat, area) for name in names]


def resolve(cat: Any, name: str) -> Any:
    """The role ``name`` means, saying on stderr when it was taken from part of a name."""
    role, note = cat.resolve_noted(name)
    if note:
        sys.stderr.write(f"rolecmp: note: {note}\n")
    return role


def compare_roles(names: Sequence[str], only: str | None, state: str | None, fmt: str,
                  output: Path | None, force: bool, data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp compare``."""
    from rolecmp.compare import compare, select_dimensions

    dimensions, extras = select_dimensions(only.split(",") if only else None)
    emit(compare(profiles(names, state, data_dirs), dimensions, extras), fmt, output, force)


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


def pay_by_state(name: str, fmt: str, output: Path | None, force: bool,
                 data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp pay``."""
    from rolecmp.pay import rank_states

    cat = catalog(data_dirs)
    role = resolve(cat, name)
    specialties = [e.id for e in cat.entries() if e.parent == role.id]
    emit(rank_states(role, specialties), fmt, output, force)


def search_roles(text: str, fmt: str, output: Path | None, force: bool,
                 data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp search``."""
    from rolecmp.search import search

    emit(search(catalog(data_dirs), text), fmt, output, force)


def similar_roles(name: str, limit: int, fmt: str, output: Path | None, force: bool,
                  data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp similar``."""
    from rolecmp.similarity import nearest

    if limit < 1:
        raise RolecmpError("--limit must be at least 1")
    cat = catalog(data_dirs)
    emit(nearest(resolve(cat, name), cat.all(), limit), fmt, output, force)


def move(start: str, goal: str, state: str | None, fmt: str, output: Path | None, force: bool,
         data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp path``."""
    from rolecmp.path import plan_move

    first, second = profiles([start, goal], state, data_dirs)
    emit(plan_move(first, second), fmt, output, force)


def fit_roles(given: dict[str, Any], limit: int, fmt: str, output: Path | None, force: bool,
              data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp fit``, once every answer is known."""
    from rolecmp.fit import check_answers, rank
    from rolecmp.profile import build_profile

    if limit < 1:
        raise RolecmpError("--limit must be at least 1")
    answers = check_answers({k: v.lower() if isinstance(v, str) else v
                             for k, v in given.items()})
    cat = catalog(data_dirs)
    emit(rank([build_profile(r, cat) for r in cat.all()], answers, limit), fmt, output, force)


def list_sources(fmt: str, output: Path | None, force: bool) -> None:
    """``rolecmp sources``."""
    from rolecmp.figures import releases
    from rolecmp.sources import SourceList

    emit(SourceList(releases()), fmt, output, force)


def validate_files(paths: Sequence[Path], fmt: str, output: Path | None, force: bool,
                   data_dirs: Sequence[str] = ()) -> bool:
    """``rolecmp validate``; whether every file is fine."""
    from rolecmp.validate import validate_paths

    report = validate_paths(paths, catalog(data_dirs))
    emit(report, fmt, output, force)
    return report.ok


def new_role(role_id: str, data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp new``: the template goes to the last --data-dir, else the user data folder."""
    from rolecmp.catalog import roles_subdir, user_data_dir
    from rolecmp.validate import new_role_file

    directory = roles_subdir(Path(data_dirs[-1])) if data_dirs else user_data_dir() / "roles"
    path = new_role_file(role_id, directory)
    sys.stdout.write(f"Wrote {path}\nFill in every TODO, then check it: rolecmp validate "
                     f"{path}\n")


def schema() -> None:
    """``rolecmp schema``."""
    import json

    from rolecmp.schema import json_schema

    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")


def role_completions(incomplete: str, data_dirs: Sequence[str] = ()) -> list[str]:
    """Role ids (and aliases, when no id fits) that start with what has been typed, from the
    catalog index: shell completion runs at every Tab, so no role file is read."""
    from rolecmp.catalog import normalize

    try:
        entries = catalog(data_dirs).entries()
    except RolecmpError:  # a broken data file must not break the user's shell
        return []
    key = normalize(incomplete)
    ids = [e.id for e in entries if e.id.startswith(key)]
    if ids or not key:
        return ids
    return sorted({a for e in entries for a in e.aliases if a.startswith(key)})
