"""list filters and sorting, search, and the integrity of the whole catalog (issue 5)."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import BUNDLED
from rolecmp.catalog import Catalog, check_file
from rolecmp.model import Role
from test_catalog import SHARED_NAMES

ALLIED = [
    "phlebotomist", "ekg-technician", "medical-laboratory-scientist",
    "diagnostic-medical-sonographer", "mri-technologist", "nuclear-medicine-technologist",
    "dental-assistant", "nursing-assistant", "licensed-practical-nurse", "physician-assistant",
    "emt", "paramedic", "ophthalmic-medical-technician", "psychiatric-technician",
    "dietetic-technician", "medical-records-specialist", "sterile-processing-technician",
    "physical-therapist-assistant", "occupational-therapy-assistant",
]


def test_every_allied_role_is_in_the_catalog(run):
    ids = {item["id"] for item in run.json("list")}
    assert set(ALLIED) <= ids


def test_filter_by_family(run):
    data = run.json("list", "--family", "assistant")
    assert data and all(item["family"] == "assistant" for item in data)
    assert {"medical-assistant", "dental-assistant"} <= {item["id"] for item in data}


def test_filter_by_education_as_show_defines_it(run):
    # issue 13 item 5: a role file's credential levels, else BLS's typical entry education
    data = run.json("list", "--education", "bachelor")
    assert data and all("bachelor" in item["education_levels"] for item in data)
    assert "medical-laboratory-scientist" in {item["id"] for item in data}


def test_filter_by_patient_contact(run):
    data = run.json("list", "--contact", "low")
    assert data and all(item["patient_contact"] == "low" for item in data)


def test_sort_by_median_pay(run):
    data = run.json("list", "--sort", "median")
    medians = [item["median_annual"] for item in data if item["median_annual"] is not None]
    assert medians == sorted(medians, reverse=True)
    known = [item["median_annual"] is not None for item in data]
    assert known == sorted(known, reverse=True)  # unknown figures come last
    # BLS 29-1229 group median, the highest in the catalog
    assert data[0]["id"] == "physician-other-specialties"


@pytest.mark.parametrize("key, field", [("growth", "employment_change_pct"),
                                        ("openings", "annual_openings")])
def test_sort_by_outlook(run, key, field):
    values = [item[field] for item in run.json("list", "--sort", key) if item[field] is not None]
    assert values == sorted(values, reverse=True)


def test_sorted_table_shows_the_figure_and_its_source(run):
    out = run("list", "--sort", "median").stdout
    assert "Median pay" in out and "$" in out
    assert "Sources: BLS OEWS May 2025" in out


def test_filters_combine_and_csv_parses(run):
    text = run("list", "specialties", "--education", "associate", "--sort", "growth",
               "-f", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and all(r["kind"] == "specialty" for r in rows)
    ids = {r["id"] for r in rows}
    assert "medical-laboratory-technician" in ids and "ekg-technician" not in ids


def test_unknown_filter_values_are_usage_errors(run):
    assert "'doctor' is not one of 'assistant'" in run("list", "--family", "doctor",
                                                         code=2).stderr
    assert "'salary' is not one of 'id', 'name'" in run("list", "--sort", "salary",
                                                          code=2).stderr
    assert "'x' is not one of 'low', 'moderate'" in run("list", "--contact", "x", code=2).stderr


def test_search_draw_blood(run):
    hits = run.json("search", "draw blood")
    ids = [h["id"] for h in hits]
    assert "phlebotomist" in ids and "medical-assistant" in ids
    phleb = next(h for h in hits if h["id"] == "phlebotomist")
    assert any(m["field"] == "duty" and "Draw blood" in m["text"] for m in phleb["matches"])
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)


def test_search_arrt_finds_the_imaging_roles(run):
    ids = {h["id"] for h in run.json("search", "ARRT")}
    assert {"radiologic-technologist", "mri-technologist", "diagnostic-medical-sonographer",
            "nuclear-medicine-technologist"} <= ids
    assert "medical-assistant" not in ids


def test_search_alias_ranks_first(run):
    assert run.json("search", "cna")[0]["id"] == "nursing-assistant"


def test_search_table_and_no_match(run):
    out = run("search", "draw blood").stdout
    assert "duty: Draw blood" in out and "roles match 'draw blood'" in out
    # no match exits 1, like grep
    assert "No role matches 'zzzz'" in run("search", "zzzz", code=1).stdout
    assert run("search", "zzzz", "-f", "json", code=1).stdout.strip() == "[]"
    assert "give some text" in run("search", "  ", code=2).stderr


# -- integrity of the bundled catalog ---------------------------------------------------------

FILES = sorted(BUNDLED.glob("*.yaml"))
ROLES = [r for r in (check_file(p) for p in FILES) if isinstance(r, Role)]


def test_all_files_are_valid_roles():
    assert len(ROLES) == len(FILES) >= 29


@pytest.mark.parametrize("role", ROLES, ids=[r.id for r in ROLES])
def test_role_is_complete_and_sourced(role):
    assert role.summary and role.workplaces and role.qualities and role.scope.duties.all()
    for cred in role.certification.credentials:
        assert cred.body.strip() and cred.abbreviation.strip() and cred.source.startswith("http")
    supported = {f for s in role.sources for f in s.supports}
    if role.education.program_months.min is not None or role.education.program_months.max:
        assert "education" in supported  # a figure has a source
    if role.soc_code:
        assert "soc_code" in supported
    assert any(s.type == "primary" for s in role.sources)
    if role.kind == "specialty":
        assert role.parent
    if role.counterpart:
        assert role.counterpart.role != role.id


def test_ids_aliases_parents_and_links_resolve():
    cat = Catalog([BUNDLED])
    index = cat.index()
    seen: dict[str, str] = {}
    for role in ROLES:
        for name in (role.id, *role.aliases):
            if name in SHARED_NAMES:  # names the field uses for several roles: ambiguous
                continue
            assert seen.setdefault(name, role.id) == role.id, name
        if role.parent:
            assert role.parent in index
        for step in role.next_steps:
            assert step.role in index
        if role.counterpart:
            assert role.counterpart.role in index


def test_technician_and_technologist_counterparts_are_explicit():
    by_id = {r.id: r for r in ROLES}
    pairs = [("medical-laboratory-technician", "medical-laboratory-scientist"),
             ("ekg-technician", "cardiovascular-technologist")]
    for tech, tologist in pairs:
        linked = {by_id[tech].counterpart and by_id[tech].counterpart.role,
                  by_id[tologist].counterpart and by_id[tologist].counterpart.role}
        assert tologist in linked or tech in linked, (tech, tologist)


def test_compare_shows_how_technician_and_technologist_differ(run):
    data = run.json("compare", "mlt", "mls")
    assert data["counterparts"][0]["role"] == "medical-laboratory-technician"
    assert data["counterparts"][0]["counterpart"] == "medical-laboratory-scientist"
    assert data["counterparts"][0]["education"]
    out = run("compare", "mlt", "mls").stdout
    assert "how the levels differ" in out and "Credential" in out
    assert run.json("compare", "ma", "mlt")["counterparts"] == []
