"""Planning a change from one career to another (/careers/plan/)."""

import pytest

from careers.models import Occupation
from careers.plans import (
    FAR,
    change_plan,
    education_step,
    leg_gap,
    level_5,
    skill_plan,
    stepping_stone,
)
from tests.factories import UserFactory

CSR, ACCOUNTANTS, RETAIL, CHIEF = "43-4051.00", "13-2011.00", "41-2031.00", "11-1011.00"


def skills(code: str) -> list[dict]:
    return Occupation.objects.get(code=code).facts["skills"]


def rating(skill_id, im, lv, name=None):
    return {"id": skill_id, "name": name or skill_id, "im": im, "lv": lv}


def test_levels_are_rescaled_from_0_7_to_1_5():
    assert level_5(0) == 1
    assert level_5(7) == 5
    assert level_5(3.5) == 3
    assert level_5(None) == 1  # rated not relevant


def test_only_important_target_skills_count_and_a_missing_one_starts_at_1():
    source = [rating("a", 4, 3.5)]
    target = [rating("a", 4, 3.5), rating("b", 3, 5.25), rating("c", 2.9, 7)]
    plan = skill_plan(source, target)
    assert [step.name for step in plan.shared] == ["a"]
    assert [(step.name, step.have, step.need) for step in plan.to_build] == [
        ("b", 1, 4)
    ]
    assert plan.important_count == 2
    assert plan.is_large  # one of two is far short: more than a third


def test_customer_service_to_accountant(catalogue):
    plan = change_plan(
        catalogue[CSR].occupation, catalogue[ACCOUNTANTS].occupation, dict
    )
    assert plan.skills.important_count == 15
    assert [step.name for step in plan.skills.to_build] == [
        "Mathematics",
        "Reading Comprehension",
        "Monitoring",
    ]
    mathematics = plan.skills.to_build[0]
    assert mathematics.have == pytest.approx(2.3, abs=0.05)
    assert mathematics.need == pytest.approx(3.1, abs=0.05)
    assert "Active Listening" in [step.name for step in plan.skills.shared]
    assert not plan.skills.is_large
    assert plan.stone is None
    assert plan.pay.unit == "annual"
    assert plan.pay.change == (
        catalogue[ACCOUNTANTS].occupation.median_annual
        - catalogue[CSR].occupation.median_annual
    )
    assert str(plan.pay).startswith("+$")
    assert plan.education == 4  # high school diploma to bachelor's degree


def test_education_step_counts_bls_levels():
    assert education_step("Bachelor's degree", "Bachelor's degree") == 0
    assert education_step("Master's degree", "Associate's degree") == -2
    assert education_step("", "Master's degree") is None


def test_a_large_change_goes_through_the_stepping_stone_with_the_easiest_hard_leg(
    catalogue,
):
    source, target = skills(RETAIL), skills(CHIEF)
    direct = skill_plan(source, target)
    assert len(direct.far) * 3 > direct.important_count
    candidates = {
        code: skills(code) for code in catalogue if code not in (RETAIL, CHIEF)
    }

    stone = stepping_stone(source, target, candidates)

    assert stone is not None
    assert stone.worse_leg < leg_gap(source, target)
    # No other candidate makes the harder of the two legs easier.
    for code, middle in candidates.items():
        worse = max(leg_gap(source, middle), leg_gap(middle, target))
        assert stone.worse_leg <= worse, code


def test_no_stepping_stone_when_none_helps():
    source = [rating("a", 4, 0)]
    target = [rating("a", 4, 7)]
    farther = {"x": [rating("a", 4, 0)]}
    assert stepping_stone(source, target, farther) is None
    assert leg_gap(source, target) == pytest.approx(4)
    assert FAR < 4


def test_the_plan_page_on_a_known_pair(client, catalogue, django_assert_num_queries):
    csr, accountants = catalogue[CSR], catalogue[ACCOUNTANTS]

    # 1 both careers with their occupations, 1 the picker's careers (no
    # stepping stone is looked for: the change is not large).
    with django_assert_num_queries(2):
        response = client.get(f"/careers/plan/?from={csr.slug}&to={accountants.slug}")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Mathematics" in html
    assert "Skills you already use" in html
    assert f"/tracker/new/?career={accountants.slug}" in html
    assert "Sign in to make this your target" in html
    assert "A path in two steps" not in html


def test_the_plan_page_proposes_a_path_when_the_gap_is_large(client, catalogue):
    retail, chief = catalogue[RETAIL], catalogue[CHIEF]
    response = client.get(f"/careers/plan/?from={retail.slug}&to={chief.slug}")
    plan = response.context["plan"]
    assert plan.skills.is_large
    assert plan.stone is not None
    assert "A path in two steps" in response.content.decode()
    stone = response.context["stone"]
    assert f"/careers/plan/?from={retail.slug}&amp;to={stone['slug']}" in (
        response.content.decode()
    )


def test_signed_in_the_target_defaults_and_can_be_made_the_target(client, catalogue):
    csr, accountants = catalogue[CSR], catalogue[ACCOUNTANTS]
    person = UserFactory(target_career=accountants)
    client.force_login(person)

    response = client.get(f"/careers/plan/?from={csr.slug}")
    assert response.context["target"] == accountants
    assert "Your target career" in response.content.decode()

    response = client.get(f"/careers/plan/?from={accountants.slug}&to={csr.slug}")
    html = response.content.decode()
    assert "Make this my target" in html
    assert f'<input type="hidden" name="career" value="{csr.slug}">' in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?from=nope",
        "?from=x&to=y",
        "?to=%00",
        "?from=customer-service-representatives&to=customer-service-representatives",
    ],
)
def test_incomplete_or_unknown_choices_show_the_picker(client, catalogue, query):
    response = client.get(f"/careers/plan/{query}")
    assert response.status_code == 200
    assert response.context["plan"] is None
    assert '<select name="from"' in response.content.decode()
