"""Results put into words, for the renderers that show text (table, Markdown, CSV, HTML).

The domain results (:mod:`rolecmp.path`, :mod:`rolecmp.licensure`) carry data; the sentences a
person reads are made here, once, so every format says the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rolecmp.compare import Comparison, Reason, Row
    from rolecmp.model import Role
    from rolecmp.path import Move, Step
    from rolecmp.profile import Profile


# -- a comparison's dimensions and verdict --------------------------------------------------

#: The label of each dimension of a comparison (and of a profile in ``show``).
LABELS = {
    "education": "Education", "scope": "Scope of practice", "workplaces": "Workplaces",
    "industries": "Industries", "certification": "Certification", "licensure": "Licensure",
    "patient_contact": "Patient contact", "pay": "Pay (annual)", "outlook": "Outlook",
    "duties": "Duties", "technology": "Technology", "qualities": "Qualities",
    "paths": "Next steps",
}

LEVEL_NAMES = {
    "high-school": "high school diploma",
    "certificate": "certificate",
    "associate": "associate degree",
    "bachelor": "bachelor's degree",
    "master": "master's degree",
    "doctorate": "doctorate",
}


#: What a view shows for a field no role file describes (a dataset-tier occupation's scope,
#: credentials, licensure...): the datasets have no such facts, and none are made up.
NOT_CURATED = "not curated"


def program_length(role: Role) -> str:
    """The typical program length in words ("12-24 months", "length unknown")."""
    if role.education is None:
        return "program length not curated"
    low, high = role.education.program_months.min, role.education.program_months.max
    if low is None and high is None:
        return "program length unknown"
    if low is None or high is None or low == high:
        value = low if high is None else high
        return f"about {value} month" + ("" if value == 1 else "s")
    return f"{low}-{high} months"


def credential_levels(role: Role) -> str:
    if role.education is None:
        return "Credentials not curated"
    names = [LEVEL_NAMES[level] for level in role.education.credential_levels]
    text = _joined(names, "or")
    return text[:1].upper() + text[1:]


def money(value: float | None, marker: str | None = None) -> str:
    """Dollars as BLS publishes them, or BLS's reason for publishing none."""
    if value is None:
        return {"top-coded": "top-coded by BLS"}.get(marker or "", "not released")
    return f"${round(value):,}"


def count(value: int | None) -> str:
    return "not released" if value is None else f"{value:,}"


def _education(p: Profile) -> list[str]:
    lines = [credential_levels(p.role), program_length(p.role)] if p.role.education else []
    if p.entry:
        lines.append(f"{bls_entry_label(p)}: {p.entry.education}")
    job_zone = _job_zone(p)
    if job_zone:
        lines.append(job_zone)
    return lines or [NOT_CURATED]


def _job_zone(p: Profile) -> str | None:
    from rolecmp.dataset import onet_facts

    facts = onet_facts(p.role.onet_code)
    if facts is None or facts.job_zone is None:
        return None
    return f"O*NET job zone {facts.job_zone} of 5"


def bls_entry_label(p: Profile) -> str:
    """"BLS entry level", naming the group when BLS counts the role in a broader one."""
    if p.role.soc_note and p.role.soc_code:
        return f"BLS entry level (group {p.role.soc_code})"
    return "BLS entry level"


def _scope(p: Profile) -> list[str]:
    if p.role.scope is None:
        return [NOT_CURATED]
    groups = [name for name, _ in p.role.scope.duties.groups()]
    return [p.role.scope.breadth.capitalize() + (": " + ", ".join(groups) if groups else "")]


def short_body(body: str) -> str:
    """The body's abbreviation when its name ends with one ("... (AAMA)" -> "AAMA")."""
    match = re.search(r"\(([^()]+)\)\s*$", body)
    return match.group(1) if match else body


def _certification(p: Profile) -> list[str]:
    if p.role.certification is None:
        return [NOT_CURATED]
    lines = [p.role.certification.status.capitalize()]
    for cred in p.role.certification.credentials:
        body = short_body(cred.body)
        lines.append(cred.abbreviation if body in cred.abbreviation
                     else f"{cred.abbreviation}, {body}")
    return lines


def _patient_contact(p: Profile) -> list[str]:
    if p.contact is not None:
        basis = (f"measured: O*NET caring for others {p.contact.caring:.2f}, "
                 f"working with the public {p.contact.public:.2f}")
    else:
        basis = "role file; no O*NET profile"
    from rolecmp.compare import healthcare  # not at import: listings need none of compare

    if not healthcare(p):
        return ["not a healthcare occupation" + (f" ({basis})" if p.contact else "")]
    level = p.contact_level
    if level is None:
        return ["unknown: no O*NET work-activity ratings and not curated"]
    why = [p.role.patient_contact.why] if p.role.patient_contact else []
    return [f"{level.capitalize()} ({basis})", *why]


