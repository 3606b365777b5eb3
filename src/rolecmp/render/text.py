"""Text formats: JSON, CSV and Markdown, all built from the same plain data of a result."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rolecmp.render.base import Renderer
from rolecmp.render.printable import printable
from rolecmp.render.words import row_values

if TYPE_CHECKING:  # results are imported for their types only (see render/base.py)
    from rolecmp.compare import Comparison
    from rolecmp.fit import FitResult
    from rolecmp.licensure import LicensureTable
    from rolecmp.listing import Listing
    from rolecmp.path import Move
    from rolecmp.pay import PayRanking
    from rolecmp.profile import Profile
    from rolecmp.render.base import Renderable
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


def to_data(result: Renderable) -> Any:
    """The plain data of a result: what ``--format json`` prints (each result's own
    ``to_dict()``, or ``to_list()`` for those that are a list)."""
    return result.render_with(JsonRenderer())


def records(result: Renderable) -> Records:
    """A result as a header row and rows of text: what CSV, and the plain tables of Markdown
    and HTML, print."""
    found: Records = result.render_with(RecordsRenderer())
    return found


def listing_records(result: Listing) -> Records:
    data = result.to_list()
    headers = ["id", "name", "tier", "kind", "family", "parent", "soc_code", "group",
               "less_common", "patient_contact", "median_annual", "employment_change_pct",
               "annual_openings", "bls_typical_entry", "origin", "source_file", "summary"]
    return headers, [[_cell(item[h]) for h in headers] for item in data]


def licensure_records(result: LicensureTable) -> Records:
    headers = ["state", "state_name", "status", "credential", "authority", "compacts", "note",
               "source_title", "source_url", "checked"]
    return headers, [
        [s.state, s.state_name, s.status, _cell(s.credential), _cell(s.authority),
         "; ".join(c.name for c in s.compacts), _cell(s.note),
         s.source.title if s.source else "", s.source.url if s.source else "", s.checked]
        for s in result.states]


def profile_records(result: Profile) -> Records:
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


def comparison_records(result: Comparison) -> Records:
    """One row per dimension in words ("differs" empty where not compared), then the pay and
    outlook figures as plain numbers a spreadsheet can sum (empty where BLS publishes none)."""
    headers = ["dimension", "differs", *(r.id for r in result.roles)]
    rows = [[row.key, "" if row.differs is None else "yes" if row.differs else "no",
             *("; ".join(v) for v in row_values(result, row))]
            for row in result.rows]
    keys = {row.key for row in result.rows}
    data = result.to_dict()
    for name, kind, field in FIGURE_ROWS:
        if kind not in keys:
            continue
        values = [(data[kind].get(role.id) or {}).get(field) for role in result.roles]
        rows.append([name, "", *(_cell(v) for v in values)])
    return headers, rows


def pay_ranking_records(result: PayRanking) -> Records:
    headers = ["rank", "area", "area_code", "soc_code", "group", "employment", "median_annual",
               "p10_annual", "p25_annual", "p75_annual", "p90_annual", "release"]
    group = "yes" if result.group else "no"
    rows = [["", *(_cell(result.national.to_dict().get(h, group)) for h in headers[1:])]] \
        if result.national else []
    for i, pay in enumerate(result.areas, 1):
        data = pay.to_dict()
        rows.append([str(i), *(_cell(data.get(h, group)) for h in headers[1:])])
    return headers, rows


def nearest_records(result: Nearest) -> Records:
    return ["rank", "id", "name", "similarity"], [
        [str(i), n.id, n.name, f"{n.score:.2f}"] for i, n in enumerate(result.neighbours, 1)]


def move_records(result: Move) -> Records:
    from rolecmp.render.words import move_lines

    return ["step", "detail"], [[k, v] for k, v in move_lines(result)]


def fit_result_records(result: FitResult) -> Records:
    from rolecmp.render.words import fit_reason

    headers = ["rank", "id", "name", "tier", "score", "median_annual", "training_fits",
               "reasons"]
    return headers, [
        [str(row["rank"]), row["id"], row["name"], row["tier"], str(row["score"]),
         _cell(row["median_annual"]), row["training_fits"],
         "; ".join(fit_reason(r) for r in row["reasons"])]
        for row in result.to_dict()["ranking"]]


def search_result_records(result: SearchResult) -> Records:
    headers = ["rank", "id", "name", "score", "matches"]
    return headers, [[str(i), h.role.id, h.role.name, str(h.score),
                      "; ".join(f"{m.field}: {m.text}" for m in h.matches)]
                     for i, h in enumerate(result.hits, 1)]


def report_records(result: Report) -> Records:
    headers = ["file", "line", "column", "field", "message"]
    return headers, [[p.path, _cell(p.line), _cell(p.column), _cell(p.field), p.message]
                     for p in result.problems]


def source_list_records(result: SourceList) -> Records:
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


def _md_cell(value: str) -> str:
    text = printable(value, newlines=False)
    return re.sub(r"([\\|`*_\[\]<>])", r"\\\1", text)


class RecordsRenderer(Renderer[Records]):
    """The records of each kind of result."""

    def comparison(self, result: Comparison) -> Records:
        return comparison_records(result)

    def profile(self, result: Profile) -> Records:
        return profile_records(result)

    def listing(self, result: Listing) -> Records:
        return listing_records(result)

    def pay_ranking(self, result: PayRanking) -> Records:
        return pay_ranking_records(result)

    def licensure_table(self, result: LicensureTable) -> Records:
        return licensure_records(result)

    def search_result(self, result: SearchResult) -> Records:
        return search_result_records(result)

    def nearest(self, result: Nearest) -> Records:
        return nearest_records(result)

    def move(self, result: Move) -> Records:
        return move_records(result)

    def fit_result(self, result: FitResult) -> Records:
        return fit_result_records(result)

    def source_list(self, result: SourceList) -> Records:
        return source_list_records(result)

    def report(self, result: Report) -> Records:
        return report_records(result)


class JsonRenderer(Renderer[Any]):
    """The plain data of each kind of result, as its own record says it."""

    def comparison(self, result: Comparison) -> Any:
        from rolecmp.render.words import comparison_json

        return comparison_json(result)

    def profile(self, result: Profile) -> Any:
        return result.to_dict()

    def listing(self, result: Listing) -> Any:
        return result.to_list()

    def pay_ranking(self, result: PayRanking) -> Any:
        return result.to_dict()

    def licensure_table(self, result: LicensureTable) -> Any:
        return result.to_dict()

    def search_result(self, result: SearchResult) -> Any:
        return result.to_list()

    def nearest(self, result: Nearest) -> Any:
        return result.to_dict()

    def move(self, result: Move) -> Any:
        return result.to_dict()

    def fit_result(self, result: FitResult) -> Any:
        return result.to_dict()

    def source_list(self, result: SourceList) -> Any:
        return result.to_list()

    def report(self, result: Report) -> Any:
        return result.to_dict()
