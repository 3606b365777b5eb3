"""Text formats: JSON, CSV and Markdown, all built from the same plain data of a result."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rolecmp.render.dispatch import ByName
from rolecmp.render.printable import printable

if TYPE_CHECKING:  # renderers are found by class name; see render/table.py
    from rolecmp.compare import Comparison
    from rolecmp.fit import FitResult
    from rolecmp.licensure import LicensureTable
    from rolecmp.listing import Listing
    from rolecmp.path import Move
    from rolecmp.pay import PayRanking
    from rolecmp.profile import Profile
    from rolecmp.search import SearchResult
    from rolecmp.similarity import Nearest
    from rolecmp.sources import SourceList
    from rolecmp.validate import Report

Records = tuple[list[str], list[list[str]]]

# Legal in JSON but acting on terminals: C1 controls, bidirectional controls; lone surrogates
# (from file names that are not UTF-8) no encoder can write raw. All are written as \\u escapes.
_C1 = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
#: A cell a spreadsheet would run as a formula (or that starts one after a tab or return).
_FORMULA = re.compile("[=+\\-@\t\r]")
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")


def to_data(result: Any) -> Any:
    """The plain data of a result: what ``--format json`` prints. Every result says it itself,
    with ``to_dict()`` (one object) or ``to_list()`` (an array)."""
    if hasattr(result, "to_dict"):
        return result.to_dict()
    if hasattr(result, "to_list"):
        return result.to_list()
    raise TypeError(f"no JSON for {type(result).__name__}")


records: ByName[Records] = ByName("table of records")
"""A result as a header row and rows of text: what CSV, Markdown and plain HTML tables print."""


@records.register("Listing")
def _(result: Listing) -> Records:
    data = result.to_list()
    headers = ["id", "name", "tier", "kind", "family", "parent", "soc_code", "group",
               "less_common", "patient_contact", "median_annual", "employment_change_pct",
               "annual_openings", "bls_typical_entry", "origin", "source_file", "summary"]
    return headers, [[_cell(item[h]) for h in headers] for item in data]


@records.register("LicensureTable")
def licensure_records(result: LicensureTable) -> Records:
    headers = ["state", "state_name", "status", "credential", "authority", "compacts", "note",
               "source_title", "source_url", "checked"]
    return headers, [
        [s.state, s.state_name, s.status, _cell(s.credential), _cell(s.authority),
         "; ".join(c.name for c in s.compacts), _cell(s.note),
         s.source.title if s.source else "", s.source.url if s.source else "", s.checked]
        for s in result.states]


@records.register("Profile")
def _(result: Profile) -> Records:
    return ["field", "value"], [[key, _cell(value)] for key, value in _flatten(result.to_dict())]


#: Figures a comparison's CSV gives as numbers, one row each: (row name, object, field).
FIGURE_ROWS = (
    ("pay.median_annual", "pay", "median_annual"), ("pay.p10_annual", "pay", "p10_annual"),
    ("pay.p25_annual", "pay", "p25_annual"), ("pay.p75_annual", "pay", "p75_annual"),
    ("pay.p90_annual", "pay", "p90_annual"), ("pay.employment", "pay", "employment"),
    ("pay.soc_code", "pay", "soc_code"), ("pay.group", "pay", "group"),
    ("outlook.employment_change_pct", "outlook", "employment_change_pct"),
    ("outlook.annual_openings", "outlook", "annual_openings"),
)


@records.register("Comparison")
def comparison_records(result: Comparison) -> Records:
    """One row per dimension in words ("differs" empty where not compared), then the pay and
    outlook figures as plain numbers a spreadsheet can sum (empty where BLS publishes none)."""
    headers = ["dimension", "differs", *(r.id for r in result.roles)]
    rows = [[row.key, "" if row.differs is None else "yes" if row.differs else "no",
             *("; ".join(v) for v in row.values)]
            for row in result.rows]
    keys = {row.key for row in result.rows}
    data = result.to_dict()
    for name, kind, field in FIGURE_ROWS:
        if kind not in keys:
            continue
        values = [(data[kind].get(role.id) or {}).get(field) for role in result.roles]
        rows.append([name, "", *(_cell(v) for v in values)])
    return headers, rows


@records.register("PayRanking")
def _(result: PayRanking) -> Records:
    headers = ["rank", "area", "area_code", "soc_code", "group", "employment", "median_annual",
               "p10_annual", "p25_annual", "p75_annual", "p90_annual", "release"]
    group = "yes" if result.group else "no"
    rows = [["", *(_cell(result.national.to_dict().get(h, group)) for h in headers[1:])]] \
        if result.national else []
    for i, pay in enumerate(result.areas, 1):
        data = pay.to_dict()
        rows.append([str(i), *(_cell(data.get(h, group)) for h in headers[1:])])
    return headers, rows


@records.register("Nearest")
def _(result: Nearest) -> Records:
    return ["rank", "id", "name", "similarity"], [
        [str(i), n.id, n.name, f"{n.score:.2f}"] for i, n in enumerate(result.neighbours, 1)]


@records.register("Move")
def _(result: Move) -> Records:
    from rolecmp.render.words import move_lines

    return ["step", "detail"], [[k, v] for k, v in move_lines(result)]


@records.register("FitResult")
def _(result: FitResult) -> Records:
    from rolecmp.render.words import fit_reason

    headers = ["rank", "id", "name", "tier", "score", "median_annual", "training_fits",
               "reasons"]
    return headers, [
        [str(row["rank"]), row["id"], row["name"], row["tier"], str(row["score"]),
         _cell(row["median_annual"]), row["training_fits"],
         "; ".join(fit_reason(r) for r in row["reasons"])]
        for row in result.to_dict()["ranking"]]


@records.register("SearchResult")
def _(result: SearchResult) -> Records:
    headers = ["rank", "id", "name", "score", "matches"]
    return headers, [[str(i), h.role.id, h.role.name, str(h.score),
                      "; ".join(f"{m.field}: {m.text}" for m in h.matches)]
                     for i, h in enumerate(result.hits, 1)]


@records.register("Report")
def _(result: Report) -> Records:
    headers = ["file", "line", "column", "field", "message"]
    return headers, [[p.path, _cell(p.line), _cell(p.column), _cell(p.field), p.message]
                     for p in result.problems]


@records.register("SourceList")
def _(result: SourceList) -> Records:
    headers = ["id", "title", "publisher", "release", "published", "url", "licence", "note"]
    return headers, [[_cell(item[h]) for h in headers] for item in result.to_list()]


def _flatten(value: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """Nested data as (dotted key, scalar or list of scalars) pairs."""
    if isinstance(value, dict):
        out: list[tuple[str, Any]] = []
        for key, item in value.items():
            out += _flatten(item, f"{prefix}.{key}" if prefix else key)
        return out
    if isinstance(value, (list, tuple)) and any(isinstance(v, (dict, list, tuple)) for v in value):
        out = []
        for i, item in enumerate(value):
            out += _flatten(item, f"{prefix}[{i}]")
        return out
    return [(prefix, value)]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def render_json(result: Any) -> str:
    import json

    text = json.dumps(to_data(result), indent=2, ensure_ascii=False)
    # json escapes C0 controls itself; C1 controls are legal JSON but act on some terminals.
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def render_csv(result: Any) -> str:
    import csv
    import io

    headers, rows = records(result)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows([[_csv_cell(cell) for cell in row] for row in rows])
    return buffer.getvalue().rstrip("\n")


def _csv_cell(value: str) -> str:
    """``value`` made printable, with a leading ``'`` when a spreadsheet would take it for a
    formula (OWASP's advice on CSV injection); negative numbers stay numbers."""
    if value and _FORMULA.match(value) and not _NUMBER.match(value):
        value = "'" + value
    return printable(value)


def render_markdown(result: Any) -> str:
    headers, rows = records(result)

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(_md_cell(c) for c in cells) + " |"

    out = [line(headers), "| " + " | ".join("---" for _ in headers) + " |"]
    out += [line(row) for row in rows]
    if type(result).__name__ == "Comparison":
        out += ["", _md_cell(result.verdict)]
    return "\n".join(out)


def _md_cell(value: str) -> str:
    text = printable(value, newlines=False)
    return re.sub(r"([\\|`*_\[\]<>])", r"\\\1", text)
