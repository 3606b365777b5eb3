"""The whole occupational map: every BLS occupation is a role (tier "dataset"), curated roles sit
on top, names resolve across both tiers, and pay reaches every metropolitan area."""

from __future__ import annotations

import csv
import io

import pytest

from rolecmp import dataset


def test_every_bls_occupation_is_a_role(run):
    data = run.json("list", "--all")
    tiers = {item["tier"] for item in data}
    assert tiers == {"curated", "dataset"}
    socs = {item["soc_code"] for item in data if item["soc_code"]}
    # every SOC occupation in the index is listed, once as a dataset role or through the
    # curated role that stands for it
    assert set(dataset.occupations()) <= socs
    assert len(dataset.occupations()) >= 830
    curated = run.json("list")
    assert {item["tier"] for item in curated} == {"curated"}
    assert len(curated) < len(data)


@pytest.mark.parametrize("name, role_id", [
    ("rn", "registered-nurse"),
    ("registered nurse", "registered-nurse"),
    ("pharmacist", "pharmacist"),
    ("scrub tech", "surgical-technologist"),   # an O*NET alternate title of 29-2055.00
    ("software developer", "software-developers"),
    ("29-1141", "registered-nurse"),             # a SOC code a curated role stands for
    ("41-2011", "cashiers"),                     # a SOC code of a dataset occupation
    ("41-2011.00", "cashiers"),                  # an O*NET-SOC code
    ("cashiers", "cashiers"),                    # a dataset id
    ("registered-nurses", "registered-nurse"),   # a dataset id a curated role stands for
])
def test_names_resolve_across_both_tiers(run, name, role_id):
    assert run.json("show", name)["id"] == role_id


def test_an_occupations_own_title_is_taken_with_a_stated_choice(run):
    # O*NET gives "Cashier" to tellers and gambling cashiers too; the occupation whose own title
    # it is gets picked, and stderr says what else it could mean.
    result = run("show", "cashier", "-f", "json")
    assert '"id": "cashiers"' in result.stdout
    assert result.stderr.startswith("rolecmp: note: 'cashier' taken as cashiers (Cashiers)")
    assert "tellers" in result.stderr


def test_dataset_role_shows_not_curated_rows_never_invented_ones(run):
    data = run.json("show", "cashiers")
    assert data["tier"] == "dataset"
    for field in ("summary", "education", "scope", "certification", "licensure"):
        assert data[field] is None or data[field] == {"summary": None, "state": None}, field
    assert data["pay"]["soc_code"] == "41-2011" and data["pay"]["group"] is False
    assert data["onet"]["code"] == "41-2011.00" and data["onet"]["job_zone"] == 2
    assert data["industries"] and data["industries"][0]["share"] > 0
    out = " ".join(run("show", "cashiers").stdout.split())
    for label in ("Scope of practice not curated", "Certification not curated",
                  "Licensure not curated", "Tier dataset"):
        assert label in out


def test_mixed_tier_compare_compares_only_what_both_tiers_have(run):
    data = run.json("compare", "software developer", "medical assistant")
    assert [r["id"] for r in data["roles"]] == ["software-developers", "medical-assistant"]
    assert [r["tier"] for r in data["roles"]] == ["dataset", "curated"]
    differs = {d["key"]: d["differs"] for d in data["dimensions"]}
    # one side is not curated: not compared (null), never "the same" or "different"
    assert differs["certification"] is None and differs["scope"] is None
    assert differs["pay"] is True
    values = {d["key"]: d["values"] for d in data["dimensions"]}
    assert values["certification"]["software-developers"] == ["not curated"]
    rows = list(csv.DictReader(io.StringIO(
        run("compare", "software developer", "ma", "-f", "csv").stdout)))
    assert {r["dimension"]: r["differs"] for r in rows}["certification"] == ""


def test_path_from_any_occupation(run):
    result = run("path", "cashier", "medical-assistant", "-f", "json")
    assert "taken as cashiers" in result.stderr
    import json

    data = json.loads(result.stdout)
    assert data["from"] == {"id": "cashiers", "name": "Cashiers", "tier": "dataset",
                            "soc_code": "41-2011"}
    steps = {s["kind"]: s for s in data["steps"]}
    assert steps["pay"]["from"]["median_annual"] < steps["pay"]["to"]["median_annual"]
    out = run("path", "cashier", "medical-assistant").stdout
    assert out.startswith("From Cashiers to Medical assistant")


