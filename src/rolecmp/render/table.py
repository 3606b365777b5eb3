"""Rich renderables for the terminal. Every string from data is wrapped in :class:`Text`, which
never interprets markup, after :func:`printable` has made its control characters visible."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text

from rolecmp import figures
from rolecmp.render.base import Renderer
from rolecmp.render.printable import first_sentence, printable
from rolecmp.render.words import (
    LABELS,
    count,
    dimension_lines,
    money,
    reason_texts,
    row_values,
    verdict_text,
)

# Result types are only named here: each renderer is found by its result's class name, so
# printing a comparison never imports the modules behind search, validate or pay.
if TYPE_CHECKING:
    from rolecmp.catalog import Entry
    from rolecmp.compare import Comparison
    from rolecmp.compare import Row as CompareRow
    from rolecmp.figures import Pay
    from rolecmp.fit import FitResult
    from rolecmp.licensure import LicensureTable
    from rolecmp.listing import Listing
    from rolecmp.listing import Row as ListingRow
    from rolecmp.path import Move
    from rolecmp.pay import PayRanking
    from rolecmp.profile import Profile
    from rolecmp.search import SearchResult
    from rolecmp.similarity import Nearest
    from rolecmp.sources import SourceList
    from rolecmp.validate import Report

DIFF_MARK = "≠"


def literal(value: str, style: str = "") -> Text:
    """Data text shown exactly as written."""
    return Text(printable(value), style=style)


def link_style(url: str) -> Style | str:
    """A clickable link in terminals that support them (nothing elsewhere); only http(s)
    URLs, so data cannot make a link to anything else."""
    if not url.startswith(("https://", "http://")) or any(c.isspace() for c in url):
        return ""
    return Style(link=url)


def _lines(lines: Sequence[str], bullets: bool) -> Text:
    if bullets and len(lines) > 1:
        return literal("\n".join(f"• {line}" for line in lines))
    return literal("\n".join(lines))


_BULLETED = {"workplaces", "duties", "qualities", "paths"}


BAR_WIDTH = 20


def pay_bar(pay: Pay | None, low: float, high: float, width: int = BAR_WIDTH) -> str:
    """A one-line box plot of the 10th-90th percentile range on a scale from ``low`` to
    ``high``: thin from the 10th to the 25th and 75th to 90th, thick between, ``●`` the median."""
    if pay is None or None in (pay.p10_annual, pay.median_annual, pay.p90_annual) or high <= low:
        return ""

    def at(value: float | None) -> int:
        value = low if value is None else value
        return max(0, min(width - 1, round((value - low) / (high - low) * (width - 1))))

    p10, p90 = at(pay.p10_annual), at(pay.p90_annual)
    p25 = at(pay.p25_annual if pay.p25_annual is not None else pay.p10_annual)
    p75 = at(pay.p75_annual if pay.p75_annual is not None else pay.p90_annual)
    cells = [" "] * width
    for i in range(p10, p90 + 1):
        cells[i] = "━" if p25 <= i <= p75 else "─"
    cells[at(pay.median_annual)] = "●"
    return "".join(cells).rstrip()


def bar_scale(pays: Sequence[Pay | None]) -> tuple[float, float] | None:
    """The one rule for every pay bar: from $0 to the highest 90th percentile shown, rounded up
    to the next $50,000, so bars in one view share a scale and bars in any view read alike."""
    highs = [p.p90_annual for p in pays if p and p.p90_annual is not None]
    if not highs:
        return None
    step = 50_000
    return 0.0, float(-(-max(highs) // step) * step)


def bar_legend(scale: tuple[float, float]) -> str:
    return (f"Bars: 10th to 90th percentile pay (thick: 25th to 75th; ● median), "
            f"{money(scale[0])} to {money(scale[1])}.")


def source_line(release_ids: Sequence[str]) -> Text:
    """The closing line naming the releases behind the figures shown."""
    if not release_ids:
        return Text("")
    names = [f"{r.short} (release {r.release.split(' (')[0]}, published {r.published})"
             for r in map(figures.release, release_ids)]
    text = "Sources: " + "; ".join(names) + "."
    if any(figures.release(r).kind == "oews" for r in release_ids):
        text += " Annual wages are BLS hourly wages x 2,080."
    return Text(text, style="dim")


#: How a view names a role's tier.
TIER_WORDS = {"curated": "curated (a role file shipped with rolecmp)",
              "user": "your own role file",
              "dataset": "dataset (BLS and O*NET figures only; no curated description)"}



#: Columns a comparison needs per role for its side-by-side table; below that it is stacked.
COMPARE_COLUMN = 30
COMPARE_LABELS = 20


def comparison_view(result: Comparison) -> RenderableType:
    parts: list[RenderableType] = []
    if result.rows:  # --only similarity: no table at all, rather than an empty one
        width = COMPARE_LABELS + COMPARE_COLUMN * len(result.roles)
        parts += [Responsive(width, lambda: _comparison_table(result),
                             lambda: _comparison_stacked(result)), Text("")]
    parts.append(literal(verdict_text(result), "bold"))
    parts += _verdict_details(result)
    for role, other in result.counterparts:
        assert role.counterpart is not None
        c = role.counterpart
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for heading, value in (("Education", c.education), ("Credential", c.credential),
                              ("Scope", c.scope)):
            grid.add_row(heading, literal(value))
        parts += [Text(""), literal(f"{role.name} and {other.name}: how the levels differ",
                                    "bold"), grid]
    if any(row.differs for row in result.rows):
        parts.append(Text(f"{DIFF_MARK} marks the dimensions on which the roles differ.",
                          style="dim"))
    scale = _compare_scale(result)
    if scale:
        parts.append(Text(bar_legend(scale), style="dim"))
    parts.append(source_line(result.releases))
    return Group(*parts)


def _compare_scale(result: Comparison) -> tuple[float, float] | None:
    shows_pay = any(row.key == "pay" for row in result.rows)
    return bar_scale([p.pay for p in result.profiles]) if shows_pay else None


def _compare_cells(result: Comparison, row: CompareRow) -> list[Text]:
    cells = [_lines(v, row.key in _BULLETED) for v in row_values(result, row)]
    scale = _compare_scale(result)
    if row.key == "pay" and scale:
        for cell, profile in zip(cells, result.profiles, strict=True):
            bar = pay_bar(profile.pay, *scale)
            if bar:
                cell.append("\n" + bar, style="cyan")
    return cells


def _compare_label(row: CompareRow) -> Text:
    label = Text(f"{DIFF_MARK} " if row.differs else "  ")
    label.append(LABELS[row.key])
    if row.differs:
        label.stylize("yellow")
    return label


def _comparison_stacked(result: Comparison) -> RenderableType:
    """One block per dimension, each role's lines under its name: for narrow terminals, where
    side-by-side columns would break words."""
    blocks: list[RenderableType] = []
    head = Text()
    for i, role in enumerate(result.roles):
        head.append_text(literal(("" if i == 0 else "  vs  ") + role.name, "bold"))
    blocks += [head, Text("")]
    for row in result.rows:
        label = _compare_label(row)
        label.stylize("bold")
        blocks.append(label)
        for role, cell in zip(result.roles, _compare_cells(result, row), strict=True):
            blocks.append(Padding(literal(role.name, "dim"), (0, 0, 0, 2)))
            blocks.append(Padding(cell, (0, 0, 0, 4)))
    return Group(*blocks)


def _comparison_table(result: Comparison) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, show_lines=True, pad_edge=False)
    many = len(result.roles) > 2
    table.add_column("", style="bold", max_width=12 if many else 19)
    for role in result.roles:
        header = literal(role.name, "bold")
        if not many:  # with three or more columns ids would break mid-word; JSON has them
            header.append("\n")
            header.append_text(literal(role.id, "dim"))
        table.add_column(header, ratio=1, min_width=12, overflow="fold")
    for row in result.rows:
        table.add_row(_compare_label(row), *_compare_cells(result, row))
    return table


def profile_view(result: Profile) -> RenderableType:
    role = result.role
    title = literal(role.name, "bold")
    title.append("  ")
    title.append_text(literal(role.id, "dim"))
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold", no_wrap=True)
    meta.add_column(overflow="fold")
    kind = role.kind + (f" of {role.parent}" if role.parent else "")
    meta.add_row("Tier", literal(TIER_WORDS[role.tier]))
    meta.add_row("Kind", literal(f"{kind}; family: {role.family}" if role.family else kind))
    soc = role.soc_code or "none"
    if role.soc_note:
        soc += f" ({role.soc_note})"
    meta.add_row("SOC code", literal(soc))
    if role.aliases:
        meta.add_row("Also called", literal(", ".join(role.aliases)))
    if role.summary:
        meta.add_row("Summary", literal(" ".join(role.summary.split())))
    if role.education:
        meta.add_row("Training", literal(" ".join(role.education.path.split())))
    from rolecmp.compare import DIMENSIONS  # not at import: listings need none of compare

    for dim in DIMENSIONS:
        lines = dimension_lines(dim.key, result)
        if dim.key == "duties" and role.scope:
            lines = [f"{name}: {'; '.join(items)}" for name, items in role.scope.duties.groups()]
        elif dim.key == "certification" and role.certification:
            lines = [lines[0], *(f"{c.abbreviation}: {c.name}, {c.body}"
                                 for c in role.certification.credentials)]
        elif dim.key == "paths" and role.next_steps:
            lines = [f"{s.role}: {s.how}" for s in role.next_steps]
        cell = _lines(lines, dim.key in _BULLETED)
        scale = bar_scale([result.pay]) if dim.key == "pay" else None
        if scale:
            cell.append(f"\n{pay_bar(result.pay, *scale)}", style="cyan")
            cell.append(f"\n{bar_legend(scale)}", style="dim")
        if dim.key == "outlook" and result.entry is not None:
            cell.append(f"\nBLS: work experience {result.entry.work_experience.lower()}; "
                        f"on-the-job training {result.entry.on_the_job_training.lower()}")
        meta.add_row(LABELS[dim.key], cell)
    if role.counterpart:
        c = role.counterpart
        meta.add_row("Counterpart", _lines([c.role, f"education: {c.education}",
                                            f"credential: {c.credential}",
                                            f"scope: {c.scope}"], bullets=False))
    for label, lines in dataset_rows(result):
        meta.add_row(label, _lines(lines, bullets=False))
    if role.sources:
        primary = [s for s in role.sources if s.type == "primary"]
        sources = Text()
        for source in primary:
            sources.append_text(literal(f"• {source.title}\n"))
            # A URL is never wrapped, so it can be clicked or copied whole.
            sources.append("  ")
            sources.append_text(Text(f"{printable(source.url)}\n", no_wrap=True,
                                     overflow="ignore", style=link_style(source.url)))
        secondary = len(role.sources) - len(primary)
        sources.append(f"{len(primary)} primary and {secondary} secondary sources; "
                       "--format json lists them all", style="dim")
        meta.add_row("Sources", sources)
    return Group(title, Text(""), meta, Text(""), source_line(result.releases))


def dataset_rows(result: Profile) -> list[tuple[str, list[str]]]:
    """The rows of ``show`` that come from O*NET and the CIP crosswalk, for every tier."""
    from rolecmp.dataset import INTERESTS, onet_facts, programs

    rows: list[tuple[str, list[str]]] = []
    facts = onet_facts(result.role.onet_code)
    if facts is not None:
        if facts.interests:
            rows.append(("Interests", [", ".join(INTERESTS.get(c, c) for c in facts.interests)
                                       + f" (O*NET RIASEC code {facts.interests})"]))
        if not facts.rated:
            rows.append(("O*NET ratings", [f"O*NET has not rated the skills and knowledge of "
                                           f"{facts.code} {facts.title}"]))
        if facts.related:
            from rolecmp.dataset import occupation_of_onet

            names = []
            for code in facts.related[:6]:
                # The title wraps between words (a long id would break mid-word); the code is a
                # name rolecmp resolves too.
                related = onet_facts(code)
                found = occupation_of_onet(code)
                title = related.title if related else (found.title if found else "")
                names.append(f"{title} ({code})" if title else code)
            rows.append(("Related (O*NET)", names))
    cip = programs(result.role.soc_code)
    if cip:
        shown = [f"{code} {title}" for code, title in cip[:4]]
        if len(cip) > 4:
            shown.append(f"and {len(cip) - 4} more; --format json lists them all")
        rows.append(("Programs (CIP)", shown))
    return rows


def pay_ranking_view(result: PayRanking) -> RenderableType:
    role = result.role
    national = result.national
    scale = bar_scale([national, *result.states])
    where = {"state": "by state", "metro": "by metropolitan and nonmetropolitan area"}[result.by]
    if result.by == "metro" and result.highlight:
        where += f" in {result.highlight}"
    title = literal(f"{role.name}: median annual pay {where}", "bold")
    if national is not None:
        label = "group figures: " if result.group else ""
        title.append_text(literal(f"\n{label}BLS {national.soc_code} {national.soc_title}",
                                  "dim"))

    def build(with_bar: bool) -> Table:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column("#", justify="right")
        table.add_column("Area")
        table.add_column("Median", justify="right", no_wrap=True)
        if with_bar:
            table.add_column("10th-90th percentile", no_wrap=True)
        table.add_column("Employed", justify="right", no_wrap=True)
        rows = ([("", national)] if national else []) + [
            (str(i), p) for i, p in enumerate(result.states, 1)]
        for rank, pay in rows:
            marked = result.highlighted(pay) and result.by == "state"
            cells: list[RenderableType] = [
                ("▶ " if marked else "") + rank,
                literal(pay.area, "bold" if not rank or marked else ""),
                money(pay.median_annual, pay.markers.get("median_annual"))]
            if with_bar:
                cells.append(Text(pay_bar(pay, *scale) if scale else "", style="cyan"))
            cells.append(count(pay.employment))
            table.add_row(*cells)
        return table

    def legend(with_bar: bool) -> RenderableType:
        return Group(build(with_bar), Text(bar_legend(scale) if with_bar and scale else "",
                                           style="dim"))

    parts: list[RenderableType] = [title, Text(""), Responsive(70, lambda: legend(True),
                                                                 lambda: legend(False))]
    if result.total > len(result.areas):
        parts.append(Text(f"{len(result.areas)} of {result.total} areas; --limit shows more.",
                          style="dim"))
    parts.append(source_line(result.releases))
    return Group(*parts)


def licensure_view(result: LicensureTable) -> RenderableType:
    from rolecmp.render.words import state_licensure_text

    counts = result.counts
    title = literal(f"{result.role_name}: state licensure", "bold")
    summary = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
    blocks: list[RenderableType] = []
    for s in result.states:
        marked = s.state == result.highlight
        head = literal(("▶ " if marked else "") + s.state_name, "bold")
        head.append("  ")
        head.append_text(literal(s.status, "yellow" if s.status == "unknown" else "green"))
        blocks.append(head)
        detail = state_licensure_text(s.to_dict(), with_status=False)
        if detail:
            blocks.append(Padding(literal(detail), (0, 0, 0, 4)))
        if s.source is not None:
            # A URL is never wrapped, so it can be clicked or copied whole.
            line = Text("    ")
            line.append(printable(s.source.url), style=link_style(s.source.url))
            line.no_wrap = True
            line.overflow = "ignore"
            blocks.append(line)
    note = ("Status: license, certification or registration of the individual by the state; "
            "none where a source says the state has none; unknown where no source says. "
            f"Sources read {result.states[0].checked if result.states else ''}; rules change: "
            "check with the state before you apply.")
    return Group(title, literal(f"{len(result.states)} jurisdictions: {summary}", "dim"),
                 Text(""), *blocks, Text(""), Text(note, style="dim"))


def source_list_view(result: SourceList) -> RenderableType:
    parts: list[RenderableType] = []
    for release in result.releases_shown:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        grid.add_row("Release", literal(release.release))
        grid.add_row("Publisher", literal(release.publisher))
        grid.add_row("Published", literal(release.published or "not given"))
        grid.add_row("Licence", literal(release.licence))
        grid.add_row("Used for", literal(release.note))
        # A URL is never wrapped, so it can be clicked or copied whole: a line of its own.
        url = Text("URL        ", style="bold")
        url.append(printable(release.url), style=link_style(release.url))
        url.no_wrap = True
        url.overflow = "ignore"
        parts += [literal(release.title, "bold underline"), grid, url, Text("")]
    parts.append(Text("Role facts (credentials, licensure, education) cite their own pages: "
                      "rolecmp show ROLE lists them.", style="dim"))
    return Group(*parts)


def search_result_view(result: SearchResult) -> RenderableType:
    if not result.hits:
        return literal(f"No role matches {result.query!r}; try fewer or other words, or "
                       "rolecmp list.")
    blocks: list[RenderableType] = []
    for i, hit in enumerate(result.hits, 1):
        # The id never wraps (it is what people copy); what matched wraps under it.
        head = literal(f"{i:>2}. {hit.role.id}", "bold")
        head.append_text(literal(f"  {hit.role.name}" + ("" if hit.role.curated
                                                          else " (dataset)"), "dim"))
        head.no_wrap = True
        head.overflow = "ellipsis"
        blocks.append(head)
        shown = hit.matches[:3]
        matched = literal("\n".join(f"{m.field}: {m.text}" for m in shown))
        if len(hit.matches) > len(shown):
            matched.append(f"\n+{len(hit.matches) - len(shown)} more", style="dim")
        blocks.append(Padding(matched, (0, 0, 0, 4)))
    n = result.total or len(result.hits)
    line = (f"{n} role{'s' if n != 1 else ''} match{'es' if n == 1 else ''} "
            f"{printable(result.query)!r}")
    if n > len(result.hits):
        line += f"; the first {len(result.hits)} are shown (--limit N for more)"
    return Group(*blocks, Text(line, style="dim"))


def report_view(result: Report) -> RenderableType:
    # Plain lines, never wrapped or cropped, so editors and grep can read file:line:column.
    lines = [printable(str(p), newlines=False) for p in result.problems]
    files = f"{len(result.files)} file{'s' if len(result.files) != 1 else ''}"
    if result.ok:
        lines.append(f"{files} checked: no problems.")
    else:
        n = len(result.problems)
        lines.append(f"{n} problem{'s' if n != 1 else ''} in {files} checked.")
    return "\n".join(lines)


def nearest_view(result: Nearest) -> RenderableType:
    title = literal(f"Roles whose work is most like that of: {result.role.name}", "bold")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("#", justify="right")
    table.add_column("Similarity", justify="right", no_wrap=True)
    table.add_column("Role", overflow="fold")
    for i, n in enumerate(result.neighbours, 1):
        role = literal(n.id, "bold")
        if n.name.lower() != n.id.replace("-", " "):
            role.append_text(literal(f"  {n.name}", "dim"))
        table.add_row(str(i), "same O*NET profile" if n.same_profile else f"{n.score:.2f}",
                      role)
    note = ("Similarity: cosine of O*NET skill and knowledge importance (the 8-digit O*NET "
            "occupation's), each rating centred on its mean over all rated occupations (1 = "
            "same emphases, 0 = unrelated).")
    if result.approximate:
        note += " Approximate: this role's profile averages several O*NET occupations."
    return Group(title, Text(""), table, Text(note, style="dim"), source_line(result.releases))


def move_view(result: Move) -> RenderableType:
    title = literal(f"From {result.start.role.name} to {result.goal.role.name}", "bold")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    from rolecmp.render.words import move_lines

    for heading, text in move_lines(result):
        grid.add_row(literal(heading), literal(text))
    return Group(title, Text(""), grid, Text(""), source_line(result.releases))


def fit_result_view(result: FitResult) -> RenderableType:
    from rolecmp.render.words import fit_answers, fit_notes, fit_reason

    data = result.to_dict()
    title = literal("Roles for: " + fit_answers(data["answers"]), "bold")
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("Role", no_wrap=True)
    table.add_column("Score", justify="right")
    table.add_column("Why", overflow="fold")
    for row in data["ranking"]:
        name = row["name"] + ("" if row["tier"] != "dataset" else "\n(not curated)")
        table.add_row(str(row["rank"]), literal(f"{row['id']}\n{name}"), str(row["score"]),
                      literal("\n".join(fit_reason(r) for r in row["reasons"])))
    notes = fit_notes(result)
    return Group(title, Text(""), table, Text(" ".join(notes), style="dim"),
                 source_line(result.releases))


class Responsive:
    """Renders ``wide`` when the console has at least ``min_width`` columns, else ``narrow``."""

    def __init__(self, min_width: int, wide: Callable[[], RenderableType],
                 narrow: Callable[[], RenderableType]) -> None:
        self.min_width = min_width
        self.wide = wide
        self.narrow = narrow

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.wide() if options.max_width >= self.min_width else self.narrow()


def listing_view(result: Listing) -> RenderableType:
    if len(result.rows) > LONG_LISTING:
        return _listing_lines(result)
    parts: list[RenderableType] = [
        Responsive(110, lambda: _listing_table(result), lambda: _listing_stacked(result))]
    if result.which == "specialties":
        parts.append(Text("* a less common specialty", style="dim"))
    if result.releases and any(r.entry.soc_group for r in result.rows):
        parts.append(Text(f"{GROUP_MARK} the figure of the broader BLS group the role is counted "
                          "in (rolecmp show ROLE names it)", style="dim"))
    parts.append(Text(coverage_line(result), style="dim"))
    parts.append(source_line(result.releases))
    return Group(*parts)


#: Above this many roles a listing is plain lines, one per role: Rich lays out about 3,000
#: roles a second here, and a catalog of 10,000 must list within a second (benchmarks/).
LONG_LISTING = 500


def _listing_lines(result: Listing) -> str:
    """One plain line per role: id, name, family, the sorted-by figure, first sentence."""
    lines = []
    for row in result.rows:
        e = row.entry
        figure = _sort_figure(result, row)
        star = " *" if result.which == "specialties" and e.less_common else ""
        origin = f"  [{row.origin}: {e.path}]" if result.show_origin else ""
        lines.append(printable(f"{e.id}  {e.name}{star} ({_family(e)})"
                               + (f"  {figure}" if figure else "")
                               + f"  {_summary(e)}{origin}", newlines=False))
    lines.append(coverage_line(result))
    if result.releases:
        lines.append(source_line(result.releases).plain)
    return "\n".join(lines)


GROUP_MARK = "†"


def _family(entry: Entry) -> str:
    return entry.family or "dataset"


def _summary(entry: Entry) -> str:
    if entry.summary:
        return first_sentence(entry.summary)
    return f"Not curated: BLS SOC {entry.soc_code}, with BLS and O*NET figures only."


def coverage_line(result: Listing) -> str:
    """How many roles are listed, and what the catalog covers."""
    curated, dataset = result.counts
    shown = f"{len(result.rows)} {result.which}"
    if result.tiers == "all":
        return (f"{shown} listed; the catalog has {curated} curated roles and {dataset} more "
                "occupations from the BLS and O*NET datasets (tier 'dataset')")
    return (f"{shown} listed, of {curated} curated; rolecmp list --all adds {dataset} more "
            "occupations from the BLS and O*NET datasets")


def _sort_figure(result: Listing, row: ListingRow) -> str:
    group = f" {GROUP_MARK}" if row.entry.soc_group else ""
    if result.sort == "median":
        return money(row.median_annual) + group if row.median_annual is not None else "unknown"
    if result.sort == "growth":
        pct = row.employment_change_pct
        return f"{pct:+.1f}%{group}" if pct is not None else "unknown"
    if result.sort == "openings":
        return (count(row.annual_openings) + group if row.annual_openings is not None
                else "unknown")
    return ""


def _grid(rows: Sequence[tuple[str, str]], indent: int = 2) -> RenderableType:
    """Label-value lines whose values wrap under themselves, not under the label."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(literal(label), literal(value))
    return Padding(grid, (0, 0, 0, indent))