def pay_lines(p: Profile) -> list[str]:
    """The pay of a profile in words: median, spread, employment, and what BLS group it is."""
    if p.pay is not None:
        pay = p.pay
        lines = [f"{money(pay.median_annual, pay.markers.get('median_annual'))} median "
                 f"({pay.area})",
                 f"10th-90th pct: {money(pay.p10_annual, pay.markers.get('p10_annual'))}"
                 f" to {money(pay.p90_annual, pay.markers.get('p90_annual'))}",
                 f"{count(pay.employment)} employed"]
        if p.group_figures:
            lines.append(f"group figure: BLS {pay.soc_code} {pay.soc_title}")
        return lines
    if p.pay_range is not None:
        r = p.pay_range
        return [f"{money(r.low)} to {money(r.high)} median ({p.area})",
                f"derived: range of {len(r.roles)} specialties' BLS medians"]
    return ["unknown: BLS publishes no wages for this role" +
            (f" in {p.area}" if p.role.soc_code else "")]


def _outlook(p: Profile) -> list[str]:
    if p.outlook is not None:
        o = p.outlook
        lines = [f"Jobs {o.employment_change_pct:+.1f}%, {o.period}",
                 f"{o.annual_openings:,} openings a year (national)"]
        if p.group_figures:
            lines.append(f"group figure: BLS {o.soc_code} {o.soc_title}")
        return lines
    if p.outlook_range is not None:
        r = p.outlook_range
        from rolecmp.figures import release

        return [f"Jobs {r.low:+.1f}% to {r.high:+.1f}%, {release(r.release).period}",
                f"derived: range of {len(r.roles)} specialties' BLS projections"]
    return ["unknown: no BLS projection for this role"]


def _next_steps(p: Profile) -> list[str]:
    if not p.role.curated:
        return [NOT_CURATED]
    return [step.role for step in p.role.next_steps] or ["none listed"]


def _industries(p: Profile) -> list[str]:
    if not p.industries:
        if p.role.soc_code is None:
            return ["unknown: no BLS occupation code for this role"]
        return ["unknown: BLS publishes no industry figures for this role"]
    lines = [f"{i.title} {round(i.share * 100)}%" if i.share is not None else i.title
             for i in p.industries[:4]]
    if p.group_figures:
        lines.append(f"group figure: BLS {p.role.soc_code}")
    return lines


def _technology(p: Profile) -> list[str]:
    from rolecmp.dataset import onet_facts

    facts = onet_facts(p.role.onet_code)
    if facts is None:
        return ["unknown: no O*NET occupation for this role"]
    if not facts.technology:
        return ["none listed by O*NET"]
    hot = {name for name, is_hot in facts.technology if is_hot}
    lines = []
    for kind, examples in facts.kinds[:3]:
        named = ", ".join(e + (" (hot)" if e in hot else "") for e in examples[:3])
        more = f" +{len(examples) - 3}" if len(examples) > 3 else ""
        lines.append(f"{kind}: {named}{more}")
    lines.append(f"{len(facts.technology)} technologies listed by O*NET, {len(hot)} of them "
                 "hot (in demand across employers)")
    return lines


def _workplaces(p: Profile) -> list[str]:
    return list(p.role.workplaces) if p.role.curated else [NOT_CURATED]


def _licensure(p: Profile) -> list[str]:
    lines = [p.role.licensure] if p.role.licensure else [NOT_CURATED]
    if p.state_licensure is not None:
        lines.insert(0, f"{p.state_licensure.state_name}: "
                        f"{state_licensure_text(p.state_licensure.to_dict())}")
    elif p.place.state is not None and p.role.curated:
        lines.insert(0, f"{p.place.name if p.place.type == 'state' else p.place.state}: "
                        "no state-by-state data for this role")
    return lines



def _duties(p: Profile) -> list[str]:
    return list(p.role.scope.duties.all()) if p.role.scope else [NOT_CURATED]


def _qualities(p: Profile) -> list[str]:
    return list(p.role.qualities) if p.role.curated else [NOT_CURATED]


_LINES = {
    "education": _education, "scope": _scope, "workplaces": _workplaces,
    "industries": _industries, "certification": _certification, "licensure": _licensure,
    "patient_contact": _patient_contact, "pay": pay_lines, "outlook": _outlook,
    "duties": _duties, "technology": _technology, "qualities": _qualities,
    "paths": _next_steps,
}


def dimension_lines(key: str, p: Profile) -> list[str]:
    """A role's lines on one dimension, in words."""
    return _LINES[key](p)


def row_label(row: Row) -> str:
    return LABELS[row.key]


def row_values(result: Comparison, row: Row) -> list[list[str]]:
    """Each compared role's lines on ``row``."""
    return [dimension_lines(row.key, p) for p in result.profiles]


