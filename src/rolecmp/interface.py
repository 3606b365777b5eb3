"""The command-line interface, declared once: every command, argument, option, short flag,
default, choice list and help text.

Plain data, importing nothing heavy: :mod:`rolecmp.cli` builds the Typer app from it, and
:mod:`rolecmp.fastpath` parses the common plain invocations from the same declaration without
importing Typer (see benchmarks/README.md for why). Shell completion of every value comes from
the ``complete`` kind of each argument and option (:func:`rolecmp.commands.completions`).
"""

from __future__ import annotations

from typing import Any

from rolecmp.records import NamedTuple

#: Output formats: a table for people; json, csv or markdown for scripts; html for a page.
FORMATS = ("table", "json", "csv", "markdown", "html")
#: The format an output file's extension implies when --format is not given.
FORMAT_BY_EXTENSION = {".json": "json", ".csv": "csv", ".md": "markdown",
                       ".markdown": "markdown", ".html": "html", ".htm": "html", ".txt": "table"}
#: Sort keys of ``list``: figures sort highest first, names and ids alphabetically.
SORTS = ("id", "name", "median", "growth", "openings")
FAMILIES = ("assistant", "aide", "technician", "technologist", "therapist", "nurse",
            "practitioner", "specialist", "umbrella")
CONTACT_LEVELS = ("low", "moderate", "high")
PAY_LEVELS = ("low", "medium", "high")
#: Where ``fit`` can place you: each defined from data in rolecmp.fit (a test checks they agree).
SETTINGS = ("hospital", "clinic", "lab", "imaging", "operating-room", "pharmacy", "home",
            "long-term-care", "emergency")
#: What ``pay --by`` ranks.
BY = ("state", "metro")
WHICH = ("roles", "specialties")


class Option(NamedTuple):
    """A command-line option. ``kind`` is "text", "int", "flag" (``--force``), "switch" (a
    ``--x/--no-x`` pair whose unset value is None), "choice" (one of ``choices``, any case) or
    "path". ``complete`` names the completion of its values (roles, states, areas, groups,
    dimensions, settings) where the choices do not say."""

    dest: str
    flags: tuple[str, ...]
    help: str
    kind: str = "text"
    default: Any = None
    choices: tuple[str, ...] = ()
    multiple: bool = False
    complete: str | None = None
    metavar: str | None = None


class Argument(NamedTuple):
    """A positional argument: ``many`` takes one or more (or, if not ``required``, any)."""

    dest: str
    help: str
    metavar: str
    required: bool = True
    many: bool = False
    choices: tuple[str, ...] = ()
    default: Any = None
    complete: str | None = None
    kind: str = "text"


class Command(NamedTuple):
    """A command: its name, help (summary line, details, examples), arguments and options, the
    function of :mod:`rolecmp.commands` that runs it, and whether the fast path may parse it."""

    name: str
    help: str
    arguments: tuple[Argument, ...]
    options: tuple[Option, ...]
    run: str
    fast: bool = False


# -- options several commands share ---------------------------------------------------------

FORMAT = Option("fmt", ("--format", "-f"), "Output format: a table for people; json, csv or "
                "markdown for scripts; html for a standalone page to send. Default: table, or "
                "what the --output file's extension says (.json, .csv, .md, .html).",
                kind="choice", choices=FORMATS)
OUTPUT = Option("output", ("--output", "-o"), "Write the output to this file instead of the "
                "screen (tables as plain text, 100 columns); - is the screen.", kind="path",
                metavar="FILE")
FORCE = Option("force", ("--force",), "With --output, write over the file if it exists (a "
               "link is written through, never replaced).", kind="flag", default=False)
STATE = Option("state", ("--state", "-s"), "Show pay and licensure for this state, DC or "
               "territory (code or name, any case) instead of national figures.",
               complete="states")
AREA = Option("area", ("--area", "-a"), "Show pay for an area: national, a state (CA, "
              "California), or a metropolitan or nonmetropolitan area by name (\"Los "
              "Angeles\") or OEWS code (31080); a metro within one state also shows that "
              "state's licensure.", complete="areas")
GROUP = Option("groups", ("--group", "-g"), "Only occupations in this SOC major group: a code "
               "(29), a word of its title (sales) or healthcare (29 and 31); repeatable.",
               multiple=True, complete="groups")
ALL = Option("all_tiers", ("--all",), "Every occupation BLS publishes, not only the curated "
             "roles.", kind="flag", default=False)
OUTPUTS = (FORMAT, OUTPUT, FORCE)


def limit(default: int, what: str = "roles") -> Option:
    return Option("limit", ("--limit", "-n"), f"How many {what} to show (at least 1).",
                  kind="int", default=default)


