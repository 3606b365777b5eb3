"""Standalone HTML pages a counselor can print or send: inline styles, no scripts, nothing loaded
from the network (links are only followed when clicked), a print stylesheet. Every text from
data is escaped; only http(s) addresses become links.

Every page names its roles in its title and heading, labels its figures in words, links each
credential and source to the page that states it, and ends with one "Sources" section.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rolecmp import __version__
from rolecmp.render.base import Renderer
from rolecmp.render.labels import NOT_CURATED_NOTE, credential_name, label
from rolecmp.render.printable import printable
from rolecmp.render.words import LABELS, dimension_lines, reason_texts, row_values, verdict_text

if TYPE_CHECKING:  # results are imported for their types only (see render/base.py)
    from rolecmp.compare import Comparison
    from rolecmp.figures import Pay
    from rolecmp.fit import FitResult
    from rolecmp.licensure import LicensureTable, StateLicensure
    from rolecmp.listing import Listing
    from rolecmp.model import Role
    from rolecmp.path import Move
    from rolecmp.pay import PayRanking
    from rolecmp.profile import Profile
    from rolecmp.render.base import Renderable
    from rolecmp.search import SearchResult
    from rolecmp.similarity import Nearest
    from rolecmp.sources import SourceList
    from rolecmp.validate import Report

# Tables have a fixed layout at 100% of the page and long words and addresses may break
# anywhere, so no page is wider than the window, at 1200 px or on a phone. Below 40rem, cells
# marked "wide" give way to "narrow" ones (four percentile columns to one 10th-90th column).
# In print: no background colours, no row split across pages, each link's address after its
# text.
STYLE = """
*,*::before,*::after{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;
max-width:72rem;padding:0 1rem;color:#1b1f24;background:#fff;line-height:1.45;
overflow-wrap:break-word}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin:1.6rem 0 .4rem}
h3{font-size:1rem;margin:1rem 0 .3rem}p{margin:.4rem 0}
a{color:#0a4fb4;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.6rem 0}
th,td{border:1px solid #d0d7de;padding:.4rem .55rem;text-align:left;vertical-align:top;
overflow-wrap:anywhere}
thead th{background:#f3f5f7}
th.num,td.num{text-align:right;font-variant-numeric:tabular-nums;width:7.2rem}
tbody th{font-weight:normal}
th.rank,td.rank{text-align:right;width:2.6rem}th.label{width:11rem}.narrow{display:none}
tr.differs th[scope=row]{background:#fff4cc}
tr.differs th[scope=row]::before,section.differs h3::before{content:"\\2260\\a0"}
.stacked h3{background:#f3f5f7;padding:.2rem .4rem;margin:1rem 0 .3rem}
.stacked section.differs h3{background:#fff4cc}
tr.marked td,tr.marked th{background:#fff4cc}tr.marked th{font-weight:600}
th.state{width:9rem}th.status{width:8.5rem}th.source{width:28%}th.role{width:22%}
th.code{width:6.5rem}th.edu{width:13%}th.half{width:35%}th.num.short{width:6rem}
tr.national td,tr.national th{font-weight:600}
ul,ol{margin:0;padding-left:1.2rem}li{margin:.1rem 0}
.sub,.muted{color:#57606a}.nw{white-space:nowrap}.muted{font-size:.9rem}
th .muted{font-size:.85em;font-weight:normal}
.nc{color:#57606a;font-style:italic}
.tag{display:inline-block;font-size:.78rem;line-height:1.3;border:1px solid #9a6700;
color:#6b4500;border-radius:.25rem;padding:0 .3rem;margin-left:.25rem;
overflow-wrap:normal;text-align:left}
.verdict{font-weight:600;font-size:1.05rem}
.note{border-left:3px solid #9a6700;padding:.3rem .7rem;margin:.8rem 0;background:#fffaf0}
dl{display:grid;grid-template-columns:minmax(7rem,12rem) minmax(0,1fr);gap:.5rem 1.2rem}
dt{font-weight:600}dd{margin:0;min-width:0}
ol.steps{list-style:none;padding:0}ol.steps h2{margin-top:1.1rem}ol.steps ul{list-style:disc}
footer{margin-top:2rem;border-top:1px solid #d0d7de;padding-top:.6rem}
@media (max-width:40rem){
body{margin:1rem auto;padding:0 .6rem}h1{font-size:1.35rem}
table{font-size:.8rem}thead th{font-size:.75rem}th,td{padding:.3rem .25rem}
th.label{width:5.8rem}ul{padding-left:1rem}
th.num,td.num{width:4.8rem}th.spread{width:4.8rem}th.emp{width:5.4rem}
th.rank,td.rank{width:1.8rem}
.wide{display:none}div.narrow{display:block}
th.state{width:5.5rem}th.status{width:5.8rem}th.role{width:auto}
td.narrow,th.narrow{display:table-cell}p.narrow{display:block}
dl{display:block}dt{margin-top:.7rem}
}
@media print{
body{margin:0;max-width:none;padding:0;font-size:10.5pt;color:#000}
th,td{padding:.3rem .35rem}th.num,td.num{width:6.4em}dl{display:block}dt{margin-top:.6rem}
thead th,tr.differs th[scope=row],tr.marked td,tr.marked th,.note{background:none}
tr.marked>:first-child{border-left:3px solid #000}
tr,li,dt,dd,.note{break-inside:avoid;page-break-inside:avoid}
h1,h2,h3,dt{break-after:avoid;page-break-after:avoid}
thead{display:table-header-group}
a{color:#000;text-decoration:none}
a[href]::after{content:" (" attr(href) ")";font-size:.85em;color:#333;overflow-wrap:anywhere}
td.wide,th.wide{display:table-cell}div.wide{display:block}.narrow{display:none}
@page{margin:1.5cm}
}
"""

_LINKABLE = re.compile(r"https?://[!-~]+\Z")


def _e(value: Any) -> str:
    return html.escape(printable(str(value)), quote=True)


def link(text: str, url: str) -> str:
    """``text`` linked to ``url`` when it is an http(s) address; else the text and the address
    as plain text (nothing else is ever made clickable)."""
    if _LINKABLE.match(url):
        return f'<a href="{_e(url)}">{_e(text)}</a>'
    return f"{_e(text)} ({_e(url)})"


def _text(line: str) -> str:
    """A line of a view; "not curated" and "unknown" are shown as such."""
    from rolecmp.render.words import NOT_CURATED

    if line == NOT_CURATED or line.startswith(("unknown", "program length not curated")):
        return f'<span class="nc">{_e(line)}</span>'
    return _e(line)


def _cell(lines: Sequence[str]) -> str:
    if len(lines) == 1:
        return _text(lines[0])
    return "<ul>" + "".join(f"<li>{_text(line)}</li>" for line in lines) + "</ul>"


def _tag(text: str) -> str:
    return f'<span class="tag">{_e(text)}</span>'


def _release_items(release_ids: Sequence[str]) -> list[str]:
    from rolecmp import figures

    return [f"<li>{link(r.title, r.url)}, {_e(r.publisher)}, release {_e(r.release)}"
            + (f", published {_e(r.published)}" if r.published else "")
            + f" <span class=\"muted\">({_e(r.licence)})</span></li>"
            for r in map(figures.release, release_ids)]


def _role_source_items(role: Role) -> list[str]:
    return [f"<li>{link(s.title, s.url)} <span class=\"muted\">({_e(s.type)})</span></li>"
            for s in role.sources]


def _sources(release_ids: Sequence[str], roles: Sequence[Role] = (),
             extra: Sequence[tuple[str, Sequence[str]]] = ()) -> str:
    """The page's one "Sources" section: what each role file cites, the other pages ``extra``
    names (heading, ``<li>`` items), and the data releases behind the figures."""
    sections: list[tuple[str, list[str]]] = [
        (f"{role.name}: the role file's sources", _role_source_items(role))
        for role in roles if role.sources]
    sections += [(heading, list(items)) for heading, items in extra if items]
    if release_ids:
        sections.append(("Figures", _release_items(release_ids)))
    if not sections:
        return ""
    if len(sections) == 1:
        return f"<h2>Sources</h2><ul>{''.join(sections[0][1])}</ul>"
    return "<h2>Sources</h2>" + "".join(f"<h3>{_e(heading)}</h3><ul>{''.join(items)}</ul>"
                                        for heading, items in sections)


def _page(title: str, body: str, sources: str, release_ids: Sequence[str] = ()) -> str:
    wages = " Annual wages are BLS hourly wages x 2,080." if any(
        r.startswith("oews") for r in release_ids) else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{_e(title)}</title><style>{STYLE}</style></head>\n<body>\n"
        f"<h1>{_e(title)}</h1>\n{body}\n{sources}\n"
        f"<footer class=\"muted\">Made with rolecmp {_e(__version__)}.{wages} Descriptions are "
        "rolecmp's own words; credentials and sources link to the pages that state them."
        "</footer>\n</body></html>\n"
    )


def render_html(result: Renderable) -> str:
    """The standalone page for ``result``."""
    page: str = result.render_with(HtmlRenderer())
    return page


def _records_table(result: Any) -> str:
    """A result's records as a table with readable headers (see render/text.py ``records``)."""
    from rolecmp.render.text import records

    headers, rows = records(result)
    rank = ' class="rank"'
    head = "".join(f"<th scope=\"col\"{rank if h == 'rank' else ''}>{_e(label(h))}</th>"
                   for h in headers)
    body = "".join("<tr>" + "".join(
        f"<td{rank if h == 'rank' else ''}>{_e(c)}</td>"
        for h, c in zip(headers, row, strict=True)) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _role_line(role: Role, soc_note: bool = True) -> str:
    from rolecmp.render.table import TIER_WORDS

    kind = role.kind + (f" of {role.parent}" if role.parent else "")
    parts = [f"<code>{_e(role.id)}</code>", _e(f"Tier: {TIER_WORDS.get(role.tier, role.tier)}"),
             _e(kind + (f"; family: {role.family}" if role.family else ""))]
    soc = f"<span class=\"nw\">SOC code {_e(role.soc_code or 'none')}</span>"
    if role.soc_note and soc_note:
        soc += f" ({_e(role.soc_note)})"
    parts.append(soc)
    return f"<p class=\"sub\">{' · '.join(parts)}</p>"


# -- compare --------------------------------------------------------------------------------

_BESIDE = ("group figure", "derived:")


def _figure_cell(lines: Sequence[str]) -> str:
    """Pay, outlook or industry lines, with the group or derived label beside the figure."""
    main = [line for line in lines if not line.startswith(_BESIDE)]
    tags = "".join(_tag(line) for line in lines if line.startswith(_BESIDE))
    if not main:
        return tags
    if len(main) == 1:
        return _text(main[0]) + tags
    return ("<ul>" + f"<li>{_text(main[0])}{tags}</li>"
            + "".join(f"<li>{_text(line)}</li>" for line in main[1:]) + "</ul>")


def _credentials(role: Role) -> str:
    """The role's certification: its status, then each credential linked to its source."""
    from rolecmp.render.words import NOT_CURATED

    cert = role.certification
    if cert is None:
        return _text(NOT_CURATED)
    items = "".join(f"<li>{link(credential_name(c.abbreviation, c.body), c.source)}: "
                    f"{_e(c.name)}, {_e(c.body)}</li>" for c in cert.credentials)
    return f"{_e(cert.status.capitalize())}" + (f"<ul>{items}</ul>" if items else
                                                 ": none listed")


def _comparison(result: Comparison) -> str:
    head = "<tr><th class=\"label\"></th>" + "".join(
        f"<th scope=\"col\">{_e(r.name)}<br><span class=\"muted\">{_e(r.id)} · "
        f"{_e(r.tier)}</span></th>" for r in result.roles) + "</tr>"
    rows, stacked = [], []
    for row in result.rows:
        if row.key == "certification":
            cells = [_credentials(p.role) for p in result.profiles]
        elif row.key in ("pay", "outlook", "industries"):
            cells = [_figure_cell(v) for v in row_values(result, row)]
        else:
            cells = [_cell(v) for v in row_values(result, row)]
        state = {True: "differs", False: "same", None: "not-compared"}[row.differs]
        rows.append(f"<tr class=\"{state}\"><th scope=\"row\">{_e(LABELS[row.key])}</th>"
                    + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        stacked.append(f"<section class=\"{state}\"><h3>{_e(LABELS[row.key])}</h3><dl>" + "".join(
            f"<dt>{_e(r.name)}</dt><dd>{c}</dd>" for r, c in zip(result.roles, cells,
                                                                 strict=True)) + "</dl></section>")
    table = f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
    if len(result.roles) > 2:
        # Three columns or more are too narrow on a phone: there, each dimension in turn.
        table = (f"<div class=\"wide\">{table}</div>"
                 f"<div class=\"narrow stacked\">{''.join(stacked)}</div>")
    reasons = "".join(f"<li>{_e(r)}</li>" for r in reason_texts(result))
    names = {r.id: r.name for r in result.roles}
    sims = ""
    for s in result.similarities:
        pair = f"{_e(names.get(s.a, s.a))} ~ {_e(names.get(s.b, s.b))}: "
        if s.same_profile:
            sims += (f"<li>{pair}one O*NET profile ({_e(s.same_profile)}) describes both; "
                     "O*NET cannot tell their work apart</li>")
            continue
        sims += (f"<li>{pair}<strong>{s.score:.2f}</strong>"
                 + (" (approximate: a profile averages several O*NET occupations)"
                    if s.approximate else "")
                 + f"; shared most: {_e('; '.join(d.element for d in s.shared))}; sets apart: "
                 f"{_e('; '.join(d.element for d in s.apart))}</li>")
    acts = result.activities
    if acts is not None:
        items = [("Both" if len(result.roles) == 2 else "All", list(acts.shared))]
        items += [(f"Only {names.get(role_id, role_id)}", list(only))
                  for role_id, only in acts.only]
        activities = ("<h2>Work activities</h2><p class=\"muted\">O*NET importance: 3.5 or "
                      "more performed, under 3.0 not.</p><dl>" + "".join(
                          f"<dt>{_e(k)}</dt><dd>{_e('; '.join(v) or 'none')}</dd>"
                          for k, v in items) + "</dl>")
    else:
        activities = ""
    levels = ""
    for role, other in result.counterparts:
        c = role.counterpart
        assert c is not None
        levels += (f"<h2>{_e(role.name)} and {_e(other.name)}: how the levels differ</h2><dl>"
                   + "".join(f"<dt>{k}</dt><dd>{_e(v)}</dd>" for k, v in (
                       ("Education", c.education), ("Credential", c.credential),
                       ("Scope", c.scope))) + "</dl>")
    body = (f"<p class=\"verdict\">{_e(verdict_text(result))}</p>"
            + (f"<ul>{reasons}</ul>" if reasons else "")
            + table
            + "<p class=\"muted\">&#8800; marks the dimensions on which the roles differ; rows "
              "without it are the same, or (free text) shown side by side without a verdict. "
              "\"Not curated\": no role file describes it.</p>"
            + levels
            + ("<h2>How alike the work is</h2><p class=\"muted\">O*NET skills and knowledge; "
               f"1 = same emphases, 0 = unrelated.</p><ul>{sims}</ul>" if sims else "")
            + activities)
    title = "Compare: " + " / ".join(r.name for r in result.roles)
    return _page(title, body, _sources(result.releases, result.roles), result.releases)


# -- show -----------------------------------------------------------------------------------

_PERCENTILES = ("p10_annual", "p25_annual", "p75_annual", "p90_annual")


def _pay_table(pays: Sequence[tuple[str, Pay]], group: str | None = None,
               marked: frozenset[int] = frozenset(), national: bool = False) -> str:
    """Rows of pay figures (rank or "", Pay), with readable headers; ``group`` is the tag put
    beside the national median when BLS's figures are for a broader group."""
    from rolecmp.render.words import count, money

    ranked = any(rank for rank, _ in pays)
    head = (("<th class=\"rank\" scope=\"col\">#</th>" if ranked else "")
            + "<th scope=\"col\">Area</th><th class=\"num\" scope=\"col\">Median</th>"
            "<th class=\"num narrow spread\" scope=\"col\">10th-90th pct</th>"
            + "".join(f"<th class=\"num wide\" scope=\"col\">{name} pct</th>"
                      for name in ("10th", "25th", "75th", "90th"))
            + "<th class=\"num emp\" scope=\"col\">Employed</th>")
    rows = []
    for i, (rank, pay) in enumerate(pays):
        classes = ["marked"] if i in marked else []
        if not rank and national:
            classes.append("national")
        median = _e(money(pay.median_annual, pay.markers.get("median_annual")))
        spread = [money(getattr(pay, key), pay.markers.get(key)) for key in _PERCENTILES]
        if group and not rank:
            median += _tag(group)
        cells = ((f"<td class=\"rank\">{_e(rank)}</td>" if ranked else "")
                 + f"<th scope=\"row\">{'&#9654; ' if i in marked else ''}{_e(pay.area)}</th>"
                 + f"<td class=\"num\">{median}</td>"
                 + f"<td class=\"num narrow\">{_e(spread[0])}&#8211;<br>{_e(spread[-1])}</td>"
                 + "".join(f"<td class=\"num wide\">{_e(value)}</td>" for value in spread)
                 + f"<td class=\"num\">{_e(count(pay.employment))}</td>")
        rows.append(f"<tr class=\"{' '.join(classes)}\">{cells}</tr>" if classes
                    else f"<tr>{cells}</tr>")
    return (f"<table class=\"pay\"><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def _state_licensure(s: StateLicensure) -> str:
    """One state's licensure in words, with the state's (or profession's) page linked."""
    from rolecmp.render.words import state_licensure_text

    text = _e(f"{s.state_name}: {state_licensure_text(s.to_dict())}")
    if s.status == "unknown":
        text = f"<span class=\"nc\">{text}</span>"
    compacts = "".join(f"<li>{link(c.name, c.source.url)}</li>" for c in s.compacts)
    source = (f"<br>Source: {link(s.source.title, s.source.url)}" if s.source else "")
    return (text + source + f" <span class=\"muted\">(read {_e(s.checked)})</span>"
            + (f"<br>Compacts:<ul>{compacts}</ul>" if compacts else ""))


def _profile(result: Profile) -> str:
    from rolecmp.compare import DIMENSIONS
    from rolecmp.render.table import dataset_rows
    from rolecmp.render.words import NOT_CURATED

    role = result.role
    items: list[tuple[str, str]] = []
    if role.education:
        items.append(("Training", _e(" ".join(role.education.path.split()))))
    not_curated: list[str] = []
    for dim in DIMENSIONS:
        lines = dimension_lines(dim.key, result)
        if lines == [NOT_CURATED]:
            not_curated.append(LABELS[dim.key].lower())
            continue
        if dim.key == "duties" and role.scope:
            value = "<ul>" + "".join(f"<li><strong>{_e(name.capitalize())}</strong>: "
                                     f"{_e('; '.join(duties))}</li>"
                                     for name, duties in role.scope.duties.groups()) + "</ul>"
        elif dim.key == "certification":
            value = _credentials(role)
        elif dim.key == "licensure":
            value = ""
            if result.state_licensure is not None:
                value = f"<p>{_state_licensure(result.state_licensure)}</p>"
                lines = lines[1:]
            value += _cell(lines)
        elif dim.key == "paths" and role.next_steps:
            value = _cell([f"{s.role}: {' '.join(s.how.split())}" for s in role.next_steps])
        elif dim.key == "pay" and result.pay is not None:
            group = (f"group figure: BLS {result.pay.soc_code} {result.pay.soc_title}"
                     if result.group_figures else None)
            value = _pay_table([("", result.pay)], group)
        elif dim.key == "outlook" and result.entry is not None:
            value = _figure_cell([*lines, f"BLS: work experience "
                                  f"{result.entry.work_experience.lower()}; on-the-job training "
                                  f"{result.entry.on_the_job_training.lower()}"])
        elif dim.key in ("pay", "outlook", "industries"):
            value = _figure_cell(lines)
        else:
            value = _cell(lines)
        items.append((LABELS[dim.key], value))
    if role.counterpart:
        c = role.counterpart
        items.append(("Counterpart", _cell([c.role, f"education: {c.education}",
                                            f"credential: {c.credential}",
                                            f"scope: {c.scope}"])))
    items += [(name, _cell(lines)) for name, lines in dataset_rows(result)]
    if not_curated:
        items.append(("Not curated", f"<span class=\"nc\">{_e(', '.join(not_curated))}</span>"))
    body = _role_line(role)
    if role.aliases:
        body += f"<p class=\"sub\">Also called: {_e(', '.join(role.aliases))}</p>"
    if not role.curated:
        body += f"<p class=\"note\">{_e(NOT_CURATED_NOTE)}</p>"
    if role.summary:
        body += f"<p>{_e(' '.join(role.summary.split()))}</p>"
    body += "<dl>" + "".join(f"<dt>{_e(k)}</dt><dd>{v}</dd>" for k, v in items) + "</dl>"
    extra = []
    state = result.state_licensure
    if state is not None:
        extra.append((f"Licensure in {state.state_name}", _licensure_sources([state])))
    return _page(role.name, body, _sources(result.releases, [role], extra), result.releases)


# -- pay ------------------------------------------------------------------------------------

def _pay_ranking(result: PayRanking) -> str:
    role = result.role
    where = {"state": "by state", "metro": "by metropolitan and nonmetropolitan area"}[result.by]
    if result.by == "metro" and result.highlight:
        where += f" in {result.highlight}"
    title = f"{role.name}: median annual pay {where}"
    body = _role_line(role, soc_note=False)
    national = result.national
    group = None
    if national is not None:
        body += (f"<p>BLS occupation: {_e(national.soc_code)} {_e(national.soc_title)}"
                 f" ({_e(national.area)} median {_e(_money(national))}).</p>")
        if result.group:
            group = "group figures"
            body += (f"<p class=\"note\">Group figures: BLS publishes pay for "
                     f"{_e(national.soc_code)} {_e(national.soc_title)}, a broader group "
                     f"than {_e(role.name)}; every figure below is the group's.</p>")
    rows = ([("", national)] if national else []) + [
        (str(i), p) for i, p in enumerate(result.areas, 1)]
    marked = frozenset(i for i, (_, p) in enumerate(rows)
                       if result.by == "state" and result.highlighted(p))
    body += _pay_table(rows, group, marked, national=True)
    notes = ["Annual pay, 10th to 90th percentile: a tenth of workers earn less than the 10th "
             "percentile, a tenth more than the 90th."]
    if result.total > len(result.areas):
        notes.append(f"{len(result.areas)} of {result.total} areas shown; --limit shows more.")
    if marked:
        notes.append(f"&#9654; marks {_e(result.highlight)}.")
    body += "".join(f"<p class=\"muted\">{n if n.startswith('&') else _e(n)}</p>"
                    for n in notes)
    return _page(title, body, _sources(result.releases), result.releases)


def _money(pay: Pay) -> str:
    from rolecmp.render.words import money

    return money(pay.median_annual, pay.markers.get("median_annual"))


# -- licensure ------------------------------------------------------------------------------

def _licensure(result: LicensureTable) -> str:
    from rolecmp.render.words import state_licensure_text

    counts = ", ".join(f"{n} {status}" for status, n in result.counts.items() if n)
    rows = []
    for s in result.states:
        marked = s.state == result.highlight
        detail = state_licensure_text(s.to_dict(), with_status=False)
        compacts = "".join(f"<li>{link(c.name, c.source.url)}</li>" for c in s.compacts)
        status = (f"<span class=\"nc\">{_e(s.status)}</span>" if s.status == "unknown"
                  else _e(s.status))
        source = (link(s.source.title, s.source.url) if s.source
                  else '<span class="nc">none found</span>')
        rows.append(
            f"<tr{' class=marked' if marked else ''}><th scope=\"row\">"
            f"{'&#9654; ' if marked else ''}{_e(s.state_name)}</th><td>{status}</td>"
            f"<td>{_e(detail)}" + (f"<ul>{compacts}</ul>" if compacts else "")
            + f"<p class=\"narrow\">Source: {source}</p></td>"
            f"<td class=\"wide\">{source}</td></tr>")
    head = ("<tr><th scope=\"col\" class=\"state\">State</th>"
            "<th scope=\"col\" class=\"status\">Status</th>"
            "<th scope=\"col\">What the state requires</th>"
            "<th scope=\"col\" class=\"source wide\">Source</th></tr>")
    checked = result.states[0].checked if result.states else ""
    body = (f"<p class=\"sub\"><code>{_e(result.role_id)}</code> · {len(result.states)} "
            f"jurisdictions (the 50 states, DC and Puerto Rico): {_e(counts)}</p>"
            f"<table class=\"licensure\"><thead>{head}</thead><tbody>{''.join(rows)}"
            "</tbody></table>"
            "<p class=\"muted\">Status: license, certification or registration of the individual "
            "by the state; none where a source says the state has none; unknown where no source "
            f"says. Sources read {_e(checked)}; rules change: check with the state before you "
            "apply.</p>")
    extra = [("State and profession pages", _licensure_sources(result.states))]
    return _page(f"{result.role_name}: state licensure", body, _sources((), (), extra))


#: What render/words.py puts after a figure that is BLS's for a broader group.
_GROUP_NOTE = re.compile(r" \[(group figure: [^\]]*)\]")


def _licensure_sources(states: Sequence[StateLicensure]) -> list[str]:
    """The pages behind the states' licensure and their compacts, each once."""
    seen: dict[str, Any] = {}
    for s in states:
        for source in [s.source, *(c.source for c in s.compacts)]:
            if source is not None:
                seen.setdefault(source.url, source)
    return [f"<li>{link(src.title, src.url)} <span class=\"muted\">({_e(src.type)})</span></li>"
            for src in seen.values()]


# -- path -----------------------------------------------------------------------------------

def _move(result: Move) -> str:
    from rolecmp.render.table import TIER_WORDS
    from rolecmp.render.words import move_lines

    start, goal = result.start.role, result.goal.role
    items = []
    for step, (heading, text) in zip(result.steps(), move_lines(result), strict=True):
        v = step.values
        if step.kind == "credential" and v.get("credentials"):
            # The credentials themselves, each linked to its certifying body's page.
            content = "<ul>" + "".join(
                f"<li>{link(credential_name(c['abbreviation'], c['body']), c['source'])}: "
                f"{_e(c['name'])}, {_e(c['body'])}</li>" for c in v["credentials"]) + "</ul>"
        else:
            main = _GROUP_NOTE.sub("", text)
            content = f"<p>{_text(main)}" + "".join(
                _tag(note) for note in _GROUP_NOTE.findall(text)) + "</p>"
        if step.kind == "state_licensure" and v.get("source"):
            content += f"<p>Source: {link(v['source']['title'], v['source']['url'])}</p>"
        items.append(f"<li><h2>{_e(heading)}</h2>{content}</li>")
    body = "".join(f"<p class=\"sub\">{word} <code>{_e(role.id)}</code> · "
                   f"Tier: {_e(TIER_WORDS[role.tier])}</p>"
                   for word, role in (("From", start), ("To", goal)))
    if not goal.curated:
        body += f"<p class=\"note\">{_e(NOT_CURATED_NOTE)}</p>"
    body += f"<ol class=\"steps\">{''.join(items)}</ol>"
    return _page(f"From {start.name} to {goal.name}", body,
                 _sources(result.releases, [goal]), result.releases)


# -- the other results ----------------------------------------------------------------------

def _listing(result: Listing) -> str:
    from rolecmp.render.words import money

    head = ("<tr><th scope=\"col\" class=\"role\">Role</th>"
            "<th scope=\"col\" class=\"code wide\">SOC code</th>"
            "<th class=\"num short\" scope=\"col\">Median pay</th>"
            "<th class=\"num short wide\" scope=\"col\">Job growth</th>"
            "<th scope=\"col\" class=\"edu wide\">BLS entry education</th>"
            "<th scope=\"col\" class=\"wide\">Summary</th></tr>")
    rows = []
    for row in result.rows:
        e = row.entry
        median = _e(money(row.median_annual) if row.median_annual is not None else "unknown")
        if row.group_figures and row.median_annual is not None:
            median += _tag("group figure")
        growth = (f"{row.employment_change_pct:+.1f}%" if row.employment_change_pct is not None
                  else "unknown")
        summary = (_e(" ".join(e.summary.split())) if e.summary
                   else "<span class=\"nc\">not curated</span>")
        # On a phone the summary goes under the role's name instead of in a column of its own.
        rows.append(f"<tr><th scope=\"row\">{_e(e.name)}<br><span class=\"muted\">"
                    f"{_e(e.id)} · {_e(e.tier)}</span><p class=\"narrow\">{summary}</p></th>"
                    f"<td class=\"wide\">{_e(e.soc_code or 'none')}</td>"
                    f"<td class=\"num\">{median}</td><td class=\"num wide\">{_e(growth)}</td>"
                    f"<td class=\"wide\">{_e(row.bls_typical_entry or 'unknown')}</td>"
                    f"<td class=\"wide\">{summary}</td></tr>")
    title = {"specialties": "Technician specialties"}.get(result.which, "Healthcare roles")
    body = f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
    return _page(title, body, _sources(result.releases), result.releases)


def _search(result: SearchResult) -> str:
    rows = "".join(
        f"<tr><td class=\"rank\">{i}</td><th scope=\"row\">{_e(h.role.name)}<br>"
        f"<span class=\"muted\">{_e(h.role.id)} · {_e(h.role.tier)}</span></th>"
        f"<td>{_cell([f'{m.field}: {m.text}' for m in h.matches])}</td></tr>"
        for i, h in enumerate(result.hits, 1))
    body = (f"<table><thead><tr><th class=\"rank\" scope=\"col\">#</th>"
            "<th scope=\"col\" class=\"half\">Role</th><th scope=\"col\">Matched</th></tr>"
            f"</thead><tbody>{rows}</tbody></table>" if rows else
            f"<p>No role matches {_e(repr(result.query))}.</p>")
    return _page(f"Roles matching \u201c{result.query}\u201d", body, "")


def _nearest(result: Nearest) -> str:
    rows = "".join(
        f"<tr><td class=\"rank\">{i}</td><th scope=\"row\">{_e(n.name)}<br>"
        f"<span class=\"muted\">{_e(n.id)}</span></th><td class=\"num\">"
        f"{'same O*NET profile' if n.same_profile else f'{n.score:.2f}'}</td></tr>"
        for i, n in enumerate(result.neighbours, 1))
    from rolecmp.similarity import METHOD

    note = f"Similarity: {METHOD} (1 = same emphases, 0 = unrelated)."
    if result.approximate:
        note += " Approximate: this role's profile averages several O*NET occupations."
    body = (f"<table><thead><tr><th class=\"rank\" scope=\"col\">#</th><th scope=\"col\">Role"
            "</th><th class=\"num\" scope=\"col\">Similarity</th></tr></thead>"
            f"<tbody>{rows}</tbody></table><p class=\"muted\">{_e(note)}</p>")
    return _page(f"Roles whose work is most like {result.role.name}'s", body,
                 _sources(result.releases), result.releases)


def _source_list(result: SourceList) -> str:
    parts = []
    for r in result.releases_shown:
        parts.append(f"<h2>{link(r.title, r.url)}</h2><dl>" + "".join(
            f"<dt>{k}</dt><dd>{_e(v)}</dd>" for k, v in (
                ("Publisher", r.publisher), ("Release", r.release),
                ("Published", r.published or "not given"), ("Licence", r.licence),
                ("Used for", r.note))) + "</dl>")
    parts.append("<p class=\"muted\">Role facts (credentials, licensure, education) cite their "
                 "own pages: each role's page lists them.</p>")
    return _page("Data sources", "".join(parts), "")


def _report(result: Report) -> str:
    n = len(result.problems)
    files = f"{len(result.files)} file{'s' if len(result.files) != 1 else ''}"
    summary = (f"{files} checked: no problems." if result.ok else
               f"{n} problem{'s' if n != 1 else ''} in {files} checked.")
    return _page("Role file check", f"<p>{_e(summary)}</p>{_records_table(result)}", "")


# -- fit ------------------------------------------------------------------------------------

def _fit(result: FitResult) -> str:
    from rolecmp.render.words import fit_answers, fit_notes, fit_reason

    data = result.to_dict()
    rows = []
    listed: dict[str, str] = {}
    for row in data["ranking"]:
        tier = _tag("not curated") if row["tier"] == "dataset" else ""
        rows.append(f"<tr><td class=\"rank\">{row['rank']}</td><th scope=\"row\">"
                    f"{_e(row['name'])}{tier}<br><span class=\"muted\">{_e(row['id'])}</span>"
                    f"</th><td class=\"num\">{row['score']}</td><td>"
                    f"{_cell([fit_reason(r) for r in row['reasons']])}</td></tr>")
        for r in row["reasons"]:
            if r["basis"] == "onet-title" and r["value"].get("source"):
                listed[r["value"]["source"]] = f"{r['value']['onet_code']} {r['value']['title']}"
    notes = fit_notes(result)
    body = (f"<p>For {_e(fit_answers(data['answers']))}.</p>"
            "<table><thead><tr><th class=\"rank\" scope=\"col\">#</th>"
            "<th scope=\"col\" class=\"role\">Role</th><th class=\"num\" scope=\"col\">Score"
            "</th><th scope=\"col\">Why</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
            + "".join(f"<p class=\"muted\">{_e(n)}</p>" for n in notes))
    extra = [("O*NET occupations that define the setting",
              [f"<li>{link(title, url)}</li>" for url, title in listed.items()])]
    return _page("Roles that fit", body, _sources(result.releases, extra=extra),
                 result.releases)


class HtmlRenderer(Renderer[str]):
    """The page of each kind of result."""

    def comparison(self, result: Comparison) -> str:
        return _comparison(result)

    def profile(self, result: Profile) -> str:
        return _profile(result)

    def listing(self, result: Listing) -> str:
        return _listing(result)

    def pay_ranking(self, result: PayRanking) -> str:
        return _pay_ranking(result)

    def licensure_table(self, result: LicensureTable) -> str:
        return _licensure(result)

    def search_result(self, result: SearchResult) -> str:
        return _search(result)

    def nearest(self, result: Nearest) -> str:
        return _nearest(result)

    def move(self, result: Move) -> str:
        return _move(result)

    def fit_result(self, result: FitResult) -> str:
        return _fit(result)

    def source_list(self, result: SourceList) -> str:
        return _source_list(result)

    def report(self, result: Report) -> str:
        return _report(result)
