"""Rich renderables for the terminal. Every string from data is wrapped in :class:`Text`, which
never interprets markup, after :func:`printable` has made its control characters visible."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import singledispatch
from typing import Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from rolecmp.catalog import Entry
from rolecmp.compare import DIMENSIONS, Comparison
from rolecmp.listing import Listing, first_sentence
from rolecmp.model import Role
from rolecmp.render.printable import printable

DIFF_MARK = "≠"


def literal(value: str, style: str = "") -> Text:
    """Data text shown exactly as written."""
    return Text(printable(value), style=style)


def _lines(lines: Sequence[str], bullets: bool) -> Text:
    if bullets and len(lines) > 1:
        return literal("\n".join(f"• {line}" for line in lines))
    return literal("\n".join(lines))


_BULLETED = {"workplaces", "duties", "qualities", "paths"}


@singledispatch
def render_table(result: Any) -> RenderableType:
    """The terminal view of a result."""
    raise TypeError(f"cannot render {type(result).__name__}")


@render_table.register
def _(result: Comparison) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, show_lines=True, pad_edge=False)
    table.add_column("", style="bold", max_width=19)
    for role in result.roles:
        header = literal(role.name, "bold")
        header.append("\n")
        header.append_text(literal(role.id, "dim"))
        table.add_column(header, ratio=1, min_width=14, overflow="fold")
    for row in result.rows:
        label = Text(f"{DIFF_MARK} " if row.differs else "  ")
        label.append(row.label)
        if row.differs:
            label.stylize("yellow")
        table.add_row(label, *(_lines(v, row.key in _BULLETED) for v in row.values))
    verdict = literal(result.verdict, "bold")
    legend = Text(f"{DIFF_MARK} marks the dimensions on which the roles differ.", style="dim")
    return Group(table, Text(""), verdict, legend)


@render_table.register
def _(result: Role) -> RenderableType:
    title = literal(result.name, "bold")
    title.append("  ")
    title.append_text(literal(result.id, "dim"))
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold", no_wrap=True)
    meta.add_column(overflow="fold")
    kind = result.kind + (f" of {result.parent}" if result.parent else "")
    meta.add_row("Kind", literal(f"{kind}; family: {result.family}"))
    soc = result.soc_code or "none"
    if result.soc_note:
        soc += f" ({result.soc_note})"
    meta.add_row("SOC code", literal(soc))
    if result.aliases:
        meta.add_row("Also called", literal(", ".join(result.aliases)))
    meta.add_row("Summary", literal(" ".join(result.summary.split())))
    meta.add_row("Training", literal(" ".join(result.education.path.split())))
    for dim in DIMENSIONS:
        lines = dim.lines(result)
        if dim.key == "duties":
            lines = [f"{name}: {'; '.join(items)}" for name, items in result.scope.duties.groups()]
        elif dim.key == "certification":
            lines = [lines[0], *(f"{c.abbreviation}: {c.name}, {c.body}"
                                 for c in result.certification.credentials)]
        elif dim.key == "paths" and result.next_steps:
            lines = [f"{s.role}: {s.how}" for s in result.next_steps]
        meta.add_row(dim.label, _lines(lines, dim.key in _BULLETED))
    if result.counterpart:
        c = result.counterpart
        meta.add_row("Counterpart", _lines([c.role, f"education: {c.education}",
                                            f"credential: {c.credential}",
                                            f"scope: {c.scope}"], bullets=False))
    primary = [s for s in result.sources if s.type == "primary"]
    sources = Text()
    for source in primary:
        sources.append_text(literal(f"• {source.title}\n  {source.url}\n"))
    secondary = len(result.sources) - len(primary)
    sources.append(f"{len(primary)} primary and {secondary} secondary sources; "
                   "--format json lists them all", style="dim")
    meta.add_row("Sources", sources)
    return Group(title, Text(""), meta)


class Responsive:
    """Renders ``wide`` when the console has at least ``min_width`` columns, else ``narrow``."""

    def __init__(self, min_width: int, wide: Callable[[], RenderableType],
                 narrow: Callable[[], RenderableType]) -> None:
        self.min_width = min_width
        self.wide = wide
        self.narrow = narrow

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.wide() if options.max_width >= self.min_width else self.narrow()


@render_table.register
def _(result: Listing) -> RenderableType:
    parts: list[RenderableType] = [
        Responsive(110, lambda: _listing_table(result), lambda: _listing_stacked(result))]
    if result.which == "specialties":
        parts.append(Text("* a less common specialty", style="dim"))
    parts.append(Text(f"{len(result.entries)} {result.which}", style="dim"))
    return Group(*parts)


def _listing_name(result: Listing, entry: Entry) -> Text:
    name = literal(entry.name)
    if result.which == "specialties" and entry.less_common:
        name.append(" *", style="yellow")
    return name


def _listing_stacked(result: Listing) -> RenderableType:
    """One block per role, for narrow terminals."""
    blocks: list[RenderableType] = []
    for entry in result.entries:
        head = literal(entry.id, "bold")
        head.append("  ")
        head.append_text(_listing_name(result, entry))
        head.append_text(literal(f" ({entry.family})", "dim"))
        blocks.append(head)
        blocks.append(Padding(literal(first_sentence(entry.summary)), (0, 0, 0, 2)))
    return Group(*blocks)


def _listing_table(result: Listing) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    table.add_column("ID", no_wrap=True, style="bold")
    table.add_column("Name", no_wrap=True)
    table.add_column("Family", no_wrap=True)
    table.add_column("Summary", ratio=1, min_width=20)
    for entry in result.entries:
        table.add_row(literal(entry.id), _listing_name(result, entry), literal(entry.family),
                      literal(first_sentence(entry.summary)))
    return table
