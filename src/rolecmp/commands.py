"""What the commands do once their arguments are parsed, and how their results and errors reach
the user. No Typer here: both the Typer app (:mod:`rolecmp.cli`) and the start-up fast path
(:mod:`rolecmp.fastpath`) call these, so a command behaves the same whichever parsed it.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from rolecmp.errors import OutputFailed, RolecmpError

#: Tables keep their values readable down to this width, whatever COLUMNS says.
MIN_WIDTH = 40


def emit(result: Any, fmt: str, output: Path | None = None, force: bool = False) -> None:
    """Render ``result`` in ``fmt`` and write it to stdout, or to ``output``."""
    from rolecmp.render import render

    warn_stale(result)
    rendered = render(result, fmt)
    if output is None:
        if isinstance(rendered, str):
            write_stdout(rendered + "\n")
            return
        from rich.console import Console

        _stdout()
        console = Console(highlight=False, soft_wrap=False)
        if console.width < MIN_WIDTH:  # COLUMNS=5 would leave no room for the values
            console = Console(highlight=False, soft_wrap=False, width=MIN_WIDTH)
        if console.is_terminal:
            try:
                if not page(console, rendered):
                    console.print(rendered, crop=False)
            except BrokenPipeError:
                raise
            except OSError as exc:
                _output_failed(exc)
            return
        # Into a pipe or file: the same layout without the padding Rich adds at line ends.
        try:
            with console.capture() as captured:  # Rich flushes the real stdout on the way out
                console.print(rendered, crop=False)
        except BrokenPipeError:
            raise
        except OSError as exc:
            _output_failed(exc)
        write_stdout("\n".join(line.rstrip() for line in captured.get().splitlines()) + "\n")
        return
    if isinstance(rendered, str):
        text = rendered + "\n"
    else:
        import io

        from rich.console import Console

        buffer = io.StringIO()
        Console(file=buffer, width=100, color_system=None, highlight=False,
                soft_wrap=False).print(rendered, crop=False)
        text = "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
    from rolecmp.files import write_new

    write_new(output, text, replace=force)


#: ``--no-pager`` sets "off"; the pager is also off when output is not a terminal.
PAGER = {"off": False}


def page(console: Any, rendered: Any) -> bool:
    """Show output taller than the terminal through the pager ($PAGER, else less with -FRX:
    quit when it fits, keep colours); whether it did. Off with --no-pager, PAGER=cat or an
    empty PAGER."""
    if PAGER["off"] or os.environ.get("PAGER", "less").strip() in ("", "cat"):
        return False
    with console.capture() as captured:
        console.print(rendered, crop=False)
    text = captured.get()
    if text.count("\n") < console.height:
        sys.stdout.write(text)
        return True
    import pydoc

    os.environ.setdefault("LESS", "-FRX")
    pydoc.pager(text)
    return True


def warn_stale(result: Any) -> None:
    """Warn once (per release, per user) when figures come from a release over two years old."""
    if not getattr(result, "releases", None):
        return
    from rolecmp.cache import default_cache_dir
    from rolecmp.figures import environ_today, take_stale_warning

    cache_dir = default_cache_dir()
    if cache_dir is None:  # no home folder: nowhere to remember the warning, so give none
        return
    try:
        found = take_stale_warning(environ_today(), cache_dir, result.releases)
    except OSError:  # a cache folder that cannot be read: warn without remembering it
        found = take_stale_warning(environ_today(), Path(os.devnull) / "rolecmp",
                                   result.releases)
    for stale in found:
        sys.stderr.write(f"rolecmp: warning: {stale.short} ({stale.release}) was published "
                         f"{stale.published}, over two years ago; newer figures may exist\n")


def fail(message: str, code: int) -> NoReturn:
    """One line on stderr, then exit with ``code`` (only the exit status for an empty message:
    a search that found nothing has said so already)."""
    from rolecmp.render.printable import printable

    if message and sys.stderr is not None:
        try:
            sys.stderr.write(f"rolecmp: error: {printable(message, newlines=False)}\n")
            sys.stderr.flush()
        except (OSError, ValueError):
            pass
    sys.exit(code)


def os_error_message(exc: OSError) -> str:
    """One line for an operating-system error that no library code turned into a message (an
    unreadable folder, a name too long for the file system)."""
    where = f"{os.fsdecode(exc.filename)}: " if exc.filename else ""
    return f"{where}{exc.strerror or exc}"


def prepare_streams() -> None:
    """Make stdout and stderr unable to fail on a character the locale cannot encode (LANG=C with
    an old Python, PYTHONIOENCODING=ascii): such a character is written as an escape."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(OSError, ValueError, TypeError):
                reconfigure(errors="backslashreplace")


