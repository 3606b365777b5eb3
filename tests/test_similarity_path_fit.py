"""Similarity, measured patient contact, activities, verdicts, path, fit and similar (issue 4)."""

from __future__ import annotations

import csv
import io
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rolecmp.catalog import default_catalog
from rolecmp.errors import RolecmpError
from rolecmp.fit import (
    ADMIN_POINTS,
    ADMIN_RATING,
    BACHELOR_MONTHS,
    CONTACT_POINTS,
    FULL_SHARE,
    MAX_POINTS,
    PAY_WEIGHTS,
    SETTING_POINTS,
    SETTINGS,
    SOME_ROUTE_POINTS,
    TRAINING_POINTS,
    Answers,
    candidates,
    check_answers,
    parse_months,
    rank,
    training_fit,
)
from rolecmp.profile import build_profile
from rolecmp.similarity import (
    Vector,
    contact_level,
    cosine,
    measured_contact,
    profile,
    similarity,
)


@pytest.fixture(scope="module")
def roles():
    from rolecmp import catalog

    catalog.reset()
    return {r.id: r for r in default_catalog().all()}


def test_similarity_uses_the_8_digit_profile(roles):
    # Centred cosine over O*NET 29.3 skill and knowledge importance of the O*NET-SOC
    # occupation itself: EEG technologists are 29-2099.01 Neurodiagnostic Technologists, not
    # the 29-2099 "all other" average of neurodiagnostic, ophthalmic and patient
    # representatives, so their nearest are the imaging and cardiopulmonary roles.
    assert similarity(roles["medical-assistant"], roles["phlebotomist"]).score == 0.65
    eeg = similarity(roles["eeg-technologist"], roles["radiologic-technologist"])
    assert eeg.score == 0.83 and not eeg.approximate


def test_similarity_is_symmetric_and_one_for_itself(roles):
    profiled = [r for r in roles.values() if profile(r) is not None]
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
    assert sim.shared[0].element == "Medicine and Dentistry"
    # every element named matters: shared ones rated important (3+) by both roles, each
    # difference by the role that needs it, and none is both shared and "sets apart"
    assert all(min(d.ratings) >= 3.0 for d in sim.shared)
    assert all(max(d.ratings) >= 3.0 for d in sim.apart)
    assert not {d.element for d in sim.shared} & {d.element for d in sim.apart}
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
    assert (sim["a"], sim["b"], sim["score"]) == ("medical-assistant", "phlebotomist", 0.65)
    assert sim["release"] == "onet-29.3"
    assert "centred" in sim["method"]
    acts = data["activities"]
    assert "Getting Information" in acts["shared"]
    assert set(acts["only"]) == {"medical-assistant", "phlebotomist"}
    out = run("compare", "ma", "phlebotomist").stdout
    assert "Medical assistant ~ Phlebotomist: 0.65" in out
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
                                       "0.29)")


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
    assert steps["similarity"]["score"] == 0.29
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
    # Outside expectation: the roles most like a radiographer's are the other imaging and
    # diagnostic technologists.
    data = run.json("similar", "rad-tech", "-n", "6")
    ids = [n["id"] for n in data["similar"]]
    assert len(ids) == 6 and set(ids) <= {
        "mri-technologist", "diagnostic-medical-sonographer", "nuclear-medicine-technologist",
        "radiation-therapist", "cardiovascular-technologist", "eeg-technologist",
        "polysomnographic-technologist"}
    scores = [n["score"] for n in data["similar"]]
    assert scores == sorted(scores, reverse=True)
    assert "radiologic-technologist" not in ids
    # a pharmacy technician's nearest occupation among all is the pharmacist
    assert run.json("similar", "cpht", "--all", "-n", "1")["similar"][0]["id"] == "pharmacist"
    assert "O*NET has not rated the skills and knowledge of emt" in \
        run("similar", "emt", code=2).stderr


ANSWERS = Answers("high", "lab", False, 24, "medium")


@pytest.fixture(scope="module")
def fit_profiles():
    from rolecmp import catalog

    catalog.reset()
    cat = default_catalog()
    return {r.id: build_profile(r, cat) for r in candidates(cat)}


def reason(row, criterion):
    return next(r for r in row.reasons if r.criterion == criterion)


def scored(fit_profiles, role_id, answers=ANSWERS):
    result = rank(list(fit_profiles.values()), answers)
    return next(r for r in result.rows if r.id == role_id)


