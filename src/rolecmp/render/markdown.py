"""Markdown a person reads: documents with headings and lists for ``show``, ``path`` and ``fit``;
tables with readable headers for ``compare``, ``pay``, ``licensure`` and the listings.

Every text from data is escaped, so a role file can add no heading, link or markup of its own;
only http(s) addresses become links.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

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

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
# What would start a list item, numbered item or setext underline at a line start (headings,
# quotes and * are escaped wherever they are).
_BLOCK_START = re.compile(r"^(\d*)([-+=.)])(?=\s|$|[-=]+\s*$)")
_LINKABLE = re.compile(r"https?://[!-~]+\Z")


def md(value: Any) -> str:
    """Data text as literal Markdown: one line, every markup character escaped."""
    text = _SPECIAL.sub(r"\\\1", printable(" ".join(str(value).split()), newlines=False))
    match = _BLOCK_START.match(text)
    if match and (match.group(2) in "-+=" or match.group(1)):
        text = f"{match.group(1)}\\{text[len(match.group(1)):]}"
    return text


def link(text: str, url: str) -> str:
    """``[text](<url>)`` for an http(s) address; the text and the address as plain text
    otherwise."""
    if not _LINKABLE.match(url):
        return f"{md(text)} ({md(url)})"
    # In <...> a destination may hold parentheses; < and > would end it, and | a table cell.
    target = url.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C")
    return f"[{md(text)}](<{target}>)"


def _bullets(lines: Sequence[str]) -> list[str]:
    return [f"- {line}" for line in lines]


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A Markdown table of cells that are already Markdown (escaped data, links)."""
    out = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    out += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return out


def _release_lines(release_ids: Sequence[str]) -> list[str]:
    from rolecmp import figures

    return [f"- {link(r.title, r.url)}, {md(r.publisher)}, release {md(r.release)}"
            + (f", published {md(r.published)}" if r.published else "") + f" ({md(r.licence)})"
            for r in map(figures.release, release_ids)]


def _sources(release_ids: Sequence[str], roles: Sequence[Role] = (),
             extra: Sequence[tuple[str, list[str]]] = ()) -> list[str]:
    """The document's "Sources" section: what each role file cites, other pages, the data
    releases."""
    sections = [(f"{role.name}: the role file's sources",
                 [f"- {link(s.title, s.url)} ({md(s.type)})" for s in role.sources])
                for role in roles if role.sources]
    sections += [(heading, lines) for heading, lines in extra if lines]
    if release_ids:
        sections.append(("Figures", _release_lines(release_ids)))
    if not sections:
        return []
    out = ["", "## Sources", ""]
    if len(sections) == 1:
        return out + sections[0][1]
    for heading, lines in sections:
        out += [f"### {md(heading)}", "", *lines, ""]
    return out[:-1]


def _document(lines: list[str]) -> str:
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")


def render_markdown(result: Renderable) -> str:
    """``result`` as Markdown: its own document or table, else its records as a table with
    readable headers."""
    text: str = result.render_with(MarkdownRenderer())
    return text


def records_document(result: Renderable) -> str:
    """A result's records as a Markdown table with readable headers."""
    from rolecmp.render.text import records

    headers, rows = records(result)
    return _document(_table([md(label(h)) for h in headers],
                            [[md(cell) for cell in row] for row in rows]))


def _role_line(role: Role) -> str:
    from rolecmp.render.table import TIER_WORDS

    kind = role.kind + (f" of {role.parent}" if role.parent else "")
    soc = role.soc_code or "none"
    if role.soc_note:
        soc += f" ({role.soc_note})"
    return " · ".join([f"`{role.id}`", md(f"Tier: {TIER_WORDS.get(role.tier, role.tier)}"),
                       md(kind + (f"; family: {role.family}" if role.family else "")),
                       md(f"SOC code {soc}")])


