"""Similarity, measured patient contact, activities, verdicts, path, fit and similar (issue 4)."""

from __future__ import annotations

import csv
import io
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolecmp.catalog import default_catalog
from rolecmp.fit import Answers, rank
from rolecmp.profile import build_profile
from rolecmp.similarity import (
    Vector,
    contact_level,
    cosine,
    measured_contact,
    similarity,
    vector,
)


@pytest.fixture(scope="module")
def roles():
    from rolecmp import catalog

    catalog.reset()
    return {r.id: r for r in default_catalog().all()}


def test_similarity_figures_match_the_reference_method(roles):
    # The reference README: medical assistants vs phlebotomists about 0.70, vs psychiatric
    # technicians about 0.0.
    assert similarity(roles["medical-assistant"], roles["phlebotomist"]).score == 0.70
    assert abs(similarity(roles["medical-assistant"],
                          roles["psychiatric-technician"]).score) <= 0.05


def test_similarity_is_symmetric_and_one_for_itself(roles):
    profiled = [r for r in roles.values() if vector(r) is not None]
    for a, b in itertools.combinations(profiled[:12], 2):
        assert similarity(a, b).score == similarity(b, a).score
        assert -1.0 <= similarity(a, b).score <= 1.0
    for r in profiled:
        assert similarity(r, r).score == 1.0


@settings(max_examples=50, derandomize=True, deadline=None)
@given(st.lists(st.floats(1, 5, allow_nan=False), min_size=76, max_size=76),
       st.lists(st.floats(1, 5, allow_nan=False), min_size=76, max_size=76))
def test_cosine_properties(xs, ys):
    a = Vector("a", "A", tuple(xs), False)
    b = Vector("b", "B", tuple(ys), False)
    assert cosine(a, b) == cosine(b, a)
    assert cosine(a, a) == 1.0
    assert -1.0 <= cosine(a, b) <= 1.0


def test_drivers_are_named_with_ratings(roles):
    sim = similarity(roles["medical-assistant"], roles["phlebotomist"])
    assert len(sim.shared) == 3 and len(sim.apart) == 3
    assert sim.shared[0].element == "Assisting and Caring for Others"
    gaps = [abs(d.ratings[0] - d.ratings[1]) for d in sim.apart]
    assert gaps == sorted(gaps, reverse=True)


@pytest.mark.parametrize("rating, level", [(4.25, "high"), (4.24, "moderate"), (3.5, "moderate"),
                                           (3.49, "low"), (1.0, "low")])
def test_contact_thresholds(rating, level):
    assert contact_level(rating) == level


def test_measured_contact_replaces_the_hand_written_level(roles, run):
    mls = roles["medical-laboratory-scientist"]
    assert mls.patient_contact.level == "low"  # the role file
    measured = measured_contact(mls)
    assert measured is not None and measured.level == "moderate"  # O*NET: caring 3.55
    data = run.json("show", "mls")["patient_contact"]
    assert data["measured"] is True and data["level"] == "moderate"
    assert data["role_file_level"] == "low"
    assert run.json("show", "emt")["patient_contact"]["measured"] is False  # no O*NET profile
    out = run("show", "mlt").stdout
    assert "Low (measured: O*NET caring for others 3.0" in out


def test_compare_shows_similarity_and_activities(run):
    data = run.json("compare", "ma", "phlebotomist")
    sim = data["similarity"][0]
    assert (sim["a"], sim["b"], sim["score"]) == ("medical-assistant", "phlebotomist", 0.7)
    assert "centred" in sim["method"]
    acts = data["activities"]
    assert "Getting Information" in acts["shared"]
    assert set(acts["only"]) == {"medical-assistant", "phlebotomist"}
    out = run("compare", "ma", "phlebotomist").stdout
    assert "Medical assistant ~ Phlebotomist: 0.70" in out
    assert "shared most:" in out and "sets apart:" in out


def test_verdict_kinds(run):
    assert run.json("compare", "ma", "ma")["verdict_kind"] == "same role"
    assert run.json("compare", "mlt", "rad-tech")["verdict_kind"] == \
        "same family, different specialty"
    assert run.json("compare", "mlt", "technician")["verdict_kind"] == \
        "same family, different specialty"
    different = run.json("compare", "ma", "mlt")
    assert different["verdict_kind"] == "different roles"
    assert different["reasons"][0] == ("their work is mostly different (O*NET similarity "
                                       "0.24)")


