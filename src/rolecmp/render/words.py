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
            unrated = " and ".join(v.get("unrated") or ["one of the roles"])
            return "Carries over", f"unknown: O*NET has not rated the skills of {unrated}"
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
        return (f"Jobs {a['employment_change_pct']:+.1f}% to {r['low']:+.1f}%-{r['high']:+.1f}% "
                "(a range over the specialties)")
    if a is None or b is None:
        return "unknown for one of the roles"
    return (f"Jobs {a['employment_change_pct']:+.1f}% to {b['employment_change_pct']:+.1f}%, "
            f"{b['period']}; {b['annual_openings']:,} openings a year in the new role"
            + group_note(a) + group_note(b))


def move_lines(move: Move) -> list[tuple[str, str]]:
    """The whole move as (heading, text) pairs."""
    return [step_text(step) for step in move.steps()]


# -- fit -------------------------------------------------------------------------------------

_SETTING_WORDS = {"hospital": "hospital", "clinic": "clinic or office", "lab": "laboratory",
                  "imaging": "imaging", "operating-room": "operating room",
                  "pharmacy": "pharmacy", "home": "home or community care",
                  "long-term-care": "long-term care", "emergency": "emergency or field care"}


def _route_text(route: dict[str, Any]) -> str:
    low, high = route.get("min"), route.get("max")
    if low is None and high is None:
        span = "length unknown"
    elif low is None:
        span = f"up to {high} months"
    elif high is None:
        span = f"{low} month{'' if low == 1 else 's'} or more"
    elif low == high:
        span = f"{low} month" + ("" if low == 1 else "s")
    else:
        span = f"{low}-{high} months"
    level = route.get("level")
    return f"{LEVEL_NAMES.get(level, level)} {span}" if level else span


def fit_reason(reason: Any) -> str:
    """One fit reason record (a rolecmp.fit.Reason or its to_dict()) in words, with its
    points."""
    if hasattr(reason, "to_dict"):
        reason = reason.to_dict()
    v = reason["value"]
    basis = reason["basis"]
    head = f"{reason['points']}/{reason['max_points']}"
    criterion = reason["criterion"]
    if criterion == "contact":
        if v["level"] is None:
            return f"{head} patient contact unknown (O*NET has not rated it; no role file says)"
        where = (f"O*NET rating {v['rating']:.2f} of 5" if basis == "onet"
                 and v["rating"] is not None
                 else "role file; O*NET has not rated it")
        match = "as wanted" if v["level"] == v["wanted"] else f"{v['wanted']} wanted"
        return f"{head} patient contact {v['level']}, {match} ({where})"
    if criterion == "setting":
        name = _SETTING_WORDS.get(v["setting"], v["setting"])
        if basis == "onet-title" and v.get("title"):
            return f"{head} {name}: O*NET occupation {v['onet_code']} {v['title']}"
        if basis == "onet-title":
            return f"{head} {name}: not among O*NET's {name} occupations"
        if basis == "unknown":
            return f"{head} {name}: unknown ({v.get('why', 'no data')})"
        if v.get("not_counted"):
            return (f"{head} {name}: an imaging occupation; its jobs in medical and diagnostic "
                    "laboratories (NAICS 6215) are taken as imaging")
        codes = ", ".join(c.rstrip("0") or c for c in v["industries"])
        return (f"{head} {name}: {v['share'] * 100:.0f}% of its jobs in NAICS {codes} "
                f"(BLS OEWS, {v['soc_code']}; full points from "
                f"{v['full_share'] * 100:.0f}%)")
    if criterion == "admin":
        if v["has"] is None:
            return f"{head} administrative work unknown (O*NET has not rated it)"
        what = "has administrative work" if v["has"] else "little administrative work"
        match = "as wanted" if v["has"] == v["wanted"] else "not as wanted"
        where = (f"O*NET administrative activities {v['rating']:.2f}, "
                 f"{v['threshold']:.1f} or more counts" if basis == "onet"
                 else "role file's duties; O*NET has not rated it")
        return f"{head} {what}, {match} ({where})"
    if criterion == "training":
        limit = f"{v['max_months']} month" + ("" if v["max_months"] == 1 else "s")
        routes = "; ".join(_route_text(r) for r in v["routes"]) or "no route known"
        source = {"program-months": "role file's program months",
                  "credential-levels": "role file's credential levels, BLS lengths",
                  "bls-entry-education": "BLS typical entry education"}.get(basis, "no source")
        if v["fits"] == "all":
            return f"{head} training fits within {limit}: {routes} ({source})"
        if v["fits"] == "some":
            return f"{head} a route fits within {limit}: {routes} ({source})"
        if v["fits"] == "none":
            return f"{head} training longer than {limit}: {routes} ({source})"
        return (f"{head} training length unknown against {limit}: {routes} ({source}); "
                "listed after the roles known to fit")
    if criterion == "pay":
        group = (f" [group figure: BLS {v['soc_code']}]" if v.get("group") else "")
        if basis == "unknown":
            return f"{head} median pay not published"
        if basis == "answer":
            return f"{head} pay not weighed (pay matters {v['wanted']})"
        if v.get("top_coded"):
            return f"{head} median pay top-coded by BLS (the highest){group}"
        return (f"{head} median pay {money(v['median_annual'])}, above "
                f"{v['percentile']}% of the {v['among'] - 1} other roles ranked{group}")
    return f"{head} {criterion}"


def fit_answers(answers: dict[str, Any]) -> str:
    """The answers a ranking is for, in words."""
    months = answers["max_months"]
    return (f"{answers['contact']} patient contact, "
            f"{_SETTING_WORDS.get(answers['setting'], answers['setting'])}, "
            f"{'with' if answers['admin'] else 'without'} administrative work, up to "
            f"{months} month{'' if months == 1 else 's'} of training, pay matters "
            f"{answers['pay']}")