def _credential_lines(role: Role) -> list[str]:
    from rolecmp.render.words import NOT_CURATED

    cert = role.certification
    if cert is None:
        return [f"- {NOT_CURATED}"]
    return [f"- {md(cert.status.capitalize())}"] + [
        f"  - {link(credential_name(c.abbreviation, c.body), c.source)}: {md(c.name)}, "
        f"{md(c.body)}" for c in cert.credentials]


def _state_licensure(s: StateLicensure) -> list[str]:
    from rolecmp.render.words import state_licensure_text

    lines = [f"- {md(f'{s.state_name}: {state_licensure_text(s.to_dict())}')}"]
    if s.source is not None:
        lines.append(f"  - Source: {link(s.source.title, s.source.url)} (read {md(s.checked)})")
    lines += [f"  - Compact: {link(c.name, c.source.url)}" for c in s.compacts]
    return lines


_PERCENTILES = (("p10_annual", "10th percentile"), ("p25_annual", "25th percentile"),
                ("p75_annual", "75th percentile"), ("p90_annual", "90th percentile"))


def _pay_rows(pays: Sequence[tuple[str, Pay]], marked: frozenset[int] = frozenset()
              ) -> list[str]:
    from rolecmp.render.words import count, money

    ranked = any(rank for rank, _ in pays)
    headers = (["#"] if ranked else []) + ["Area", "Median", *(name for _, name in _PERCENTILES),
                                           "Employed"]
    rows = []
    for i, (rank, pay) in enumerate(pays):
        area = md(pay.area)
        if i in marked or not rank:
            area = f"**{'▶ ' if i in marked else ''}{area}**"
        rows.append(([rank] if ranked else []) + [
            area, md(money(pay.median_annual, pay.markers.get("median_annual"))),
            *(md(money(getattr(pay, key), pay.markers.get(key))) for key, _ in _PERCENTILES),
            md(count(pay.employment))])
    return _table(headers, rows)


def _profile(result: Profile) -> str:
    from rolecmp.compare import DIMENSIONS
    from rolecmp.render.table import dataset_rows
    from rolecmp.render.words import NOT_CURATED

    role = result.role
    out = [f"# {md(role.name)}", "", _role_line(role), ""]
    if role.aliases:
        out += [f"Also called: {md(', '.join(role.aliases))}", ""]
    if not role.curated:
        out += [f"> {md(NOT_CURATED_NOTE)}", ""]
    if role.summary:
        out += [md(role.summary), ""]
    not_curated = []
    for dim in DIMENSIONS:
        lines = dimension_lines(dim.key, result)
        if lines == [NOT_CURATED]:
            not_curated.append(LABELS[dim.key].lower())
            continue
        body: list[str]
        if dim.key == "education":
            body = ([f"- Training: {md(role.education.path)}"] if role.education else []) + \
                _bullets([md(line) for line in lines])
        elif dim.key == "duties" and role.scope:
            body = [f"- **{name.capitalize()}**: {md('; '.join(items))}"
                    for name, items in role.scope.duties.groups()]
        elif dim.key == "certification":
            body = _credential_lines(role)
        elif dim.key == "licensure" and result.state_licensure is not None:
            body = _state_licensure(result.state_licensure) + _bullets(
                [md(line) for line in lines[1:]])
        elif dim.key == "paths" and role.next_steps:
            body = [f"- `{s.role}`: {md(s.how)}" for s in role.next_steps]
        elif dim.key == "pay" and result.pay is not None:
            body = _pay_rows([("", result.pay)])
            if result.group_figures:
                body += ["", f"Group figures: BLS {md(result.pay.soc_code)} "
                             f"{md(result.pay.soc_title)}, a broader group than this role."]
        elif dim.key == "outlook" and result.entry is not None:
            body = _bullets([md(line) for line in lines] + [md(
                f"BLS: work experience {result.entry.work_experience.lower()}; on-the-job "
                f"training {result.entry.on_the_job_training.lower()}")])
        else:
            body = _bullets([md(line) for line in lines])
        out += [f"## {md(LABELS[dim.key])}", "", *body, ""]
    if role.counterpart:
        c = role.counterpart
        out += [f"## Counterpart: `{c.role}`", "", f"- Education: {md(c.education)}",
                f"- Credential: {md(c.credential)}", f"- Scope: {md(c.scope)}", ""]
    for name, lines in dataset_rows(result):
        out += [f"## {md(name)}", "", *_bullets([md(line) for line in lines]), ""]
    if not_curated:
        out += ["## Not curated", "", md(", ".join(not_curated).capitalize() + ".")]
    extra = []
    if result.state_licensure is not None and result.state_licensure.source is not None:
        s = result.state_licensure.source
        extra.append((f"Licensure in {result.state_licensure.state_name}",
                      [f"- {link(s.title, s.url)} ({md(s.type)})"]))
    return _document(out + _sources(result.releases, [role], extra))