def verdict_text(result: Comparison) -> str:
    """The verdict in a sentence: same role or not, and on how many dimensions they differ."""
    roles = result.roles
    judgement = result.judgement
    names = _joined([r.name for r in roles], "and")
    if judgement.kind == "same role":
        return f"Same role: every name given resolves to {roles[0].name} ({roles[0].id})."
    if judgement.kind == "same family, different specialty" and len(roles) == 2 and \
            judgement.umbrella in {r.id for r in roles}:
        umbrella = next(r for r in roles if r.id == judgement.umbrella)
        special = next(r for r in roles if r.id != judgement.umbrella)
        text = (f"Not the same role: {special.name} is one specialty under the umbrella "
                f"{umbrella.name}")
    elif judgement.kind == "same family, different specialty":
        text = f"Same family, different specialty: {names} are specialties of {judgement.umbrella}"
    else:
        text = f"Not the same role: {names} are different roles"
    differing = [LABELS[row.key].lower() for row in result.rows if row.differs]
    counted = judgement.counted
    if differing:
        text += (f"; they differ on {len(differing)} of the {counted} dimensions that can be "
                 f"compared ({', '.join(differing)}).")
    elif counted:
        text += (", though they match on the dimension compared." if counted == 1 else
                 f", though they match on all {counted} dimensions that can be compared.")
    else:
        text += "."
    return text


def reason_texts(result: Comparison) -> list[str]:
    """The main differences behind the verdict, in words."""
    return [reason_text(result, r) for r in result.judgement.reasons]


def reason_text(result: Comparison, reason: Reason) -> str:
    v = reason.values
    profiles = result.profiles
    if reason.kind == "similarity":
        if v["same_profile"]:
            return (f"O*NET describes both with one profile ({v['same_profile']}), so it "
                    "cannot tell their work apart")
        return f"their work is {_alike(v['score'])} (O*NET similarity {v['score']:.2f})"
    if reason.kind == "training":
        return "training: " + " vs ".join(
            f"{credential_levels(p.role).lower()} ({program_length(p.role)})" for p in profiles)
    if reason.kind == "credentials":
        return "credentials: " + " vs ".join(
            f"{c.status} ({', '.join(x.abbreviation for x in c.credentials[:2]) or 'none'})"
            for p in profiles if (c := p.role.certification) is not None)
    if reason.kind == "pay":
        return "median pay: " + " vs ".join(_pay_words(p) for p in profiles)
    if reason.kind == "scope":
        return "scope: " + " vs ".join(p.role.scope.breadth for p in profiles
                                       if p.role.scope is not None)
    return reason.kind


def comparison_json(result: Comparison) -> dict[str, Any]:
    """A comparison's JSON: its data, with the words a person reads beside it (the verdict, the
    reasons, each dimension's label and each role's lines)."""
    data = result.to_dict()
    data["verdict"] = verdict_text(result)
    data["reasons"] = reason_texts(result)
    for entry, row in zip(data["dimensions"], result.rows, strict=True):
        entry["label"] = LABELS[row.key]
        entry["values"] = {role.id: lines for role, lines in
                           zip(result.roles, row_values(result, row), strict=True)}
    return data


def _pay_words(p: Profile) -> str:
    if p.pay is not None and p.pay.median_annual is not None:
        return money(p.pay.median_annual)
    if p.pay_range is not None:
        return f"{money(p.pay_range.low)}-{money(p.pay_range.high)} (specialties)"
    return "unknown"


#: Similarity at or above each figure reads as: very alike, somewhat alike, mostly different;
#: below the last, unrelated.
ALIKE = ((0.7, "very alike"), (0.4, "somewhat alike"), (0.1, "mostly different"))


def _alike(score: float) -> str:
    return next((words for floor, words in ALIKE if score >= floor), "unrelated")


def _joined(items: Sequence[str], word: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


# -- paths, licensure, fit -----------------------------------------------------------------


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
    if level == "program-after-bachelor":
        return f"{span}, a bachelor's degree included"
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
            missing = {"soc-code": "no SOC code", "industries": "BLS publishes no industries"}
            return f"{head} {name}: unknown ({missing.get(v.get('missing'), 'no data')})"
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


def fit_notes(result: Any) -> list[str]:
    """What every format says under a fit ranking: how scores are made, what defines the
    setting, and which roles were left out or ranked last, and why."""
    from rolecmp.fit import (
        ADMIN_POINTS,
        CONTACT_POINTS,
        MAX_POINTS,
        PAY_WEIGHTS,
        SETTING_POINTS,
        TRAINING_POINTS,
    )

    notes = [f"Score out of {MAX_POINTS}: patient contact {CONTACT_POINTS[0]}, setting "
             f"{SETTING_POINTS}, administrative work {ADMIN_POINTS}, training "
             f"{TRAINING_POINTS}, pay up to {max(PAY_WEIGHTS.values())}. Setting: "
             f"{result.setting.definition}."]
    if result.excluded:
        notes.append(f"Left out: {len(result.excluded)} roles whose every route is longer than "
                     f"{result.answers.max_months} months.")
    if result.unknown_training:
        notes.append(f"{len(result.unknown_training)} roles whose training length no source "
                     "gives are listed after those known to fit.")
    return notes