def test_fit_ranks_with_reason_records(run):
    data = run.json("fit", "--contact", "high", "--setting", "lab", "--no-admin",
                    "--max-months", "24", "--pay", "medium")
    ranking = data["ranking"]
    scores = [r["score"] for r in ranking]
    assert scores == sorted(scores, reverse=True)
    assert "medical-technician" not in [r["id"] for r in ranking]  # umbrellas are left out
    for row in ranking:
        # issue 11 item 2: reasons are data, no sentences
        assert [r["criterion"] for r in row["reasons"]] == ["contact", "setting", "admin",
                                                            "training", "pay"]
        assert all(set(r) == {"criterion", "points", "max_points", "basis", "value"}
                   for r in row["reasons"])
        assert sum(r["points"] for r in row["reasons"]) == row["score"] <= 100
        for r in row["reasons"]:  # codes, numbers and titles; no words to parse
            texts = [v for k, v in r["value"].items() if isinstance(v, str)
                     and k not in ("title", "soc_title", "source")]
            texts += [route["level"] or "" for route in r["value"].get("routes", ())]
            assert not any(" " in t for t in texts), r
    assert data["setting"]["name"] == "lab" and data["max_score"] == 100
    # the one lab occupation with a route of 24 months, though its contact is low
    assert "medical-laboratory-technician" in [r["id"] for r in ranking[:5]]


def test_fit_reasons_in_words_in_every_format(run):
    args = ("fit", "--contact", "high", "--setting", "imaging", "--no-admin", "--max-months",
            "48", "--pay", "medium", "-n", "2")
    out = " ".join(run(*args).stdout.split())
    assert "35/35 imaging: O*NET occupation 29-2034.00 Radiologic Technologists" in out
    rows = list(csv.DictReader(io.StringIO(run(*args, "-f", "csv").stdout)))
    assert rows[0]["reasons"].startswith("25/25 patient contact high, as wanted")
    assert "training fits within 48 months" in run(*args, "-f", "markdown").stdout
    assert "35/35 imaging" in run(*args, "-f", "html").stdout


def test_fit_points_for_contact(fit_profiles):
    # MLS: O*NET measures moderate contact (caring for others 3.55)
    for wanted, points in (("moderate", 25), ("low", 10), ("high", 10)):
        row = scored(fit_profiles, "medical-laboratory-scientist",
                     Answers(wanted, "lab", False, 48, "low"))
        assert reason(row, "contact").points == points
        assert reason(row, "contact").basis == "onet"
    row = scored(fit_profiles, "medical-laboratory-technician",
                 Answers("high", "lab", False, 48, "low"))
    assert reason(row, "contact").points == 0  # low against high
    emt = scored(fit_profiles, "emt", Answers("high", "emergency", False, 48, "low"))
    assert reason(emt, "contact").basis == "role-file"  # O*NET has not rated EMTs
    assert reason(emt, "contact").points == 25


def test_fit_points_for_setting(fit_profiles):
    def setting(role_id, name):
        return reason(scored(fit_profiles, role_id, Answers("high", name, False, 120, "low")),
                      "setting")

    listed = setting("radiologic-technologist", "imaging")
    assert (listed.points, listed.basis, listed.value["onet_code"]) == (35, "onet-title",
                                                                       "29-2034.00")
    phlebotomy = setting("phlebotomist", "lab")  # 33.2% of its jobs in NAICS 6215
    assert (phlebotomy.points, phlebotomy.value["share"]) == (23, 0.332)
    assert setting("licensed-practical-nurse", "long-term-care").points == 27  # 38%
    assert setting("nursing-assistant", "home").points == 5  # 7.1%
    nurse = setting("registered-nurse", "hospital")
    assert (nurse.points, nurse.value["share"]) == (35, 0.598)  # NAICS 622, over half
    assert setting("medical-assistant", "clinic").value["share"] == 0.736  # 6211-6214
    assert setting("licensed-practical-nurse", "long-term-care").value["share"] == 0.38  # 623
    # 6215 holds imaging centers: an imaging occupation's share there is not lab work
    mri = setting("mri-technologist", "lab")
    assert mri.points == 0 and mri.value["not_counted"] == "imaging"
    assert setting("dental-assistant", "imaging").points == 0


def test_fit_points_for_admin(fit_profiles):
    def admin(role_id, wanted):
        return reason(scored(fit_profiles, role_id, Answers("high", "lab", wanted, 120, "low")),
                      "admin")

    assert admin("pharmacist", True).points == 10  # O*NET 3.03: has it
    assert admin("pharmacist", False).points == 0
    assert admin("diagnostic-medical-sonographer", False).points == 10  # 2.98: little
    assert admin("diagnostic-medical-sonographer", True).value["has"] is False
    assert admin("emt", True).basis == "role-file"
    assert admin("dental-hygienist", True).value == {"has": True, "wanted": True,
                                                     "rating": 3.0, "threshold": 3.0}