_GROUP_NOTE = re.compile(r" \[(group figure: [^\]]*)\]")


def _move(result: Move) -> str:
    from rolecmp.render.table import TIER_WORDS
    from rolecmp.render.words import move_lines

    start, goal = result.start.role, result.goal.role
    out = [f"# From {md(start.name)} to {md(goal.name)}", ""]
    out += [f"- {word} `{role.id}` · Tier: {md(TIER_WORDS[role.tier])}"
            for word, role in (("From", start), ("To", goal))]
    if not goal.curated:
        out += ["", f"> {md(NOT_CURATED_NOTE)}"]
    for step, (heading, text) in zip(result.steps(), move_lines(result), strict=True):
        v = step.values
        out += ["", f"## {md(heading)}", ""]
        if step.kind == "credential" and v.get("credentials"):
            for c in v["credentials"]:
                out.append(f"- {link(credential_name(c['abbreviation'], c['body']), c['source'])}"
                           f": {md(c['name'])}, {md(c['body'])}")
            continue
        notes = _GROUP_NOTE.findall(text)
        out.append(md(_GROUP_NOTE.sub("", text)) + "".join(f" ({md(n)})" for n in notes))
        if step.kind == "state_licensure" and v.get("source"):
            out += ["", f"Source: {link(v['source']['title'], v['source']['url'])}"]
    return _document(out + _sources(result.releases, [goal]))


def _fit(result: FitResult) -> str:
    from rolecmp import fit

    most = getattr(fit, "MAX_POINTS", 100)
    out = ["# Roles that fit your answers", "", "## Your answers", ""]
    answers = result.answers
    given = answers._asdict() if hasattr(answers, "_asdict") else vars(answers)
    out += [f"- {md(_ANSWER_LABELS.get(key, label(key)))}: {md(_answer(value))}"
            for key, value in given.items()]
    out += ["", "## Ranking", ""]
    for i, row in enumerate(result.rows, 1):
        out.append(f"{i}. **{md(row.name)}** (`{row.id}`): {row.score} of {most}")
        for reason in row.reasons:
            text = _reason(reason)
            out.append(f"    - {md(_GROUP_NOTE.sub('', text))}"
                       + "".join(f" ({md(n)})" for n in _GROUP_NOTE.findall(text)))
    if not result.rows:
        out.append("No role fits these answers.")
    excluded = list(getattr(result, "excluded", ()))
    if excluded:
        shown = ", ".join(excluded[:8]) + (f" and {len(excluded) - 8} more" if
                                           len(excluded) > 8 else "")
        out += ["", f"Left out because even their shortest training takes longer: {md(shown)} "
                    "(--format json lists them all)."]
    method = " ".join(getattr(fit, "METHOD", "").split())
    if method:
        out += ["", "## How the score is made", "", md(method)]
    return _document(out + _sources(result.releases))


_ANSWER_LABELS = {"contact": "Patient contact", "setting": "Setting",
                  "admin": "Administrative work", "max_months": "Longest training (months)",
                  "pay": "How much pay matters"}