def write_stdout(text: str) -> None:
    """Write ``text`` to stdout. A closed stdout (``>&-``) or a failing one (``> /dev/full``) is
    :class:`OutputFailed`; a reader that went away (``| head``) is BrokenPipeError, as before."""
    stream = _stdout()
    try:
        stream.write(text)
    except BrokenPipeError:
        raise
    except OSError as exc:
        _output_failed(exc)


def _stdout() -> Any:
    if sys.stdout is None:
        raise OutputFailed("cannot write the output: standard output is closed")
    return sys.stdout


def _output_failed(exc: OSError) -> NoReturn:
    _discard_stdout()
    raise OutputFailed(f"cannot write the output: {exc.strerror or exc}") from None


def _discard_stdout() -> None:
    """Point stdout at devnull, so what is still buffered cannot fail again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def flush() -> None:
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_pipe()
    except OSError as exc:
        _discard_stdout()
        fail(f"cannot write the output: {exc.strerror or exc}", OutputFailed.exit_code)


def quiet_pipe() -> NoReturn:
    """The reader closed the pipe (``| head``): stop quietly. stdout is pointed at devnull so the
    interpreter's final flush does not report the same error again."""
    _discard_stdout()
    sys.exit(0)


def run_guarded(command: Callable[[], object]) -> NoReturn:
    """Run a parsed command: library errors become one line and their exit code, Ctrl-C exits
    130 quietly, a closed pipe ends quietly, an error from the system (a folder that cannot be
    read, a name too long) is one line and exit 1."""
    prepare_streams()
    try:
        command()
    except RolecmpError as exc:
        fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        quiet_pipe()
    except OSError as exc:
        fail(os_error_message(exc), OutputFailed.exit_code)
    flush()
    sys.exit(0)


def catalog(data_dirs: Sequence[str] = ()) -> Any:
    from rolecmp.catalog import default_catalog

    return default_catalog(data_dirs)


def place(state: str | None, area: str | None) -> Any:
    """The area ``--state`` or ``--area`` names (None for national figures)."""
    from rolecmp.areas import areas, find_area
    from rolecmp.states import find_state

    if state is not None and area is not None:
        raise RolecmpError("give --state or --area, not both (--area also takes a state)")
    if state is not None:
        return areas()[find_state(state[:100]).code]
    if area is not None:
        return find_area(area)
    return None


def profiles(names: Sequence[str], state: str | None, data_dirs: Sequence[str] = (),
             area: str | None = None) -> list[Any]:
    """The profiles of the roles ``names`` resolve to, for an area (national if None)."""
    from rolecmp.profile import build_profile

    where = place(state, area)
    cat = catalog(data_dirs)
    return [build_profile(resolve(cat, name), cat, where) for name in names]


def resolve(cat: Any, name: str) -> Any:
    """The role ``name`` means, saying on stderr when it was taken from part of a name."""
    role, note = cat.resolve_noted(name)
    if note:
        from rolecmp.render.printable import printable

        sys.stderr.write(f"rolecmp: note: {printable(note, newlines=False)}\n")
    return role


Out = Path | str | None


