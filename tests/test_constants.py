"""Every threshold and tolerance behind a comparison, a similarity explanation or a name lookup
is pinned here at its edge: change one constant and a test here turns red."""

from __future__ import annotations

import pytest

from rolecmp import compare, similarity
from rolecmp.catalog import default_catalog
from rolecmp.errors import AmbiguousRole, RoleNotFound
from rolecmp.profile import build_profile
from rolecmp.similarity import Vector


def _profiles(*medians_and_growth: tuple[int, float]) -> list:
    cat = default_catalog()
    base = build_profile(cat.get("medical-assistant"), cat)
    assert base.pay is not None and base.outlook is not None
    return [base._replace(pay=base.pay._replace(median_annual=m),
                          outlook=base.outlook._replace(employment_change_pct=g))
            for m, g in medians_and_growth]


@pytest.mark.parametrize("other, differs", [
    (104_999, False),   # 4.999% above 100,000: within the 5% tolerance
    (105_000, False),   # exactly 5%: not "more than 5% apart"
    (105_001, True),    # just over
    (95_300, False),    # 100,000 is 4.9% above 95,300
    (95_200, True),     # and 5.04% above 95,200
])
def test_pay_differs_beyond_five_percent(other, differs):
    profiles = _profiles((100_000, 1.0), (other, 1.0))
    assert compare.PAY_TOLERANCE == 0.05
    assert compare.DIMENSION_BY_KEY["pay"].differs(profiles) is differs


@pytest.mark.parametrize("other, differs", [(2.9, False), (3.0, True), (-1.0, True),
                                            (-0.9, False)])
def test_growth_differs_from_two_points(other, differs):
    assert compare.GROWTH_TOLERANCE == 2.0
    profiles = _profiles((50_000, 1.0), (50_000, other))
    assert compare.DIMENSION_BY_KEY["outlook"].differs(profiles) is differs


@pytest.mark.parametrize("rating, level", [(4.25, "high"), (4.24, "moderate"), (3.5, "moderate"),
                                           (3.49, "low"), (5.0, "high"), (1.0, "low")])
def test_patient_contact_thresholds(rating, level):
    assert similarity.contact_level(rating) == level


def _vector(code: str, values: dict[str, float], default: float = 2.0,
            skills: bool = True) -> Vector:
    """A made-up profile: of the similarity space (skills and knowledge) or, with ``skills``
    false, of the work-activity space."""
    els = similarity.skill_elements() if skills else similarity.elements()
    return Vector(code, code, tuple(values.get(e.id, default) for e in els), False)


def _role(role_id: str):
    return default_catalog().get(role_id)


def test_explanations_name_only_elements_the_roles_rate_important():
    mean = similarity._skills()["mean"]
    # elements whose mean over all occupations is under 2.9, so 3.0 is above the average
    low = [i for i, m in enumerate(mean) if m < 2.9][:4]
    els = [similarity.skill_elements()[i] for i in low]
    a_id, b_id, c_id, d_id = (e.id for e in els)
    # a: both at 3.0 (important for both); b: both at 2.99 (not important);
    # c: 3.0 vs 2.5 (0.5 apart, important for one); d: 2.99 vs 1.5 (apart, important for none)
    va = _vector("x", {a_id: 3.0, b_id: 2.99, c_id: 3.0, d_id: 2.99}, default=1.0)
    vb = _vector("y", {a_id: 3.0, b_id: 2.99, c_id: 2.5, d_id: 1.5}, default=1.0)
    one, two = _role("medical-assistant"), _role("phlebotomist")
    sim = similarity.similarity(one, two, top=10, known={one.id: va, two.id: vb})
    assert sim is not None
    shared = {d.element for d in sim.shared}
    apart = {d.element for d in sim.apart}
    assert els[0].name in shared and els[1].name not in shared
    assert els[2].name in apart and els[3].name not in apart
    # just under the gap: not a difference
    vc = _vector("z", {a_id: 3.0, c_id: 2.51}, default=1.0)
    sim = similarity.similarity(one, two, top=10, known={one.id: va, two.id: vc})
    assert sim is not None and els[2].name not in {d.element for d in sim.apart}


def test_new_to_learn_needs_an_important_rating_and_a_half_point_gap():
    els = similarity.skill_elements()
    a_id, b_id, c_id = (e.id for e in els[:3])
    start = _vector("s", {a_id: 2.5, b_id: 2.0, c_id: 2.6}, default=1.0)
    goal = _vector("g", {a_id: 3.0, b_id: 2.99, c_id: 3.09}, default=1.0)
    one, two = _role("medical-assistant"), _role("phlebotomist")
    learned = {d.element for d in similarity.gaps(one, two, top=10,
                                                   known={one.id: start, two.id: goal})}
    assert els[0].name in learned          # 3.0, +0.5
    assert els[1].name not in learned      # 2.99: not important
    assert els[2].name not in learned      # +0.49: not enough


def test_work_activities_performed_and_not():
    els = similarity.elements()
    act = [e for e in els if e.type != "skill"]
    x, y = act[0].id, act[1].id
    one, two = _role("medical-assistant"), _role("phlebotomist")
    va = _vector("a", {x: 3.5, y: 3.5}, default=1.0, skills=False)
    vb = _vector("b", {x: 3.5, y: 2.99}, default=1.0, skills=False)
    found = similarity.activities([one, two], known={one.id: va, two.id: vb})
    assert found is not None
    assert act[0].name in found.shared
    assert dict(found.only)[one.id] == (act[1].name,)
    vb = _vector("b", {x: 3.49, y: 3.0}, default=1.0, skills=False)
    found = similarity.activities([one, two], known={one.id: va, two.id: vb})
    assert found is not None
    assert act[0].name not in found.shared and dict(found.only)[one.id] == ()


def test_partial_names_need_three_letters():
    cat = default_catalog()
    assert cat.resolve("phl").id == "phlebotomist"  # three letters: a partial name
    with pytest.raises(RoleNotFound):
        cat.resolve("ph")  # two letters: no partial match


def test_a_one_word_alias_names_the_other_roles_from_five_letters():
    cat = default_catalog()
    others = cat._lookup("assistant")[2]
    assert others and len("assistant") >= 5
    others = cat._lookup("cma")[2]  # three letters: no note
    assert others == []


def test_a_note_names_four_roles_then_counts():
    cat = default_catalog()
    _, note = cat.resolve_noted("assistant")
    assert note is not None
    listed = note.split("could also mean ")[1]
    assert listed.count(",") == 3 and " or 4 more (rolecmp search assistant)" in listed


def test_an_ambiguous_name_lists_ten_then_counts():
    with pytest.raises(AmbiguousRole) as err:
        default_catalog().resolve("tech")
    message = str(err.value)
    assert len(err.value.candidates) > 10
    assert message.count(", ") == 9 and f" or {len(err.value.candidates) - 10} more" in message