ROLE = Argument("role", "A role: an id, alias, name, credential, SOC or O*NET-SOC code.",
                "ROLE", complete="roles")

COMMANDS: tuple[Command, ...] = (
    Command("compare", """Show how two or more roles differ, dimension by dimension.

Rows where the roles differ are marked; pay counts as different when the medians are more
than 5% apart, outlook when projected growth is 2 or more percentage points apart. Free-text
rows (licensure, duties, qualities, next steps) are shown side by side but not compared, and
neither is a row one role has no curated facts for. Similarity is the cosine of the roles'
O*NET skill and work-activity importance profiles, each rating centred on its mean over all
occupations (1 = same emphases).

Example: rolecmp compare assistant technician
Example: rolecmp compare rn lpn --state TX --only education,licensure,pay""",
            (Argument("roles", "Two or more roles (ids, aliases, names, credentials or "
                      "codes).", "ROLES...", many=True, complete="roles"),),
            (Option("only", ("--only",), "Compare only these dimensions, comma-separated: "
                    "education, scope, workplaces, industries, certification, licensure, "
                    "patient_contact, pay, outlook, duties, technology, qualities, paths, and the "
                    "sections similarity and activities.", complete="dimensions",
                    metavar="DIMENSIONS"),
             STATE, AREA, *OUTPUTS),
            "compare_roles", fast=True),
    Command("show", """Show the whole profile of one role, with its pay, outlook and licensure.

A curated role shows its role file with the datasets' figures; an occupation from the datasets
shows what BLS and O*NET publish and says "not curated" for the rest.

Example: rolecmp show radiologic-technologist
Example: rolecmp show rn --area "Los Angeles\"""",
            (ROLE,), (STATE, AREA, *OUTPUTS), "show_role", fast=True),
    Command("list", """List the roles: the curated ones, or with --all every occupation BLS
publishes; filter and sort them.

Without --all the list has the curated roles: role files shipped with rolecmp (the large
healthcare occupations, in depth) and your own. --all adds every other occupation in BLS's
OEWS and Employment Projections, with BLS and O*NET figures only (tier "dataset"). The last
line counts both. Filters use the definitions show uses. Exits with status 1 when nothing
matches.

Example: rolecmp list specialties
Example: rolecmp list --group healthcare --sort median""",
            (Argument("which", "roles (all) or specialties (the technician specialties).",
                      "[roles|specialties]", required=False, choices=WHICH, default="roles"),),
            (Option("family", ("--family",), "Only this family; repeatable.", kind="choice",
                    choices=FAMILIES, multiple=True),
             Option("education", ("--education",), "Only roles whose education includes this "
                    "level: the role file's credential levels where it has them, else BLS's "
                    "typical entry level (e.g. associate, bachelor, \"high school\", "
                    "certificate); repeatable.", multiple=True),
             Option("contact", ("--contact",), "Only this patient-contact level, as show "
                    "measures it; repeatable.", kind="choice", choices=CONTACT_LEVELS,
                    multiple=True),
             Option("sort", ("--sort",), "Order by id, name, median (pay), growth or openings; "
                    "figures sort highest first.", kind="choice", choices=SORTS, default="id"),
             Option("origin", ("--origin",), "Show which layer (bundled, user, "
                    "ROLECMP_DATA_DIR, --data-dir) and file each role comes from.", kind="flag",
                    default=False),
             ALL, GROUP, *OUTPUTS),
            "list_roles", fast=True),
    Command("search", """Find roles by name, alias, credential, duty or workplace, and every
occupation by its SOC, O*NET and alternate titles and O*NET technology, best match first.

Exits with status 1 when nothing matches (like grep).

Example: rolecmp search "draw blood"
Example: rolecmp search python""",
            (Argument("text", "Words to look for.", "TEXT"),),
            (limit(25), *OUTPUTS), "search_roles"),
    Command("pay", """Rank states or metropolitan areas by a role's median pay, with
employment (BLS OEWS).

Example: rolecmp pay pharmacy-technician
Example: rolecmp pay phlebotomist --by metro --state CA""",
            (ROLE,),
            (Option("by", ("--by",), "Rank states (and territories) or metropolitan and "
                    "nonmetropolitan areas.", kind="choice", choices=BY, default="state"),
             Option("state", ("--state", "-s"), "Mark this state in the ranking; with --by "
                    "metro, rank only its areas.", complete="states"),
             Option("limit", ("--limit", "-n"), "Show only the first N areas.", kind="int"),
             *OUTPUTS),
            "pay_by_area"),
    Command("licensure", """List what every state, DC and Puerto Rico requires to work in a
role: license, certification, registration or none, with the credential, the authority,
compacts and the source; unknown where no source says.

Example: rolecmp licensure radiologic-technologist
Example: rolecmp licensure phlebotomist --state CA""",
            (ROLE,),
            (Option("state", ("--state", "-s"), "Mark this state in the table.",
                    complete="states"), *OUTPUTS),
            "licensure_table"),
    Command("similar", """List the roles whose work is most like this one's, by the O*NET
similarity figure.

Similarity is the cosine of two roles' O*NET skill and work-activity importance profiles, each
rating first centred on its mean over all occupations: 1 means the same emphases, 0 unrelated,
below 0 opposite.

Example: rolecmp similar medical-assistant
Example: rolecmp similar cashier --all""",
            (ROLE,),
            (limit(10), Option("all_tiers", ("--all",), "Look among every occupation, not only "
                               "the curated roles.", kind="flag", default=False),
             GROUP, *OUTPUTS),
            "similar_roles"),
    Command("path", """What it takes to move from one role to another: training, exam,
licence, what carries over, and the change in pay and outlook.

Example: rolecmp path cashier medical-assistant
Example: rolecmp path medical-assistant medical-laboratory-technician --state TX""",
            (Argument("start", "The role you have.", "FROM", complete="roles"),
             Argument("goal", "The role you want.", "TO", complete="roles")),
            (STATE, AREA, *OUTPUTS), "move"),
    Command("fit", """Rank roles for you: asks five questions in a terminal, or takes them as
flags.

Without a terminal it never waits for input: give every flag. Settings are defined from data
for every occupation: the share of its jobs in an industry (BLS OEWS: hospitals, offices,
home health, nursing facilities), or the O*NET occupations that work there (imaging, operating
room, pharmacy, emergency). A score is at most 100 and its points add up: patient contact 25,
setting 35, administrative work 10, training 10, pay 20; --format json gives every point with
its basis.

Example: rolecmp fit --contact high --setting lab --no-admin --max-months 24 --pay medium""",
            (),
            (Option("contact", ("--contact",), "How much patient contact you want: low, "
                    "moderate or high (medium also works).", complete="contact"),
             Option("setting", ("--setting",), "Where you want to work: " + ", ".join(SETTINGS)
                    + " (or a usual word for one: office, laboratory, radiology, nursing "
                    "home...).", complete="settings"),
             Option("admin", ("--admin/--no-admin",), "Whether you want administrative work "
                    "(scheduling, records, billing).", kind="switch"),
             Option("max_months", ("--max-months",), "The longest training you are willing "
                    "to do: months (24) or years (\"2 years\").", metavar="MONTHS"),
             Option("pay", ("--pay",), "How much pay matters: low, medium or high (moderate "
                    "also works).", complete="pay"),
             limit(10), GROUP, *OUTPUTS),
            "fit_roles"),
    Command("sources", """List the data releases behind every figure: release, publication
date, URL, licence.

Example: rolecmp sources""", (), OUTPUTS, "list_sources"),
    Command("validate", """Check role files and report every problem at once, as
file:line:column: field: problem.

Exits with status 1 if there is any problem.

Example: rolecmp validate ~/my-roles/clinic-scribe.yaml""",
            (Argument("paths", "Role files or folders of them; default: every role file "
                      "rolecmp reads.", "[PATHS]...", required=False, many=True,
                      kind="path"),),
            OUTPUTS, "validate_files"),
    Command("schema", """Print the JSON Schema of a role file, for editors to complete and
check role files.

Example: rolecmp schema > role.schema.json""", (), (), "schema"),
    Command("new", """Write a commented role-file template to the user data folder (or the
last --data-dir).

It never overwrites a file.

Example: rolecmp new clinic-scribe""",
            (Argument("role_id", "The new role's id, e.g. clinic-scribe.", "ID"),), (),
            "new_role"),
)

BY_NAME = {command.name: command for command in COMMANDS}

#: Options of rolecmp itself, before the command.
DATA_DIR = Option("data_dirs", ("--data-dir",), "A folder of extra role files, layered over "
                  "the bundled ones and those in the user data folder and $ROLECMP_DATA_DIR; "
                  "repeatable, later ones win.", kind="path", multiple=True, metavar="DIR")
NO_PAGER = Option("no_pager", ("--no-pager",), "Never page long output (it is paged through "
                  "$PAGER, or less, only in a terminal).", kind="flag", default=False)
ROOT_HELP = """Compare roles side by side, from sourced data: every occupation BLS publishes,
and the healthcare roles in depth.

Example: rolecmp compare assistant technician"""