def output_and_format(fmt: str | None, output: Out) -> tuple[str, Path | None]:
    """The format to write and the file to write it to: ``-o -`` is standard output, and the
    output file's extension gives the format when --format does not."""
    from rolecmp.interface import FORMAT_BY_EXTENSION

    path = None if output is None or str(output) == "-" else Path(output)
    if fmt is None:
        fmt = FORMAT_BY_EXTENSION.get(path.suffix.lower(), "table") if path else "table"
    return fmt.lower(), path


def emit_to(result: Any, fmt: str | None, output: Out, force: bool) -> None:
    """:func:`emit`, with ``--format`` and ``--output`` as given on the command line."""
    chosen, path = output_and_format(fmt, output)
    emit(result, chosen, path, force)


def compare_roles(*, roles: Sequence[str], only: str | None = None, state: str | None = None,
                  area: str | None = None, fmt: str | None = None, output: Out = None,
                  force: bool = False, data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp compare``."""
    from rolecmp.compare import compare, select_dimensions

    if len(roles) < 2:
        raise RolecmpError("give at least two roles to compare (see 'rolecmp compare --help')")
    dimensions, extras = select_dimensions(only.split(",") if only else None)
    emit_to(compare(with_licensure(profiles(roles, state, data_dirs, area)), dimensions, extras),
            fmt, output, force)


def with_licensure(found: list[Any]) -> list[Any]:
    """Profiles with their state's licensure when a state (or a metro within one) was asked
    for and the role has state-by-state data."""
    out = []
    for profile in found:
        state = profile.place.state
        if state is not None and profile.role.curated:
            from rolecmp.licensure import for_state  # only with a state: national views skip it

            profile = profile._replace(state_licensure=for_state(profile.role.id, state))
        out.append(profile)
    return out


def show_role(*, role: str, state: str | None = None, area: str | None = None,
              fmt: str | None = None, output: Out = None, force: bool = False,
              data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp show``."""
    emit_to(with_licensure(profiles([role], state, data_dirs, area))[0], fmt, output, force)


def licensure_table(*, role: str, state: str | None = None, fmt: str | None = None,
                    output: Out = None, force: bool = False,
                    data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp licensure``."""
    from rolecmp.licensure import table
    from rolecmp.states import find_state

    found = resolve(catalog(data_dirs), role)
    highlight = find_state(state[:100]).code if state is not None else None
    emit_to(table(found.id, found.name, highlight), fmt, output, force)


class NothingFound(RolecmpError):
    """A search or a listing that matched nothing: exit 1, like grep, with nothing on stderr
    (the output itself says so)."""

    exit_code = 1

    def __init__(self) -> None:
        super().__init__("")


def list_roles(*, which: str = "roles", family: Sequence[str] = (),
               education: Sequence[str] = (), contact: Sequence[str] = (), sort: str = "id",
               origin: bool = False, all_tiers: bool = False, groups: Sequence[str] = (),
               fmt: str | None = None, output: Out = None, force: bool = False,
               data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp list``."""
    from rolecmp.listing import list_roles as listing

    result = listing(catalog(data_dirs), which.lower(), families=family, education=education,
                     contact=contact, sort=sort.lower(), show_origin=origin,
                     tiers="all" if all_tiers or groups else "curated", groups=groups)
    emit_to(result, fmt, output, force)
    if not result.rows:
        raise NothingFound()


def pay_by_area(*, role: str, by: str = "state", state: str | None = None,
                limit: int | None = None, fmt: str | None = None, output: Out = None,
                force: bool = False, data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp pay``."""
    from rolecmp.pay import rank_areas
    from rolecmp.states import find_state

    if limit is not None and limit < 1:
        raise RolecmpError("--limit must be at least 1")
    cat = catalog(data_dirs)
    found = resolve(cat, role)
    specialties = [e.id for e in cat.entries() if e.parent == found.id]
    highlight = find_state(state[:100]).code if state is not None else None
    emit_to(rank_areas(found, by.lower(), highlight, limit, specialties), fmt, output, force)


def search_roles(*, text: str, limit: int = 25, fmt: str | None = None, output: Out = None,
                 force: bool = False, data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp search``."""
    from rolecmp.search import search

    if limit < 1:
        raise RolecmpError("--limit must be at least 1")
    result = search(catalog(data_dirs), text, limit)
    emit_to(result, fmt, output, force)
    if not result.hits:
        raise NothingFound()


def similar_roles(*, role: str, limit: int = 10, all_tiers: bool = False,
                  groups: Sequence[str] = (), fmt: str | None = None, output: Out = None,
                  force: bool = False, data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp similar``."""
    from rolecmp.listing import in_groups
    from rolecmp.similarity import nearest

    if limit < 1:
        raise RolecmpError("--limit must be at least 1")
    cat = catalog(data_dirs)
    tiers = "all" if all_tiers or groups else "curated"
    entries = in_groups(cat.entries(tiers), groups)
    emit_to(nearest(resolve(cat, role), [cat.get(e.id) for e in entries], limit), fmt, output,
            force)


def move(*, start: str, goal: str, state: str | None = None, area: str | None = None,
         fmt: str | None = None, output: Out = None, force: bool = False,
         data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp path``."""
    from rolecmp.path import plan_move

    first, second = with_licensure(profiles([start, goal], state, data_dirs, area))
    emit_to(plan_move(first, second, second.state_licensure), fmt, output, force)


def _interactive() -> bool:
    """Whether a person is at the keyboard: stdin and stdout are both open terminals (either may
    be closed, ``<&-``, and then is None)."""
    return (sys.stdin is not None and sys.stdin.isatty() and sys.stdout is not None
            and sys.stdout.isatty())


def fit_roles(*, contact: str | None = None, setting: str | None = None,
              admin: bool | None = None, max_months: str | int | None = None,
              pay: str | None = None, limit: int = 10, groups: Sequence[str] = (),
              fmt: str | None = None, output: Out = None, force: bool = False,
              data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp fit``: the answers not given as flags are asked for in a terminal."""
    from rolecmp import fit

    if limit < 1:
        raise RolecmpError("--limit must be at least 1")
    given: dict[str, Any] = {"contact": contact, "setting": setting, "admin": admin,
                             "max_months": max_months, "pay": pay}
    if any(v is None for v in given.values()) and _interactive():
        given = ask_fit_questions(given)
    answers = fit.check_answers({k: v.lower() if isinstance(v, str) else v
                                 for k, v in given.items()})
    cat = catalog(data_dirs)
    emit_to(fit.rank(fit_profiles(cat, groups), answers, limit), fmt, output, force)


def fit_profiles(cat: Any, groups: Sequence[str]) -> list[Any]:
    """The profiles fit ranks: the curated roles and the occupations of ``groups``
    (healthcare by default)."""
    from rolecmp import fit
    from rolecmp.profile import build_profile

    return [build_profile(r, cat) for r in fit.candidates(cat, tuple(groups) or ("healthcare",))]


def ask_fit_questions(given: dict[str, Any]) -> dict[str, Any]:
    """Ask, in a terminal, the fit questions whose answers were not given as flags. Answers are
    taken in any case, and training in months or years ("2 years")."""
    import click

    from rolecmp import fit
    from rolecmp.interface import CONTACT_LEVELS, PAY_LEVELS, SETTINGS

    answers = dict(given)

    def asking(parse: Any) -> Any:
        """``parse`` for a prompt: a wrong answer asks again instead of ending the run."""
        def value(text: str) -> Any:
            try:
                return parse(text)
            except RolecmpError as exc:
                raise click.BadParameter(str(exc)) from None
        return value

    questions = (
        ("contact", f"How much patient contact do you want ({', '.join(CONTACT_LEVELS)})?",
         fit.contact_level),
        ("setting", f"Where would you like to work ({', '.join(SETTINGS)})?", fit.setting_name),
        ("max_months", "How much training are you willing to do (months, or e.g. 2 years)?",
         fit.parse_months),
        ("pay", f"How much does pay matter ({', '.join(PAY_LEVELS)})?", fit.pay_level),
    )
    for key, text, parse in questions:
        if answers[key] is None:
            answers[key] = click.prompt(text, value_proc=asking(parse))
        if key == "setting" and answers["admin"] is None:
            answers["admin"] = click.confirm("Do you want administrative work too?")
    return answers


def list_sources(*, fmt: str | None = None, output: Out = None, force: bool = False,
                 data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp sources``."""
    from rolecmp.figures import releases
    from rolecmp.sources import SourceList

    emit_to(SourceList(releases()), fmt, output, force)


class ProblemsFound(RolecmpError):
    """``validate`` found problems; they are already printed."""

    exit_code = 1


def validate_files(*, paths: Sequence[Path | str] = (), fmt: str | None = None,
                   output: Out = None, force: bool = False,
                   data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp validate``: exits with status 1 when any file has a problem."""
    from rolecmp.validate import validate_paths

    report = validate_paths([Path(p) for p in paths], catalog(data_dirs))
    emit_to(report, fmt, output, force)
    if not report.ok:
        raise ProblemsFound(f"{len(report.problems)} problem"
                            f"{'s' if len(report.problems) != 1 else ''} found")


def new_role(*, role_id: str, data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp new``: the template goes to the last --data-dir, else the user data folder."""
    from rolecmp.catalog import roles_subdir
    from rolecmp.dirs import user_data_dir
    from rolecmp.validate import new_role_file

    if data_dirs:
        directory = roles_subdir(Path(data_dirs[-1]))
    else:
        user = user_data_dir()
        if user is None:
            raise RolecmpError("there is no home folder to keep your roles in (HOME is empty or "
                               "/): give a folder with --data-dir")
        directory = user / "roles"
    path = new_role_file(role_id, directory)
    write_stdout(f"Wrote {path}\nFill in every TODO, then check it: rolecmp validate {path}\n")


def schema(*, data_dirs: Sequence[str] = ()) -> None:
    """``rolecmp schema``."""
    import json

    from rolecmp.schema import json_schema

    write_stdout(json.dumps(json_schema(), indent=2) + "\n")


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


def completions(kind: str, incomplete: str, data_dirs: Sequence[str] = ()) -> list[str]:
    """Shell completion of an argument's or option's values, by the ``complete`` kind
    :mod:`rolecmp.interface` declares: roles, states, areas, groups, dimensions, settings."""
    if kind == "roles":
        return role_completions(incomplete, data_dirs)
    typed = incomplete.lower()
    if kind == "states":
        from rolecmp.states import STATES

        return [s.code for s in STATES if s.code.lower().startswith(typed)] or \
            [s.name for s in STATES if s.name.lower().startswith(typed)]
    if kind == "areas":
        from rolecmp.areas import areas

        found = areas().values()
        return [a.short or a.code for a in found if (a.short or a.code).startswith(typed)] \
            if typed[:1].isdigit() else \
            [a.name for a in found if a.name.lower().startswith(typed)][:100]
    if kind == "groups":
        from rolecmp.dataset import major_groups

        return [v for v in ("healthcare", *major_groups()) if v.startswith(typed)]
    if kind == "dimensions":
        from rolecmp.compare import DIMENSIONS, EXTRAS

        done, _, last = incomplete.rpartition(",")
        prefix = done + "," if done else ""
        return [prefix + k for k in (*(d.key for d in DIMENSIONS), *EXTRAS)
                if k.startswith(last.lower())]
    if kind in ("settings", "contact", "pay"):
        from rolecmp.interface import CONTACT_LEVELS, PAY_LEVELS, SETTINGS

        words = {"settings": SETTINGS, "contact": CONTACT_LEVELS, "pay": PAY_LEVELS}[kind]
        return [s for s in words if s.startswith(typed)]
    return []
