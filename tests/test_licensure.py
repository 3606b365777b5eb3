"""State licensure as data: the validation rule over every bundled file, facts checked against
what the states and the professions' own pages say, and the views that show them."""

from __future__ import annotations

import copy
import csv
import io

import pytest

from rolecmp import licensure, yamlload
from rolecmp.licensure import JURISDICTIONS, check, for_state

FILES = sorted(licensure.licensure_dir().glob("*.yaml"))
#: Roles issue 14 names as varying by state: each must have a licensure file.
REQUIRED = {
    "registered-nurse", "licensed-practical-nurse", "nursing-assistant", "medical-assistant",
    "phlebotomist", "pharmacy-technician", "radiologic-technologist", "mri-technologist",
    "nuclear-medicine-technologist", "diagnostic-medical-sonographer",
    "medical-laboratory-technician", "medical-laboratory-scientist", "surgical-technologist",
    "respiratory-therapist", "emt", "paramedic", "dental-assistant", "dental-hygienist",
    "massage-therapist", "dispensing-optician", "sterile-processing-technician",
    "psychiatric-technician",
}


def test_every_role_whose_rules_vary_has_a_file():
    assert {p.stem for p in FILES} >= REQUIRED


def test_jurisdictions_are_the_states_dc_and_puerto_rico():
    assert len(JURISDICTIONS) == 52 and "DC" in JURISDICTIONS and "PR" in JURISDICTIONS


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_bundled_file_passes_the_rule(path):
    data = yamlload.load(str(path)).data
    assert check(data, str(path)) == []
    # every state present, and every status other than unknown has a source
    assert set(data["states"]) == set(JURISDICTIONS)
    for entry in data["states"].values():
        assert entry["status"] == "unknown" or entry["source"] in data["sources"]


def _good() -> dict:
    return copy.deepcopy(yamlload.load(str(licensure.licensure_dir() /
                                            "radiologic-technologist.yaml")).data)


@pytest.mark.parametrize("breakage, field", [
    (lambda d: d["states"].pop("WY"), "states.WY"),
    (lambda d: d["states"]["CA"].pop("source"), "states.CA.source"),
    (lambda d: d["states"]["CA"].update(status="licensed"), "states.CA.status"),
    (lambda d: d["states"].update(GU={"status": "unknown"}), "states.GU"),
    (lambda d: d["states"]["CA"].update(compacts=["NLC"]), "states.CA.compacts"),
    (lambda d: d["states"]["CA"].update(note="x" * 201), "states.CA.note"),
    (lambda d: d.update(role="someone-else"), "role"),
    (lambda d: next(iter(d["sources"].values())).update(url="ftp://x"), "url"),
])
def test_the_rule_catches_each_kind_of_mistake(breakage, field):
    path = str(licensure.licensure_dir() / "radiologic-technologist.yaml")
    data = _good()
    breakage(data)
    problems = check(data, path)
    assert problems and any(field in (p.field or "") for p in problems), problems


# Facts read from the states' and the professions' own pages, written here independently of the
# data files, so that a wrong file fails.
FACTS = [
    # SDMS, state licensure: New Mexico, Oregon, North Dakota and New Hampshire license
    # sonographers (New Mexico since 2019-07-01).
    ("diagnostic-medical-sonographer", "NM", "license"),
    ("diagnostic-medical-sonographer", "OR", "license"),
    ("diagnostic-medical-sonographer", "ND", "license"),
    ("diagnostic-medical-sonographer", "NH", "license"),
    # FSMTB: Kansas, Minnesota and Wyoming do not regulate massage therapists statewide.
    ("massage-therapist", "KS", "none"),
    ("massage-therapist", "MN", "none"),
    ("massage-therapist", "WY", "none"),
    # Washington DOH: Medical Assistant-Certified is a state credential (RCW 18.360).
    ("medical-assistant", "WA", "certification"),
    # California DPH, Radiologic Health Branch: the CRT certificate.
    ("radiologic-technologist", "CA", "certification"),
    # California DPH, Laboratory Field Services: phlebotomists hold a CPT I certificate.
    ("phlebotomist", "CA", "certification"),
    # Every state licenses registered nurses (California BRN: licensure by examination).
    ("registered-nurse", "CA", "license"),
]


@pytest.mark.parametrize("role, state, status", FACTS)
def test_facts_from_primary_sources(role, state, status):
    found = for_state(role, state)
    assert found is not None and found.status == status
    assert found.source is not None


def test_nurse_licensure_compact_membership():
    # NCSBN: Texas and Florida are Nurse Licensure Compact states; California and New York
    # are not.
    member = {s: [c.key for c in for_state("registered-nurse", s).compacts]  # type: ignore
              for s in ("TX", "FL", "CA", "NY")}
    assert member == {"TX": ["NLC"], "FL": ["NLC"], "CA": [], "NY": []}


def test_unknown_stays_unknown():
    # No source found for these: the data says unknown, with no invented credential.
    for role in ("medical-assistant", "phlebotomist"):
        for entry in licensure.table(role, role).states:
            if entry.status == "unknown":
                assert entry.credential is None and entry.authority is None


def test_licensure_command_lists_every_state(run):
    data = run.json("licensure", "rad-tech")
    assert data["role"]["id"] == "radiologic-technologist"
    assert len(data["states"]) == 52
    assert sum(data["counts"].values()) == 52
    ca = next(s for s in data["states"] if s["state"] == "CA")
    assert set(ca) >= {"state", "status", "credential", "authority", "compacts", "source"}
    rows = list(csv.DictReader(io.StringIO(run("licensure", "rad-tech", "-f", "csv").stdout)))
    assert len(rows) == 52 and rows[0]["state_name"] == "Alabama"
    out = run("licensure", "rad-tech", "--state", "CA").stdout
    assert "▶ California  certification" in out
    assert "no state-by-state licensure data for" in run("licensure", "cashiers", code=2).stderr


def test_state_licensure_in_show_compare_and_path(run):
    shown = run.json("show", "phlebotomist", "--state", "CA")
    assert shown["licensure"]["state"]["status"] == "certification"
    assert shown["licensure"]["state"]["state"] == "CA"
    # a metro within one state brings that state's rules
    metro = run.json("show", "phlebotomist", "--area", "Los Angeles")
    assert metro["licensure"]["state"]["state"] == "CA"
    assert run.json("show", "phlebotomist")["licensure"]["state"] is None
    out = " ".join(run("compare", "ma", "phlebotomist", "--state", "WA",
                       "--only", "licensure").stdout.split())
    assert "Washington: state certification required" in out
    path = run.json("path", "cashier", "phlebotomist", "--state", "CA")
    steps = {s["kind"]: s for s in path["steps"]}
    assert steps["state_licensure"]["status"] == "certification"
