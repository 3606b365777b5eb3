"""A standalone HTML page of any result: inline styles, no scripts, no network requests, so a
counselor can send it and it opens offline. Every text from data is escaped."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rolecmp import __version__
from rolecmp.render.printable import printable
from rolecmp.render.text import records

if TYPE_CHECKING:
    from rolecmp.compare import Comparison
    from rolecmp.profile import Profile

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;
max-width:72rem;padding:0 1rem;color:#1b1f24;background:#fff;line-height:1.45}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.15rem;margin:1.6rem 0 .4rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0}
th,td{border:1px solid #d0d7de;padding:.45rem .6rem;text-align:left;vertical-align:top}
th{background:#f3f5f7}tr.differs th{background:#fff4cc}
tr.differs th::before{content:"\\2260  "}ul{margin:0;padding-left:1.1rem}
.verdict{font-weight:600;font-size:1.05rem}.muted{color:#57606a;font-size:.9rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1.2rem}dt{font-weight:600}
dd{margin:0}footer{margin-top:2rem;border-top:1px solid #d0d7de;padding-top:.6rem}
"""


def _e(value: Any) -> str:
    return html.escape(printable(str(value)), quote=True)


def _cell(lines: Sequence[str]) -> str:
    if len(lines) == 1:
        return _e(lines[0])
    return "<ul>" + "".join(f"<li>{_e(line)}</li>" for line in lines) + "</ul>"


def _page(title: str, body: str, release_ids: Sequence[str]) -> str:
    sources = ""
    if release_ids:
        from rolecmp import figures

        items = "".join(
            f"<li>{_e(r.title)}, {_e(r.publisher)}, release {_e(r.release)}, published "
            f"{_e(r.published)}. {_e(r.url)} ({_e(r.licence)})</li>"
            for r in map(figures.release, release_ids))
        sources = f"<h2>Sources</h2><ul>{items}</ul>"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{_e(title)}</title><style>{STYLE}</style></head>\n<body>\n"
        f"<h1>{_e(title)}</h1>\n{body}\n{sources}\n"
        f"<footer class=\"muted\">Made with rolecmp {_e(__version__)}. Annual wages are BLS "
        "hourly wages x 2,080. Role descriptions are rolecmp's own words; credentials link to "
        "their issuing bodies.</footer>\n</body></html>\n"
    )


def render_html(result: Any) -> str:
    """The page for ``result``."""
    name = type(result).__name__
    if name == "Comparison":
        return _comparison(result)
    if name == "Profile":
        return _profile(result)
    headers, rows = records(result)
    table = "<table><thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in headers) + \
        "</tr></thead><tbody>" + "".join(
            "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in rows) + \
        "</tbody></table>"
    titles = {"Listing": "Healthcare roles", "PayRanking": "Median pay by state",
              "SearchResult": "Search results", "SourceList": "Data sources",
              "Nearest": "Similar roles", "Move": "Moving between roles",
              "FitResult": "Roles that fit", "Report": "Role file check"}
    return _page(titles.get(name, name), table, getattr(result, "releases", []))


def _comparison(result: Comparison) -> str:
    head = "<tr><th></th>" + "".join(
        f"<th scope=\"col\">{_e(r.name)}<br><span class=\"muted\">{_e(r.id)}</span></th>"
        for r in result.roles) + "</tr>"
    rows = "".join(
        f"<tr class=\"{'differs' if row.differs else 'same'}\"><th scope=\"row\">"
        f"{_e(row.label)}</th>" + "".join(f"<td>{_cell(v)}</td>" for v in row.values) + "</tr>"
        for row in result.rows)
    reasons = "".join(f"<li>{_e(r)}</li>" for r in result.judgement.reasons)
    sims = "".join(
        f"<li>{_e(s.a)} ~ {_e(s.b)}: <strong>{s.score:.2f}</strong>; shared most: "
        f"{_e('; '.join(d.element for d in s.shared))}; sets apart: "
        f"{_e('; '.join(d.element for d in s.apart))}</li>" for s in result.similarities)
    body = (f"<p class=\"verdict\">{_e(result.verdict)}</p>"
            + (f"<ul>{reasons}</ul>" if reasons else "")
            + f"<table><thead>{head}</thead><tbody>{rows}</tbody></table>"
            + "<p class=\"muted\">&#8800; marks the dimensions on which the roles differ.</p>"
            + (f"<h2>How alike the work is (O*NET 30.1)</h2><ul>{sims}</ul>" if sims else ""))
    title = "Compare: " + " / ".join(r.name for r in result.roles)
    return _page(title, body, result.releases)


def _profile(result: Profile) -> str:
    from rolecmp.compare import DIMENSIONS

    role = result.role
    items = [("Id", [role.id]), ("Kind", [role.kind + (f" of {role.parent}" if role.parent
                                                         else "")]),
             ("Tier", [role.tier]), ("SOC code", [role.soc_code or "none"]),
             ("Summary", [" ".join((role.summary or "not curated").split())]),
             ("Training", [" ".join(role.education.path.split()) if role.education
                           else "not curated"])]
    items += [(dim.label, dim.lines(result)) for dim in DIMENSIONS]
    credentials = role.certification.credentials if role.certification else ()
    items += [("Credentials", [f"{c.abbreviation}: {c.name}, {c.body} ({c.source})"
                               for c in credentials] or ["none"]),
              ("Sources", [f"{s.title} ({s.type}): {s.url}" for s in role.sources])]
    body = "<dl>" + "".join(f"<dt>{_e(k)}</dt><dd>{_cell(v)}</dd>" for k, v in items) + "</dl>"
    return _page(role.name, body, result.releases)
