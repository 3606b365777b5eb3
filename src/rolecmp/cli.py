"""The ``rolecmp`` Typer app: the definition of every command, option and help text.

Each command parses its arguments and calls :mod:`rolecmp.commands`, which does the work and
prints the result; errors from the library (:class:`~rolecmp.errors.RolecmpError`) become one
line on stderr and their exit code. Nothing here computes or formats anything.
"""

import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from rolecmp import __version__, commands
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
            if "--data-dir" in exc.format_message():
                hint = " (--data-dir goes before the command: rolecmp --data-dir DIR COMMAND)"
            fail(exc.format_message() + hint, 2)
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


app = typer.Typer(
    cls=RolecmpGroup,
    name="rolecmp",
    help="Compare healthcare roles side by side, from sourced data.\n\n"
         "Example: rolecmp compare assistant technician",
    add_completion=True,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"


FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", case_sensitive=False,
                 help="Output format: a table for people; json, csv or markdown for scripts; "
                      "html for a standalone page to send."),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", show_default=False, dir_okay=False,
                 help="Write the output to this file instead of the screen (tables as plain "
                      "text, 100 columns)."),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="With --output, replace the file if it exists."),
]


StateOption = Annotated[
    str | None,
    typer.Option("--state", "-s", show_default=False,
                 help="Show pay and licensure for this state, DC or territory (code or name, "
                      "any case) instead of national figures."),
]
AreaOption = Annotated[
    str | None,
    typer.Option("--area", "-a", show_default=False,
                 help="Show pay for an area: national, a state (CA, California), or a "
                      "metropolitan or nonmetropolitan area by name (\"Los Angeles\") or OEWS "
                      "code (31080); a metro within one state also shows that state's "
                      "licensure."),
]
GroupOption = Annotated[
    list[str] | None,
    typer.Option("--group", "-g", show_default=False,
                 help="Only occupations in this SOC major group: a code (29), a title word "
                      "(sales) or healthcare (29 and 31); repeatable."),
]
AllOption = Annotated[
    bool, typer.Option("--all", help="Every occupation BLS publishes, not only the curated "
                                     "roles."),
]