def test_compare_five_roles_readable_at_100_columns(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    out = run("compare", "ma", "phlebotomist", "mlt", "rad-tech", "cpht").stdout
    assert all(len(line) <= 100 for line in out.splitlines())
    header = "\n".join(out.splitlines()[:3])
    for name in ("Medical", "Phlebotomist", "Radiologic", "Pharmacy"):
        assert name in header
    data = run.json("compare", "ma", "phlebotomist", "mlt")
    assert [r["id"] for r in data["roles"]] == ["medical-assistant", "phlebotomist",
                                               "medical-laboratory-technician"]
    assert len(data["similarity"]) == 3


def test_path_medical_assistant_to_mlt(run):
    data = run.json("path", "medical-assistant", "medical-laboratory-technician")
    # JSON steps are records a script reads without parsing sentences.
    steps = {s["kind"]: s for s in data["steps"]}
    assert [s["kind"] for s in data["steps"]][:3] == ["training", "bls_entry", "credential"]
    assert "MLT(ASCP)" in [c["abbreviation"] for c in steps["credential"]["credentials"]]
    assert steps["usual_route"]["how"].startswith("An accredited associate-degree MLT program")
    pay = steps["pay"]
    assert (pay["from"]["median_annual"], pay["to"]["median_annual"]) == (45690, 62930)
    assert pay["change_annual"] == 62930 - 45690 and pay["change_pct"] == 37.7
    # MLT figures are BLS's 29-2010 group (technologists and technicians together): marked.
    assert pay["to"]["group"] is True and pay["from"]["group"] is False and pay["group"] is True
    assert steps["bls_entry"]["group"] is True
    # no source gives the MLT program's length: unknown, not guessed
    assert steps["training"]["program_months"] == {"min": None, "max": None}
    assert steps["similarity"]["score"] == 0.24
    out = run("path", "ma", "mlt").stdout
    assert out.startswith("From Medical assistant to Medical laboratory technician")
    flat = " ".join(out.split())
    assert "$45,690 to $62,930 (+$17,240, +38%; National)" in flat
    assert "[group figure: BLS 29-2010 Clinical Laboratory Technologists and Technicians]" in flat
    rows = list(csv.reader(io.StringIO(run("path", "ma", "mlt", "-f", "csv").stdout)))
    assert rows[0] == ["step", "detail"] and len(rows) > 5


def test_path_with_state(run):
    data = run.json("path", "ma", "mlt", "--state", "CA")
    steps = {s["kind"]: s for s in data["steps"]}
    assert steps["pay"]["area"] == "California"
    # what California requires of the goal role, from the licensure data
    assert steps["state_licensure"]["state"] == "CA"
    assert steps["state_licensure"]["status"] == "license"


def test_similar(run):
    data = run.json("similar", "medical-assistant", "-n", "3")
    ids = [n["id"] for n in data["similar"]]
    assert ids[0] == "phlebotomist" and len(ids) == 3
    scores = [n["score"] for n in data["similar"]]
    assert scores == sorted(scores, reverse=True)
    assert "medical-assistant" not in ids
    assert "has no O*NET 30.1 profile" in run("similar", "emt", code=2).stderr


ANSWERS = Answers("high", "lab", False, 24, "medium")


def test_fit_ranks_with_reasons(run):
    data = run.json("fit", "--contact", "high", "--setting", "lab", "--no-admin",
                    "--max-months", "24", "--pay", "medium")
    ranking = data["ranking"]
    scores = [r["score"] for r in ranking]
    assert scores == sorted(scores, reverse=True)
    assert all(r["reasons"] for r in ranking)
    assert "medical-technician" not in [r["id"] for r in ranking]  # umbrellas are left out
    top = ranking[0]
    assert top["reasons"][0] == "+30 patient contact high (as wanted)"
    assert any(r.startswith("+30 lab: ") for r in top["reasons"])
    assert "phlebotomist" in [r["id"] for r in ranking[:3]]


def test_fit_leaves_out_roles_whose_training_is_too_long(run):
    data = run.json("fit", "--contact", "high", "--setting", "office", "--no-admin",
                    "--max-months", "12", "--pay", "high")
    ranked = [r["id"] for r in data["ranking"]]
    assert "physician-assistant" in data["excluded_for_training"]
    assert "physician-assistant" not in ranked
    assert not set(ranked) & set(data["excluded_for_training"])


def test_fit_ranking_is_stable_under_ties(roles):
    profiles = [build_profile(r, default_catalog()) for r in roles.values()]
    first = rank(profiles, ANSWERS)
    second = rank(list(reversed(profiles)), ANSWERS)
    assert first == second
    for a, b in itertools.pairwise(first.rows):
        assert (-a.score, a.id) <= (-b.score, b.id)


def test_fit_without_a_terminal_says_which_flags_are_needed(run):
    result = run("fit", "--contact", "high", code=2)
    assert result.stderr == ("rolecmp: error: rolecmp fit needs --setting, --admin, "
                             "--max-months, --pay when it cannot ask (not a terminal); see "
                             "'rolecmp fit --help'\n")


def test_fit_rejects_bad_values(run):
    result = run("fit", "--contact", "lots", "--setting", "lab", "--admin", "--max-months", "6",
                 "--pay", "low", code=2)
    assert "--contact must be one of low, moderate, high" in result.stderr
