"""The ``rolecmp`` Typer app, built from the one declaration of the interface in
:mod:`rolecmp.interface`.

Each command parses its arguments and calls the function of :mod:`rolecmp.commands` the
declaration names, which does the work and prints the result; errors from the library
(:class:`~rolecmp.errors.RolecmpError`) become one line on stderr and their exit code. Nothing
here computes or formats anything, and no command, option or help text is written here.
"""

import inspect
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperArgument, TyperGroup, TyperOption

from rolecmp import __version__, commands, interface
from rolecmp.commands import fail, flush, quiet_pipe
from rolecmp.errors import RolecmpError


class RolecmpGroup(TyperGroup):
    """The command group, whose ``main`` turns every failure into one line on stderr and an exit
    status: 2 for usage (unknown role, bad option), 1 for a bad data file, 130 for Ctrl-C.

    Handling errors here rather than in a wrapper means the console script, ``python -m rolecmp``
    and test runners (``CliRunner``) all behave the same.
    """

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        import click

        commands.prepare_streams()
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False,
                                windows_expand_args=windows_expand_args, **extra)
        except RolecmpError as exc:
            fail(str(exc), exc.exit_code)
        except click.exceptions.NoArgsIsHelpError as exc:
            sys.stdout.write(exc.ctx.get_help() + "\n")
            code = 0
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
            message = exc.format_message()
            # Typer repeats Click's suggestion for a mistyped command: say it once.
            message = re.sub(r"( Did you mean '[^']+'\?)\1+", r"\1", message)
            if "--data-dir" in exc.format_message():
                hint = " (--data-dir goes before the command: rolecmp --data-dir DIR COMMAND)"
            fail(message + hint, 2)
        except click.ClickException as exc:
            fail(exc.format_message(), exc.exit_code)
        except click.Abort:
            fail("aborted", 130)
        except KeyboardInterrupt:
            sys.exit(130)
        except BrokenPipeError:
            quiet_pipe()
        except OSError as exc:  # a folder that cannot be read, a name too long, a full disk
            fail(commands.os_error_message(exc), 1)
        flush()
        sys.exit(code if isinstance(code, int) else 0)


def _help(text: str) -> str:
    """Help text for Click: example lines kept apart (Click rewraps paragraphs)."""
    out = []
    for paragraph in text.split("\n\n"):
        lines = paragraph.splitlines()
        if all(line.startswith("Example: ") for line in lines):
            out.append("\b\n" + "\n".join(lines))
        else:
            out.append(" ".join(lines))
    return "\n\n".join(out)