def _verdict_details(result: Comparison) -> list[RenderableType]:
    """Reasons, the O*NET similarity of each pair and the work activities side by side."""
    names = {r.id: r.name for r in result.roles}
    out: list[RenderableType] = []
    if reason_texts(result):
        out.append(_grid([("•", r) for r in reason_texts(result)]))
    if result.similarities:
        out += [Text(""), Text("How alike the work is (O*NET skills and knowledge; "
                               "1 = same emphases, 0 = unrelated)", style="bold")]
        rows = []
        for sim in result.similarities:
            if sim.same_profile:
                rows.append((f"{names[sim.a]} ~ {names[sim.b]}:",
                             f"one O*NET profile ({sim.same_profile}) describes both; O*NET "
                             "cannot tell their work apart"))
                continue
            note = " (approximate: a profile averages several O*NET occupations)" \
                if sim.approximate else ""
            rows.append((f"{names[sim.a]} ~ {names[sim.b]}:", f"{sim.score:.2f}{note}"))
            if len(result.similarities) == 1:
                rows.append(("  shared most:", "; ".join(d.element for d in sim.shared)
                             or "nothing above average for both"))
                rows.append(("  sets apart:", "; ".join(
                    f"{d.element} ({d.ratings[0]:.1f} vs {d.ratings[1]:.1f})"
                    for d in sim.apart)))
        out.append(_grid(rows))
    acts = result.activities
    if acts is not None:
        out += [Text(""), Text("Work activities (O*NET importance: 3.5+ performed, under 3.0 "
                               "not)", style="bold")]
        more = f" (+{len(acts.shared) - 6} more)" if len(acts.shared) > 6 else ""
        rows = [("both:" if len(result.roles) == 2 else "all:",
                 "; ".join(acts.shared[:6]) + more if acts.shared else "none")]
        rows += [(f"only {names[role_id]}:", "; ".join(only) or "none")
                 for role_id, only in acts.only]
        out.append(_grid(rows))
    return out