def complete_role(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of role names (see :func:`rolecmp.commands.role_completions`)."""
    dirs = [str(d) for d in (ctx.find_root().params.get("data_dir") or [])]
    return commands.role_completions(incomplete, dirs)


RoleArgument = typer.Argument(help="A role id, alias or name.", show_default=False,
                              autocompletion=complete_role)


class Which(StrEnum):
    roles = "roles"
    specialties = "specialties"


def _interactive() -> bool:
    """Whether a person is at the keyboard: stdin and stdout are both open terminals (either may
    be closed, ``<&-``, and then is None)."""
    return (sys.stdin is not None and sys.stdin.isatty() and sys.stdout is not None
            and sys.stdout.isatty())


def _data_dirs() -> list[str]:
    import click

    ctx = click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    return list(obj.get("data_dirs", [])) if isinstance(obj, dict) else []


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"rolecmp {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    data_dir: Annotated[list[Path] | None, typer.Option(
        "--data-dir", show_default=False, file_okay=False, exists=True,
        help="A folder of extra role files, layered over the bundled ones and those in the user "
             "data folder and $ROLECMP_DATA_DIR; repeatable, later ones win.")] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Compare healthcare roles side by side, from sourced data.

    \b
    Example: rolecmp compare assistant technician
    """
    ctx.obj = {"data_dirs": [str(d) for d in data_dir or []]}


@app.command()
def compare(
    roles: Annotated[list[str], typer.Argument(help="Two or more role ids, aliases or names.",
                                               show_default=False,
                                               autocompletion=complete_role)],
    only: Annotated[str | None, typer.Option(
        "--only", show_default=False,
        help="Compare only these dimensions, comma-separated: education, scope, workplaces, "
             "certification, licensure, patient_contact, pay, outlook, duties, qualities, "
             "paths, and the sections similarity and activities.")] = None,
    state: StateOption = None,
    area: AreaOption = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Show how two or more roles differ, dimension by dimension.

    Rows where the roles differ are marked; pay counts as different when the medians are more
    than 5% apart, outlook when projected growth is 2 or more percentage points apart. Free-text
    rows (licensure, duties, qualities, next steps) are shown side by side but not marked.
    Similarity is the cosine of the roles' O*NET 30.1 skill and work-activity importance
    profiles, each rating centred on its mean over all occupations (1 = same emphases).

    \b
    Example: rolecmp compare assistant technician
    """
    if len(roles) < 2:
        raise typer.BadParameter("give at least two roles to compare", param_hint="ROLES")
    commands.compare_roles(roles, only, state, fmt.value, output, force, _data_dirs(), area)


@app.command("list")
def list_(
    which: Annotated[Which, typer.Argument(help="roles (all) or specialties (the technician "
                                                "specialties).", case_sensitive=False)]
    = Which.roles,
    family: Annotated[list[str] | None, typer.Option(
        "--family", show_default=False,
        help="Only this family (assistant, aide, technician, technologist, therapist, nurse, "
             "practitioner, specialist, umbrella); repeatable.")] = None,
    education: Annotated[list[str] | None, typer.Option(
        "--education", show_default=False,
        help="Only roles whose BLS typical entry-level education contains this text "
             "(e.g. associate, bachelor, \"high school\", nondegree); repeatable.")] = None,
    contact: Annotated[list[str] | None, typer.Option(
        "--contact", show_default=False,
        help="Only this patient-contact level (low, moderate, high); repeatable.")] = None,
    sort: Annotated[str, typer.Option(
        "--sort", help="Order by id, name, median (pay), growth or openings; figures sort "
                       "highest first.")] = "id",
    origin: Annotated[bool, typer.Option(
        "--origin", help="Show which layer (bundled, user, ROLECMP_DATA_DIR, --data-dir) and "
                         "file each role comes from.")] = False,
    all_: AllOption = False,
    group: GroupOption = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """List the known roles, or only the technician specialties; filter and sort them.

    \b
    Example: rolecmp list specialties
    Example: rolecmp list --education associate --sort median
    """
    commands.list_roles(which.value, family or (), education or (), contact or (), sort, origin,
                        fmt.value, output, force, _data_dirs(), all_, group or ())


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="Words to look for.", show_default=False)],
    limit: Annotated[int, typer.Option("--limit", "-n",
                                       help="How many roles to show (at least 1).")] = 25,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Find roles by name, alias, credential, duty or workplace, and every occupation by its
    SOC, O*NET and alternate titles and O*NET technology, best match first.

    \b
    Example: rolecmp search "draw blood"
    Example: rolecmp search python
    """
    commands.search_roles(text, limit, fmt.value, output, force, _data_dirs())


@app.command()
def show(
    role: Annotated[str, RoleArgument],
    state: StateOption = None,
    area: AreaOption = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Show the whole profile of one role, with its pay and outlook.

    \b
    Example: rolecmp show radiologic-technologist
    Example: rolecmp show rn --area "Los Angeles"
    """
    commands.show_role(role, state, fmt.value, output, force, _data_dirs(), area)


class By(StrEnum):
    state = "state"
    metro = "metro"


@app.command()
def pay(
    role: Annotated[str, RoleArgument],
    by: Annotated[By, typer.Option("--by", case_sensitive=False,
                                   help="Rank states (and territories) or metropolitan and "
                                        "nonmetropolitan areas.")] = By.state,
    state: Annotated[str | None, typer.Option(
        "--state", "-s", show_default=False,
        help="Mark this state in the ranking; with --by metro, rank only its areas.")] = None,
    limit: Annotated[int | None, typer.Option(
        "--limit", "-n", show_default=False, help="Show only the first N areas.")] = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Rank states or metropolitan areas by a role's median pay, with employment (BLS OEWS).

    \b
    Example: rolecmp pay pharmacy-technician
    Example: rolecmp pay phlebotomist --by metro --limit 15
    """
    commands.pay_by_area(role, by.value, state, limit, fmt.value, output, force, _data_dirs())


@app.command()
def licensure(
    role: Annotated[str, RoleArgument],
    state: Annotated[str | None, typer.Option(
        "--state", "-s", show_default=False, help="Mark this state in the table.")] = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """List what every state, DC and Puerto Rico requires to work in a role: license,
    certification, registration or none, with the credential, the authority, compacts and the
    source; unknown where no source says.

    \b
    Example: rolecmp licensure radiologic-technologist
    Example: rolecmp show phlebotomist --state CA
    """
    commands.licensure_table(role, state, fmt.value, output, force, _data_dirs())


@app.command()
def similar(
    role: Annotated[str, RoleArgument],
    limit: Annotated[int, typer.Option("--limit", "-n",
                                       help="How many roles to show (at least 1).")] = 10,
    all_: Annotated[bool, typer.Option(
        "--all", help="Look among every occupation, not only the curated roles.")] = False,
    group: GroupOption = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """List the roles whose work is most like this one's, by the O*NET similarity figure.

    Similarity is the cosine of two roles' O*NET 30.1 skill and work-activity importance
    profiles, each rating first centred on its mean over all occupations: 1 means the same
    emphases, 0 unrelated, below 0 opposite.

    \b
    Example: rolecmp similar medical-assistant
    """
    commands.similar_roles(role, limit, fmt.value, output, force, _data_dirs(), all_,
                           group or ())


@app.command("path")
def path_(
    start: Annotated[str, typer.Argument(metavar="FROM", help="The role you have.",
                                         show_default=False, autocompletion=complete_role)],
    goal: Annotated[str, typer.Argument(metavar="TO", help="The role you want.",
                                        show_default=False, autocompletion=complete_role)],
    state: StateOption = None,
    area: AreaOption = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """What it takes to move from one role to another: training, exam, licence, what carries
    over, and the change in pay and outlook.

    \b
    Example: rolecmp path cashier medical-assistant
    Example: rolecmp path medical-assistant medical-laboratory-technician --state TX
    """
    commands.move(start, goal, state, fmt.value, output, force, _data_dirs(), area)


@app.command()
def fit(
    contact: Annotated[str | None, typer.Option(
        "--contact", show_default=False,
        help="How much patient contact you want: low, moderate or high.")] = None,
    setting: Annotated[str | None, typer.Option(
        "--setting", show_default=False,
        help="Where you want to work: lab, imaging, operating-room, pharmacy or office.")] = None,
    admin: Annotated[bool | None, typer.Option(
        "--admin/--no-admin", show_default=False,
        help="Whether you want administrative work (scheduling, records, billing).")] = None,
    max_months: Annotated[int | None, typer.Option(
        "--max-months", show_default=False,
        help="The longest training you are willing to do, in months.")] = None,
    pay: Annotated[str | None, typer.Option(
        "--pay", show_default=False, help="How much pay matters: low, medium or high.")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n",
                                       help="How many roles to show (at least 1).")] = 10,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Rank roles for you: asks five questions in a terminal, or takes them as flags.

    Without a terminal it never waits for input: give every flag. Roles whose shortest program
    is longer than --max-months are left out. The rest score out of 100: patient contact 30
    (measured from O*NET where it covers the role), setting 30 (20 if only a workplace names
    it), administrative work 15 (O*NET "Performing Administrative Activities" 3.0 or more),
    training 15, pay up to 20; every point is listed with its reason.

    \b
    Example: rolecmp fit --contact high --setting lab --no-admin --max-months 24 --pay medium
    """
    from rolecmp.fit import CONTACTS, PAY_WEIGHTS, SETTINGS

    given: dict[str, Any] = {"contact": contact, "setting": setting, "admin": admin,
                             "max_months": max_months, "pay": pay}
    if any(v is None for v in given.values()) and _interactive():
        import click

        def ask(key: str, text: str, kind: Any) -> None:
            if given[key] is None:
                given[key] = typer.prompt(text, type=kind)

        ask("contact", "How much patient contact do you want?", click.Choice(CONTACTS))
        ask("setting", "Where would you like to work?", click.Choice(list(SETTINGS)))
        if given["admin"] is None:
            given["admin"] = typer.confirm("Do you want administrative work too?")
        ask("max_months", "How many months of training are you willing to do?", int)
        ask("pay", "How much does pay matter?", click.Choice(list(PAY_WEIGHTS)))
    commands.fit_roles(given, limit, fmt.value, output, force, _data_dirs())


@app.command()
def sources(fmt: FormatOption = Format.table, output: OutputOption = None,
            force: ForceOption = False) -> None:
    """List the data releases behind every figure: release, publication date, URL, licence.

    \b
    Example: rolecmp sources
    """
    commands.list_sources(fmt.value, output, force)


@app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Role files or folders of them; default: every role file rolecmp reads.",
        show_default=False)] = None,
    fmt: FormatOption = Format.table,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Check role files and report every problem at once, as file:line:column: field: problem.

    Exits with status 1 if there is any problem.

    \b
    Example: rolecmp validate ~/my-roles/clinic-scribe.yaml
    """
    if not commands.validate_files(paths or [], fmt.value, output, force, _data_dirs()):
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a role file, for editors to complete and check role files.

    \b
    Example: rolecmp schema > role.schema.json
    """
    commands.schema()


@app.command()
def new(
    role_id: Annotated[str, typer.Argument(metavar="ID", help="The new role's id, e.g. "
                                                              "clinic-scribe.",
                                           show_default=False)],
) -> None:
    """Write a commented role-file template to the user data folder (or the last --data-dir).

    It never overwrites a file.

    \b
    Example: rolecmp new clinic-scribe
    """
    commands.new_role(role_id, _data_dirs())


def main(argv: list[str] | None = None) -> None:
    """Run the Typer app. The console script enters through :func:`rolecmp.fastpath.main`,
    which hands everything it does not handle itself to this."""
    app(args=argv, prog_name="rolecmp")