def _answer(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _reason(reason: Any) -> str:
    """A fit reason in words (fit may give them as text or as records)."""
    if isinstance(reason, str):
        return reason
    from rolecmp.render import words

    say = getattr(words, "fit_reason", None)
    return say(reason) if say else str(reason)


def _comparison(result: Comparison) -> str:
    headers = ["Dimension", "Differs", *(md(r.name) for r in result.roles)]
    rows = [[md(LABELS[row.key]), {True: "yes", False: "no", None: ""}[row.differs],
             *(md("; ".join(v)) for v in row_values(result, row))] for row in result.rows]
    out = [f"# Compare: {md(' / '.join(r.name for r in result.roles))}", "",
           md(verdict_text(result)), ""]
    out += _bullets([md(r) for r in reason_texts(result)])
    out += ["", *_table(headers, rows), "",
            "Differs: yes or no where the dimension can be compared; empty for free text, "
            "shown side by side without a verdict, or a figure not known for every role."]
    return _document(out + _sources(result.releases, result.roles))


def _pay(result: PayRanking) -> str:
    role = result.role
    where = {"state": "by state", "metro": "by metropolitan and nonmetropolitan area"}[result.by]
    if result.by == "metro" and result.highlight:
        where += f" in {result.highlight}"
    out = [f"# {md(role.name)}: median annual pay {md(where)}", ""]
    national = result.national
    if national is not None:
        out += [f"BLS occupation: {md(national.soc_code)} {md(national.soc_title)}.", ""]
        if result.group:
            out += [f"Group figures: BLS publishes pay for {md(national.soc_code)} "
                    f"{md(national.soc_title)}, a broader group than {md(role.name)}; every "
                    "figure below is the group's.", ""]
    rows = ([("", national)] if national else []) + [
        (str(i), p) for i, p in enumerate(result.areas, 1)]
    marked = frozenset(i for i, (_, p) in enumerate(rows)
                       if result.by == "state" and result.highlighted(p))
    out += _pay_rows(rows, marked)
    if result.total > len(result.areas):
        out += ["", f"{len(result.areas)} of {result.total} areas shown; --limit shows more."]
    return _document(out + _sources(result.releases))


def _licensure(result: LicensureTable) -> str:
    counts = ", ".join(f"{n} {status}" for status, n in result.counts.items() if n)
    out = [f"# {md(result.role_name)}: state licensure", "",
           f"`{result.role_id}` · {len(result.states)} jurisdictions (the 50 states, DC and "
           f"Puerto Rico): {md(counts)}", ""]
    rows = []
    for s in result.states:
        name = md(s.state_name)
        if s.state == result.highlight:
            name = f"**▶ {name}**"
        rows.append([name, md(s.status), md(s.credential or ""), md(s.authority or ""),
                     "; ".join(link(c.name, c.source.url) for c in s.compacts),
                     md(s.note or ""),
                     link(s.source.title, s.source.url) if s.source else "none found"])
    out += _table(["State", "Status", "Credential", "Authority", "Compacts", "Note", "Source"],
                  rows)
    checked = result.states[0].checked if result.states else ""
    out += ["", "Status: license, certification or registration of the individual by the state; "
                "none where a source says the state has none; unknown where no source says. "
                f"Sources read {md(checked)}; rules change: check with the state before you "
                "apply."]
    return _document(out)


class MarkdownRenderer(Renderer[str]):
    """The document of each kind of result."""

    def comparison(self, result: Comparison) -> str:
        return _comparison(result)

    def profile(self, result: Profile) -> str:
        return _profile(result)

    def listing(self, result: Listing) -> str:
        return records_document(result)

    def pay_ranking(self, result: PayRanking) -> str:
        return _pay(result)

    def licensure_table(self, result: LicensureTable) -> str:
        return _licensure(result)

    def search_result(self, result: SearchResult) -> str:
        return records_document(result)

    def nearest(self, result: Nearest) -> str:
        return records_document(result)

    def move(self, result: Move) -> str:
        return _move(result)

    def fit_result(self, result: FitResult) -> str:
        return _fit(result)

    def source_list(self, result: SourceList) -> str:
        return records_document(result)

    def report(self, result: Report) -> str:
        return records_document(result)