def test_fit_setting_by_soc_needs_every_onet_occupation_listed(monkeypatch):
    from rolecmp import dataset, fit

    aides = dataset.role(dataset.occupations()["31-1120"])  # home health and personal care
    assert aides.onet_code is None
    assert fit._listed("home", aides)[0] == "31-1121.00"
    monkeypatch.setattr(fit, "listed_occupations", lambda: {
        "home": {"31-1121.00": {"title": "Home Health Aides", "source": "x"}}})
    assert fit._listed("home", aides) is None  # personal care aides are not listed


@pytest.mark.parametrize("role_id, months, fits, points", [
    ("healthcare-support-workers-all-other", 0, "all", 10),  # high school: 0 months
    ("health-information-technologists-and-medical-registrars", 24, "all", 10),  # associate
    ("health-information-technologists-and-medical-registrars", 23, "none", 0),
    ("exercise-physiologists", 47, "none", 0),  # bachelor's: 48-60 months
    ("exercise-physiologists", 48, "some", 5),
    ("exercise-physiologists", 60, "all", 10),
    ("genetic-counselors", 59, "none", 0),  # master's: 60-72
    ("genetic-counselors", 60, "some", 5),
    ("genetic-counselors", 72, "all", 10),
    ("audiologists", 83, "none", 0),  # doctoral: 84 or more, never known to end
    ("audiologists", 600, "some", 5),
    ("pharmacist", 83, "none", 0),  # 36-48 months after a bachelor's degree
    ("pharmacist", 84, "some", 5),
    ("pharmacist", 96, "all", 10),
    ("medical-assistant", 11, "none", 0),  # the role file's 12-24 months
    ("medical-assistant", 12, "some", 5),
    ("medical-laboratory-technician", 24, "some", 5),  # associate 24; certificate unknown
    ("medical-laboratory-technician", 12, "unknown", 0),
    ("medical-transcriptionists", 120, "unknown", 0),  # BLS: postsecondary nondegree award
])
def test_fit_training_routes(fit_profiles, role_id, months, fits, points):
    status, found = training_fit(fit_profiles[role_id], months)
    assert (status, found.points) == (fits, points)


@pytest.mark.parametrize("role_id, fits", [
    ("food-preparation-workers", "all"),  # BLS: no formal educational credential, 0 months
    ("tutors", "unknown"),  # BLS: some college, no degree: no length
])
def test_fit_training_routes_outside_healthcare(role_id, fits):
    cat = default_catalog()
    status, found = training_fit(build_profile(cat.get(role_id), cat), 0)
    assert status == fits and found.basis == "bls-entry-education"


def test_fit_pay_by_rank_among_the_candidates(fit_profiles):
    profiles = list(fit_profiles.values())
    high = rank(profiles, Answers("high", "lab", False, 1200, "high"))
    medium = rank(profiles, Answers("high", "lab", False, 1200, "medium"))
    low = rank(profiles, Answers("high", "lab", False, 1200, "low"))
    for result, most in ((high, 20), (medium, 10), (low, 0)):
        pays = [reason(r, "pay") for r in result.rows]
        assert max(p.points for p in pays) == most
        assert all(p.max_points == most for p in pays if p.basis != "unknown")
    top = max(high.rows, key=lambda r: reason(r, "pay").value["percentile"] or 0)
    assert reason(top, "pay").value["percentile"] == 100
    lowest = min((r for r in high.rows if r.median_annual),
                 key=lambda r: (r.median_annual, r.id))
    assert reason(lowest, "pay").points == 0


def test_fit_pay_points_are_the_share_of_lower_medians(fit_profiles):
    result = rank(list(fit_profiles.values()), Answers("high", "lab", False, 1200, "high"))
    medians = [r.median_annual for r in result.rows if r.median_annual is not None]
    for row in result.rows:
        pay = reason(row, "pay")
        if row.median_annual is None:
            assert pay.basis == "unknown" and pay.points == 0
            continue
        share = sum(m < row.median_annual for m in medians) / (len(medians) - 1)
        assert pay.value["percentile"] == round(100 * share)
        assert pay.points == round(20 * share), row.id


def test_fit_top_coded_median_ranks_highest(fit_profiles):
    profiles = dict(fit_profiles)
    dentist = profiles["dentist"]
    profiles["dentist"] = dentist._replace(pay=dentist.pay._replace(
        median_annual=None, markers={"median_annual": "top-coded"}))
    row = scored(profiles, "dentist", Answers("high", "lab", False, 1200, "high"))
    assert reason(row, "pay").value["top_coded"] is True
    assert (reason(row, "pay").points, reason(row, "pay").value["percentile"]) == (20, 100)


