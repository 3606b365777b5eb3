"""Results put into words, for the renderers that show text (table, Markdown, CSV, HTML).

The domain results (:mod:`rolecmp.path`, :mod:`rolecmp.licensure`) carry data; the sentences a
person reads are made here, once, so every format says the same thing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rolecmp.compare import LEVEL_NAMES, money

if TYPE_CHECKING:
    from rolecmp.path import Move, Step


def months(span: dict[str, Any] | None) -> str:
    if not span or (span.get("min") is None and span.get("max") is None):
        return "program length unknown"
    low, high = span.get("min"), span.get("max")
    if low is None or high is None or low == high:
        value = low if high is None else high
        return f"about {value} month" + ("" if value == 1 else "s")
    return f"{low}-{high} months"


def _levels(levels: list[str] | None) -> str:
    names = [LEVEL_NAMES.get(level, level) for level in levels or []]
    if not names:
        return "no credential level given"
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return text[:1].upper() + text[1:]


def _elements(elements: list[dict[str, Any]], with_ratings: bool) -> str:
    if with_ratings:
        return "; ".join(f"{e['element']} ({e['ratings'][0]:.1f} now, {e['ratings'][1]:.1f} "
                         "in the new role)" for e in elements)
    return "; ".join(e["element"] for e in elements)


def group_note(figure: dict[str, Any] | None) -> str:
    if figure and figure.get("group"):
        return f" [group figure: BLS {figure.get('soc_code')} {figure.get('soc_title')}]"
    return ""


STATUS_WORDS = {"license": "license required", "certification": "state certification required",
                "registration": "state registration required",
                "none": "no state license, certification or registration",
                "unknown": "unknown: no source found"}


def state_licensure_text(values: dict[str, Any], with_status: bool = True) -> str:
    """One state's licensure in words (without the status itself when ``with_status`` is
    false, for a view that shows it in a column of its own)."""
    status = values.get("status") or "unknown"
    parts = [STATUS_WORDS.get(status, status)] if with_status else []
    if values.get("credential"):
        parts.append(f"requires {values['credential']}")
    if values.get("authority"):
        parts.append(f"by {values['authority']}")
    if values.get("compacts"):
        parts.append("compacts: " + ", ".join(str(c.get("name") or c.get("id"))
                                              if isinstance(c, dict) else str(c)
                                              for c in values["compacts"]))
    if values.get("note"):
        parts.append(str(values["note"]))
    return "; ".join(parts)


def step_text(step: Step) -> tuple[str, str]:
    """A step of a move as (heading, text)."""
    v = step.values
    kind = step.kind
    if kind == "training":
        if not v["curated"]:
            return "Training", "not curated (see the BLS entry level below)"
        path = " ".join((v["path"] or "").split())
        levels = _levels(v["credential_levels"])
        return "Training", f"{levels}, {months(v['program_months'])}: {path}"
    if kind == "bls_entry":
        label = "BLS entry level" + (f" (group {v['soc_code']})" if v["group"] else "")
        extra = [f"work experience: {v['work_experience'].lower()}"] if \
            v.get("work_experience") and v["work_experience"] != "None" else []
        if v.get("on_the_job_training") and v["on_the_job_training"] != "None":
            extra.append(f"on-the-job training: {v['on_the_job_training'].lower()}")
        return label, "; ".join([v["education"], *extra])
    if kind == "credential":
        if not v["curated"]:
            return "Credential", "not curated"
        exam = "; ".join(f"{c['abbreviation']} from {c['body']}" for c in v["credentials"])
        return f"Credential ({v['status']})", exam or "none listed"
    if kind == "licensure":
        return "Licensure", " ".join((v["summary"] or "not curated").split())
    if kind == "state_licensure":
        return f"Licensure in {v.get('state_name') or v.get('state')}", state_licensure_text(v)
    if kind == "usual_route":
        return "The usual route", " ".join(v["how"].split())
    if kind == "carries_over":
        if not v["known"]:
            return "Carries over", "unknown: O*NET has no profile for one of the roles"
        return "Carries over", (_elements(v["elements"], False)
                                or "little: the two roles share few important strengths")
    if kind == "new_to_learn":
        return "New to learn", (_elements(v["elements"], True)
                                or "nothing important is rated much higher")
    if kind == "similarity":
        return "Similarity", f"{v['score']:.2f} (O*NET; 1 = same emphases)"
    if kind == "pay":
        return "Median pay", _pay_text(v)
    if kind == "outlook":
        return "Outlook", _outlook_text(v)
    return kind, str(v)


def _pay_text(v: dict[str, Any]) -> str:
    a, b = v["from"], v["to"]
    ranged = v["to_range"] or v["from_range"]
    if ranged is not None and (a is None or b is None):
        span = f"{money(ranged['low'])}-{money(ranged['high'])}"
        here = money(a["median_annual"]) if a else span
        there = money(b["median_annual"]) if b else span
        return f"{here} to {there} (a range: the specialties' BLS medians)"
    if a is None or b is None or v["change_annual"] is None:
        return f"unknown for one of the roles ({v['area']})"
    change = v["change_annual"]
    sign = "+" if change >= 0 else "-"
    text = (f"{money(a['median_annual'])} to {money(b['median_annual'])} "
            f"({sign}{money(abs(change))}, {v['change_pct']:+.0f}%; {v['area']})")
    return text + group_note(a) + group_note(b)


def _outlook_text(v: dict[str, Any]) -> str:
    a, b, r = v["from"], v["to"], v["to_range"]
    if a is not None and b is None and r is not None:
        return (f"{a['employment_change_pct']:+.1f}% to {r['low']:+.1f}%-{r['high']:+.1f}% jobs "
                "(a range over the specialties)")
    if a is None or b is None:
        return "unknown for one of the roles"
    return (f"{a['employment_change_pct']:+.1f}% to {b['employment_change_pct']:+.1f}% jobs, "
            f"{b['period']}; {b['annual_openings']:,} openings a year in the new role"
            + group_note(a) + group_note(b))


def move_lines(move: Move) -> list[tuple[str, str]]:
    """The whole move as (heading, text) pairs."""
    return [step_text(step) for step in move.steps()]