def test_area_takes_a_metro_by_name_or_code(run):
    by_name = run.json("show", "phlebotomist", "--area", "Los Angeles")
    by_code = run.json("show", "phlebotomist", "--area", "31080")
    # BLS OEWS May 2025, phlebotomists, Los Angeles-Long Beach-Anaheim (0031080)
    for data in (by_name, by_code):
        assert data["area"]["code"] == "0031080"
        assert data["pay"]["median_annual"] == 52940
        assert data["pay"]["employment"] == 4720
    assert by_name["area"]["states"] == ["CA"]


def test_an_ambiguous_or_unknown_area_is_a_usage_error(run):
    result = run("show", "ma", "--area", "Portland", code=2)
    assert "Portland-South Portland, ME" in result.stderr
    assert "Portland-Vancouver-Hillsboro, OR-WA" in result.stderr
    assert "did you mean" in run("show", "ma", "--area", "Los Angelos", code=2).stderr
    assert run("show", "ma", "--area", "CA").stdout == run("show", "ma", "--state", "ca").stdout
    run("show", "ma", "--area", "CA", "--state", "CA", code=2)


def test_pay_by_metro_ranks_metropolitan_and_nonmetropolitan_areas(run):
    data = run.json("pay", "phlebotomist", "--by", "metro")
    areas = data["areas"]
    assert len(areas) > 300 and data["by"] == "metro"
    medians = [a["median_annual"] for a in areas if a["median_annual"] is not None]
    assert medians == sorted(medians, reverse=True)
    in_ca = run.json("pay", "phlebotomist", "--by", "metro", "--state", "CA")["areas"]
    assert in_ca and all(a["area"].endswith("CA") or "California" in a["area"] for a in in_ca)
    states = run.json("pay", "phlebotomist", "--state", "TX")
    assert [a["area_code"] for a in states["areas"] if a["highlight"]] == ["TX"]
    assert "▶" in run("pay", "phlebotomist", "--state", "TX").stdout


def test_list_by_major_group(run):
    healthcare = run.json("list", "--group", "healthcare")
    assert healthcare and all(
        (item["soc_code"] or "29")[:2] in ("29", "31") for item in healthcare)
    sales = run.json("list", "--group", "41")
    assert sales and all(item["soc_code"].startswith("41-") for item in sales)
    assert {i["id"] for i in run.json("list", "--group", "sales")} == {i["id"] for i in sales}
    assert "unknown group" in run("list", "--group", "wizardry", code=2).stderr


def test_search_reaches_alternate_titles_and_technology(run):
    ids = [h["id"] for h in run.json("search", "python")]
    assert "software-developers" in ids[:3]
    assert run.json("search", "scrub tech")[0]["id"] == "surgical-technologist"


def test_every_json_role_says_its_tier(run):
    assert run.json("show", "ma")["tier"] == "curated"
    assert run.json("pay", "cashiers")["role"]["tier"] == "dataset"
    assert {r["tier"] for r in run.json("compare", "ma", "cashiers")["roles"]} == {
        "curated", "dataset"}


def test_unrated_onet_occupation_is_said_plainly(run):
    # O*NET 29.3 has no skill or knowledge ratings for EMTs: said, not borrowed.
    data = run.json("show", "emt")
    assert data["onet"]["skills_rated"] is False
    assert "O*NET has not rated the skills and knowledge of 29-2042.00" in \
        " ".join(run("show", "emt").stdout.split())


def test_compare_json_marks_group_figures(run):
    data = run.json("compare", "ekg-technician", "ma")
    assert data["pay"]["ekg-technician"]["group"] is True  # BLS 29-2031, with CVTs
    assert data["pay"]["ekg-technician"]["soc_code"] == "29-2031"
    assert data["pay"]["medical-assistant"]["group"] is False
    assert data["outlook"]["ekg-technician"]["group"] is True


def test_an_occupation_a_role_file_stands_for_is_listed_once(run):
    # A role file naming the occupation's own O*NET-SOC profile stands for it (sterile
    # processing is 31-9093.00 Medical Equipment Preparers); a BLS group O*NET splits into
    # several occupations (29-2010 lab technologists and technicians; 31-1120 home health and
    # personal care aides) stays listed beside the roles that are its parts.
    listed: dict[str, list[str]] = {}
    for item in run.json("list", "--all"):
        listed.setdefault(item["soc_code"], []).append(item["id"])
    for code in ("31-9093", "29-2057", "29-1229", "31-9096", "29-1141", "31-9092"):
        assert len(listed[code]) == 1, (code, listed[code])
    assert "clinical-laboratory-technologists-and-technicians" in listed["29-2010"]
    assert "home-health-and-personal-care-aides" in listed["31-1120"]
    assert run.json("show", "31-9093")["id"] == "sterile-processing-technician"