def test_fit_leaves_out_umbrella_roles(fit_profiles):
    assert fit_profiles["medical-technician"].role.family == "umbrella"
    result = rank(list(fit_profiles.values()), Answers("high", "lab", False, 1200, "low"))
    assert "medical-technician" not in [r.id for r in result.rows]
    assert "medical-technician" not in result.excluded


def test_fit_leaves_out_roles_whose_training_is_too_long(run):
    data = run.json("fit", "--contact", "high", "--setting", "clinic", "--no-admin",
                    "--max-months", "12", "--pay", "high")
    ranked = [r["id"] for r in data["ranking"]]
    assert "physician-assistant" in data["excluded_for_training"]
    assert "physician-assistant" not in ranked
    assert not set(ranked) & set(data["excluded_for_training"])


def test_fit_ranking_is_stable_under_ties(fit_profiles):
    profiles = list(fit_profiles.values())
    first = rank(profiles, ANSWERS)
    second = rank(list(reversed(profiles)), ANSWERS)
    assert first == second
    for a, b in itertools.pairwise(first.rows):
        assert (a.training == "unknown", -a.score, a.id) <= \
            (b.training == "unknown", -b.score, b.id)


def test_fit_without_a_terminal_says_which_flags_are_needed(run):
    result = run("fit", "--contact", "high", code=2)
    assert result.stderr == ("rolecmp: error: rolecmp fit needs --setting, --admin, "
                             "--max-months, --pay when it cannot ask (not a terminal); see "
                             "'rolecmp fit --help'\n")


def test_fit_rejects_bad_values(run):
    result = run("fit", "--contact", "lots", "--setting", "lab", "--admin", "--max-months", "6",
                 "--pay", "low", code=2)
    assert "--contact" in result.stderr and "low" in result.stderr and "high" in result.stderr


def test_fit_answers_in_any_case_with_synonyms():
    given = {"contact": "Medium", "setting": "Office", "admin": False, "max_months": "2 years",
             "pay": "Moderate"}
    assert check_answers(given) == Answers("moderate", "clinic", False, 24, "medium")
    assert check_answers({**given, "contact": "HIGH", "pay": "HIGH", "setting": "OR"}) == \
        Answers("high", "operating-room", False, 24, "high")
    with pytest.raises(RolecmpError, match="--setting must be one of hospital, clinic"):
        check_answers({**given, "setting": "spa"})
    with pytest.raises(RolecmpError, match="--pay must be one of low, medium, high"):
        check_answers({**given, "pay": "lots"})


@pytest.mark.parametrize("text, months", [
    ("24", 24), ("2 years", 24), ("18 months", 18), ("1.5 years", 18), ("six months", 6),
    ("2y", 24), ("26 weeks", 6), (" 12 MONTHS ", 12), (0, 0), (36, 36)])
def test_parse_months(text, months):
    assert parse_months(text) == months


@pytest.mark.parametrize("text", ["lots", "", "years", "-3", "1e3", "two and a half years",
                                  -1, "1201", True])
def test_parse_months_refuses_what_it_cannot_read(text):
    with pytest.raises(RolecmpError, match="--max-months"):
        parse_months(text)


def test_fit_method_says_what_defines_each_setting(run):
    data = run.json("fit", "--contact", "low", "--setting", "home", "--no-admin",
                    "--max-months", "12", "--pay", "low", "-n", "1")
    assert data["setting"]["industries"] == ["621600", "624100"]
    for name, setting in SETTINGS.items():
        assert f"{name}: {setting.definition}." in data["method"]
    for code in ("NAICS 622", "6211", "6214", "NAICS 6215", "NAICS 6216", "6241", "NAICS 623"):
        assert code in data["method"]


def test_fit_constants():
    # Changing any weight is a change of method: the method text and these tests change too.
    assert (CONTACT_POINTS, SETTING_POINTS, ADMIN_POINTS, TRAINING_POINTS, SOME_ROUTE_POINTS,
            PAY_WEIGHTS, MAX_POINTS) == ((25, 10, 0), 35, 10, 10, 5,
                                         {"low": 0, "medium": 10, "high": 20}, 100)
    assert (FULL_SHARE, ADMIN_RATING, BACHELOR_MONTHS) == (0.5, 3.0, 48)
    assert set(SETTINGS) >= {"hospital", "clinic", "lab", "imaging", "operating-room",
                             "pharmacy", "home", "long-term-care", "emergency"}