app = typer.Typer(
    cls=RolecmpGroup,
    name="rolecmp",
    help=_help(interface.ROOT_HELP),
    add_completion=True,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _data_dirs() -> list[str]:
    import click

    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    return list(obj.get("data_dirs", [])) if isinstance(obj, dict) else []


def _completer(kind: str) -> Callable[[typer.Context, str], list[str]]:
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        dirs = [str(d) for d in (ctx.find_root().params.get("data_dirs") or [])]
        return commands.completions(kind, incomplete, dirs)
    return complete


def _click_type(kind: str, choices: tuple[str, ...]) -> Any:
    import click

    if choices:
        return click.Choice(choices, case_sensitive=False)
    return {"int": click.INT, "path": click.STRING}.get(kind)


def _option(spec: interface.Option) -> inspect.Parameter:
    """A keyword parameter whose annotation declares ``spec`` to Typer."""
    click_type = _click_type(spec.kind, spec.choices)
    extra: dict[str, Any] = {"help": spec.help, "show_default": spec.kind in ("int", "choice")
                             and spec.default is not None}
    if click_type is not None:
        extra["click_type"] = click_type
    if spec.complete:
        extra["autocompletion"] = _completer(spec.complete)
    if spec.metavar:
        extra["metavar"] = spec.metavar
    base: Any = {"flag": bool, "switch": bool | None, "int": int | None}.get(spec.kind, str | None)
    if spec.multiple:
        base = list[str] | None
    elif spec.kind == "int" and spec.default is not None:
        base = int
    elif spec.kind in ("choice", "text", "path") and spec.default is not None:
        base = str
    annotation = Annotated[base, typer.Option(*spec.flags, **extra)]
    return inspect.Parameter(spec.dest, inspect.Parameter.KEYWORD_ONLY, annotation=annotation,
                             default=spec.default)


def _argument(spec: interface.Argument) -> inspect.Parameter:
    extra: dict[str, Any] = {"help": spec.help, "metavar": spec.metavar, "show_default": False}
    click_type = _click_type(spec.kind, spec.choices)
    if click_type is not None:
        extra["click_type"] = click_type
    if spec.complete:
        extra["autocompletion"] = _completer(spec.complete)
    base: Any = str
    if spec.many:
        base = list[str] if spec.required else list[str] | None
    elif not spec.required and spec.default is None:
        base = str | None
    annotation = Annotated[base, typer.Argument(**extra)]
    default = inspect.Parameter.empty if spec.required else spec.default
    return inspect.Parameter(spec.dest, inspect.Parameter.KEYWORD_ONLY, annotation=annotation,
                             default=default)


def _argument_help(self: Any, ctx: Any) -> tuple[str, str] | None:
    """Typer 0.20 without Rich markup drops an argument's help and escapes its "[required]" as
    markup ("\\[required]"): the help record of every argument, from the declaration."""
    record = _typer_argument_help(self, ctx)
    if record is None:
        return None
    name, text = record
    command = interface.BY_NAME.get(ctx.command.name) if ctx.command else None
    declared = next((a.help for a in command.arguments if a.dest == self.name), "") \
        if command else ""
    text = text.replace("\\[", "[")
    if declared and not text.startswith(declared):
        text = f"{declared}  {text}".strip()
    return name, text


def _option_help(self: Any, ctx: Any) -> tuple[str, str] | None:
    """Typer 0.20 without Rich markup escapes an option's "[default: x]" as markup too."""
    record = _typer_option_help(self, ctx)
    return None if record is None else (record[0], record[1].replace("\\[", "["))


_typer_argument_help = TyperArgument.get_help_record
TyperArgument.get_help_record = _argument_help  # type: ignore[method-assign]
_typer_option_help = TyperOption.get_help_record
TyperOption.get_help_record = _option_help  # type: ignore[method-assign]


def _register(spec: interface.Command) -> None:
    """Add the command ``spec`` declares: a function with the declared parameters that hands
    its values to the function of :mod:`rolecmp.commands` the declaration names."""
    def run(**values: Any) -> None:
        values = {k: ([] if v is None else v) if _many(spec, k) else v
                  for k, v in values.items()}
        getattr(commands, spec.run)(**values, data_dirs=_data_dirs())

    run.__name__ = spec.name
    run.__doc__ = _help(spec.help)
    summary = " ".join(spec.help.split("\n\n")[0].split())
    run.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [*map(_argument, spec.arguments), *map(_option, spec.options)])
    app.command(spec.name, short_help=summary)(run)


def _many(spec: interface.Command, dest: str) -> bool:
    return any(o.dest == dest and o.multiple for o in spec.options) or any(
        a.dest == dest and a.many for a in spec.arguments)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"rolecmp {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    data_dirs: Annotated[list[Path] | None, typer.Option(
        *interface.DATA_DIR.flags, show_default=False, file_okay=False,
        metavar=interface.DATA_DIR.metavar, help=interface.DATA_DIR.help)] = None,
    no_pager: Annotated[bool, typer.Option(*interface.NO_PAGER.flags,
                                           help=interface.NO_PAGER.help)] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    ctx.obj = {"data_dirs": [str(d) for d in data_dirs or []]}
    if no_pager:
        commands.PAGER["off"] = True


for _spec in interface.COMMANDS:
    _register(_spec)


def main(argv: list[str] | None = None) -> None:
    """Run the Typer app. The console script enters through :func:`rolecmp.fastpath.main`,
    which hands everything it does not handle itself to this."""
    app(args=argv, prog_name="rolecmp")