_SORT_HEADERS = {"median": "Median pay", "growth": "Jobs 2024-34", "openings": "Openings/yr"}


def _listing_name(result: Listing, entry: Entry) -> Text:
    name = literal(entry.name)
    if result.which == "specialties" and entry.less_common:
        name.append(" *", style="yellow")
    return name


def _listing_stacked(result: Listing) -> RenderableType:
    """One block per role, for narrow terminals."""
    blocks: list[RenderableType] = []
    for row in result.rows:
        entry = row.entry
        # The id line never wraps (ids are what people copy); the rest wraps under it.
        head = literal(entry.id, "bold")
        figure = _sort_figure(result, row)
        if figure:
            head.append(f"  {figure}", style="cyan")
        head.no_wrap = True
        head.overflow = "ellipsis"
        blocks.append(head)
        body = _listing_name(result, entry)
        body.append_text(literal(f" ({_family(entry)}). ", "dim"))
        body.append_text(literal(_summary(entry)))
        blocks.append(Padding(body, (0, 0, 0, 2)))
        if result.show_origin:
            blocks.append(Padding(literal(f"from {row.origin}: {entry.path}", "dim"),
                                  (0, 0, 0, 2)))
    return Group(*blocks)


def _listing_table(result: Listing) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    table.add_column("ID", no_wrap=True, style="bold")
    # Names wrap within a bounded column, so the summary keeps the room prose needs.
    table.add_column("Name", max_width=26)
    table.add_column("Family", no_wrap=True)
    figure_header = _SORT_HEADERS.get(result.sort)
    if figure_header:
        table.add_column(figure_header, justify="right", no_wrap=True)
    # With --origin, where each role comes from replaces its summary.
    table.add_column("From" if result.show_origin else "Summary", ratio=1, min_width=20,
                     overflow="fold")
    for row in result.rows:
        entry = row.entry
        cells = [literal(entry.id), _listing_name(result, entry), literal(_family(entry))]
        if figure_header:
            cells.append(Text(_sort_figure(result, row)))
        cells.append(literal(f"{row.origin}: {entry.path}") if result.show_origin
                     else literal(_summary(entry)))
        table.add_row(*cells)
    return table


class TableRenderer(Renderer[RenderableType]):
    """The view of each kind of result."""

    def comparison(self, result: Comparison) -> RenderableType:
        return comparison_view(result)

    def profile(self, result: Profile) -> RenderableType:
        return profile_view(result)

    def listing(self, result: Listing) -> RenderableType:
        return listing_view(result)

    def pay_ranking(self, result: PayRanking) -> RenderableType:
        return pay_ranking_view(result)

    def licensure_table(self, result: LicensureTable) -> RenderableType:
        return licensure_view(result)

    def search_result(self, result: SearchResult) -> RenderableType:
        return search_result_view(result)

    def nearest(self, result: Nearest) -> RenderableType:
        return nearest_view(result)

    def move(self, result: Move) -> RenderableType:
        return move_view(result)

    def fit_result(self, result: FitResult) -> RenderableType:
        return fit_result_view(result)

    def source_list(self, result: SourceList) -> RenderableType:
        return source_list_view(result)

    def report(self, result: Report) -> RenderableType:
        return report_view(result)
