"""Skills gap analyses generated from the occupation catalogue's skill ratings."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.catalogue import (
    generate_skills_gaps,
    plan_for,
    question_weight,
    required_level,
)
from assessments.loader import load_assessments
from assessments.models import Assessment, Question, Recommendation, Result, Section
from assessments.services import assessment_touch
from careers.loader import load_careers
from careers.models import Career
from tests.factories import generated_career_for, occupation_from_pack

pytestmark = pytest.mark.django_db

# Computer programmers: an occupation other than the clerk's, rated on 30 skills.
CODE = "15-1251.00"
# Software developers: O*NET publishes no skill ratings for them.
UNRATED_CODE = "15-1252.00"


def _skill(skill_id, name, group, group_name, im, lv):
    return {
        "id": skill_id,
        "name": name,
        "group": group,
        "group_name": group_name,
        "im": im,
        "lv": lv,
    }


THREE_SKILLS = [
    _skill(
        "2.A.1.b",
        "Active Listening",
        "basic_content",
        "Basic skills: content",
        4.0,
        5.25,
    ),
    _skill("2.A.1.d", "Speaking", "basic_content", "Basic skills: content", 2.0, 1.75),
    _skill("2.B.1.a", "Social Perceptiveness", "social", "Social skills", 3.0, 3.5),
]


def _career_with_skills(skills, code=CODE):
    occupation = occupation_from_pack(code)
    occupation.facts = {**occupation.facts, "skills": skills}
    occupation.save()
    return generated_career_for(occupation)


def _generated(career) -> Assessment:
    return Assessment.objects.get(slug=f"{career.slug}-skills-gap")


def _snapshot(assessment):
    return {
        "questions": list(
            Question.objects.filter(section__assessment=assessment)
            .order_by("pk")
            .values()
        ),
        "rules": list(
            Recommendation.objects.filter(section__assessment=assessment)
            .order_by("pk")
            .values()
        ),
    }


@pytest.mark.parametrize(
    ("lv", "level"),
    [
        (0, 1),
        (0.38, 1),
        (0.87, 1),
        (0.875, 2),  # 1.5 rounds half up
        (1.75, 2),
        (3.5, 3),
        (4, 3),
        (5.25, 4),
        (6, 4),
        (6.125, 5),
        (7, 5),
    ],
)
def test_the_required_level_is_the_0_to_7_level_on_the_1_to_5_scale(lv, level):
    assert required_level(lv) == level


@pytest.mark.parametrize(
    ("im", "weight"), [(1, 20), (1.38, 28), (1.025, 21), (3.38, 68), (5, 100)]
)
def test_the_weight_is_the_importance_twenty_per_point(im, weight):
    assert question_weight(im) == weight


def test_a_plan_has_a_section_per_skill_group_in_onet_order_most_important_first():
    skills = [
        *THREE_SKILLS,
        _skill(
            "2.A.1.a",
            "Reading Comprehension",
            "basic_content",
            "Basic skills: content",
            3.0,
            3.0,
        ),
        _skill(
            "2.A.1.c", "Writing", "basic_content", "Basic skills: content", 3.5, None
        ),
    ]
    # The pack's order is by element id; the plan does not depend on it.
    plan = plan_for("nurses", "Nurses", list(reversed(skills)))

    assert plan.slug == "nurses-skills-gap"
    assert plan.title == "Nurses Skills Gap Analysis"
    assert [s.title for s in plan.sections] == [
        "Basic skills: content",
        "Social skills",
    ]
    basic = plan.sections[0]
    # Writing has no published level, so it is left out.
    assert [q.prompt for q in basic.questions] == [
        "Active Listening",
        "Reading Comprehension",
        "Speaking",
    ]
    assert [(q.required_level, q.weight) for q in basic.questions] == [
        (4, 80),
        (3, 60),
        (2, 40),
    ]
    # A section weighs the sum of its importances: 4 + 3 + 2.
    assert basic.weight == 9
    assert "level 4 of 5" in basic.questions[0].rule.advice
    assert plan.question_count == 4
    assert "4 skills" in plan.intro


def test_no_plan_without_rated_skills():
    assert plan_for("x", "X", []) is None
    assert plan_for("x", "X", [{"name": "Writing", "im": 3, "lv": None}]) is None


def test_a_long_title_is_shortened_to_fit():
    plan = plan_for("x", "Word " * 30, THREE_SKILLS)
    assert len(plan.title) <= 120
    assert plan.title.endswith("… Skills Gap Analysis")


def test_a_generated_analysis_scores_end_to_end(client):
    career = _career_with_skills(THREE_SKILLS)
    generate_skills_gaps()
    assessment = _generated(career)
    assert assessment.is_published
    assert assessment.source == Assessment.Source.GENERATED
    assert assessment.kind == Assessment.Kind.SKILLS_GAP
    assert assessment.career == career
    questions = {
        q.prompt: q for q in Question.objects.filter(section__assessment=assessment)
    }

    detail = client.get(assessment.get_absolute_url()).content.decode()
    assert "each of the 3 skills O*NET rates for Computer Programmers" in detail
    section = client.get(reverse("assessments:take", args=[assessment.slug, 1]))
    assert "How good are you at active listening today?" in section.content.decode()

    client.post(reverse("assessments:start", args=[assessment.slug]))
    client.post(
        reverse("assessments:take", args=[assessment.slug, 1]),
        {
            f"q{questions['Active Listening'].pk}": "3",
            f"q{questions['Speaking'].pk}": "1",
            "action": "next",
        },
    )
    response = client.post(
        reverse("assessments:take", args=[assessment.slug, 2]),
        {f"q{questions['Social Perceptiveness'].pk}": "3", "action": "next"},
    )

    # Basic skills (weight 4 + 2 = 6): Active Listening 3 of a required 4,
    # (3 - 1) / (4 - 1) = 2/3, weight 80; Speaking 1 of 2, 0, weight 40:
    # (2/3 * 80) / 120 = 44.4. Social skills (weight 3): 3 of 3, 100.
    # Overall (44.4 * 6 + 100 * 3) / 9 = 62.96, so 63: Getting there.
    result = Result.objects.get()
    assert response["Location"] == result.get_absolute_url()
    assert result.overall_score == 63
    assert result.band == Result.Band.GETTING_THERE
    assert [s["score"] for s in result.section_scores] == [44, 100]
    assert [
        (g["label"], g["your_level"], g["required_level"]) for g in result.gaps
    ] == [
        ("Active Listening", 3, 4),
        ("Speaking", 1, 2),
    ]
    titles = [item["title"] for item in result.recommendations]
    assert "Active Listening: close the gap" in titles
    assert "Build up the basics of reading, writing and speaking" in titles

    page = client.get(result.get_absolute_url()).content.decode()
    assert "63" in page
    assert "the job asks for 4" in page
    assert f"{career.get_absolute_url()}#skills" in page


def test_a_second_run_changes_nothing_and_says_so():
    career = _career_with_skills(THREE_SKILLS)
    first = generate_skills_gaps()
    assert (first.created, first.updated, first.questions_written) == (1, 0, 3)
    assessment = _generated(career)
    before = (_snapshot(assessment), assessment.updated_at, assessment.loaded_at)

    with CaptureQueriesContext(connection) as context:
        second = generate_skills_gaps()

    assert (second.created, second.updated, second.unchanged) == (0, 0, 1)
    assert "nothing changed" in second.summary()[0]
    assessment.refresh_from_db()
    assert (
        _snapshot(assessment),
        assessment.updated_at,
        assessment.loaded_at,
    ) == before
    # Reads only: the hand-written analyses, the existing ones, the guides.
    assert len(context.captured_queries) == 3


def test_new_ratings_refresh_an_analysis_nobody_edited():
    career = _career_with_skills(THREE_SKILLS)
    generate_skills_gaps()
    occupation = career.occupation
    occupation.facts = {**occupation.facts, "skills": THREE_SKILLS[:2]}
    occupation.save()

    report = generate_skills_gaps()

    assert (report.created, report.updated) == (0, 1)
    assessment = _generated(career)
    assert list(
        Question.objects.filter(section__assessment=assessment).values_list(
            "prompt", flat=True
        )
    ) == ["Active Listening", "Speaking"]
    assert assessment.sections.count() == 1
    # Still the loader's: a later change refreshes it again.
    assert assessment.loaded_at == assessment.updated_at


def test_a_staff_edit_is_kept():
    career = _career_with_skills(THREE_SKILLS)
    generate_skills_gaps()
    assessment = _generated(career)
    question = Question.objects.get(section__assessment=assessment, prompt="Speaking")
    question.required_level = 5
    question.save()
    assessment_touch(assessment.pk)  # what saving it in the admin does
    occupation = career.occupation
    occupation.facts = {**occupation.facts, "skills": THREE_SKILLS[:1]}
    occupation.save()

    report = generate_skills_gaps()

    assert report.kept_staff_edits == [assessment.slug]
    assert report.updated == 0
    question.refresh_from_db()
    assert question.required_level == 5
    assert any("Kept staff edits to" in line for line in report.summary())


def test_the_clerks_hand_written_analysis_is_untouched():
    load_careers()
    clerk = Career.objects.get(slug="customer-service-clerk")
    clerk.occupation = occupation_from_pack("43-4051.00")
    clerk.save()
    load_assessments()
    hand_written = Assessment.objects.get(slug="customer-service-clerk-skills-gap")
    before = (_snapshot(hand_written), hand_written.updated_at)

    report = generate_skills_gaps()

    assert report.hand_written == ["customer-service-clerk"]
    assert report.created == 0
    hand_written.refresh_from_db()
    assert (_snapshot(hand_written), hand_written.updated_at) == before
    assert hand_written.source == Assessment.Source.EDITORIAL
    assert not Assessment.objects.filter(source=Assessment.Source.GENERATED).exists()


def test_only_published_guides_with_an_occupation_get_one():
    draft = _career_with_skills(THREE_SKILLS)
    draft.status = Career.Status.DRAFT
    draft.save()
    from tests.factories import CareerFactory

    CareerFactory(slug="no-occupation")

    assert generate_skills_gaps().created == 0
    assert not Assessment.objects.exists()


def test_a_generated_analysis_from_the_pack_rates_every_rated_skill():
    career = generated_career_for(occupation_from_pack(CODE))
    rated = [s for s in career.occupation.facts["skills"] if s["lv"] is not None]

    generate_skills_gaps()

    assessment = _generated(career)
    questions = Question.objects.filter(section__assessment=assessment)
    assert questions.count() == len(rated)
    assert set(questions.values_list("kind", flat=True)) == {Question.Kind.RATING}
    assert Section.objects.filter(assessment=assessment).count() == len(
        {s["group"] for s in rated}
    )
    # Advice for every skill and every section.
    assert Recommendation.objects.filter(section__assessment=assessment).count() == (
        len(rated) + assessment.sections.count()
    )


def test_an_occupation_without_skill_ratings_gets_none():
    generated_career_for(occupation_from_pack(UNRATED_CODE))

    assert generate_skills_gaps().created == 0
    assert not Assessment.objects.exists()


def test_the_command_reports_the_generated_analyses():
    from io import StringIO

    _career_with_skills(THREE_SKILLS)
    load_careers()
    out = StringIO()

    call_command("load_assessments", stdout=out)
    call_command("load_assessments", stdout=out)

    lines = out.getvalue().splitlines()
    assert any(
        line.startswith("Skills gap analyses from the catalogue: 1 created")
        for line in lines
    )
    assert any("nothing changed; 1 unchanged" in line for line in lines)


def test_the_admin_does_not_rebuild_a_generated_analysis_from_guide_skills(
    admin_client,
):
    career = _career_with_skills(THREE_SKILLS)
    generate_skills_gaps()
    assessment = _generated(career)

    response = admin_client.post(
        "/admin/assessments/assessment/",
        {"action": "regenerate_skills_gap", "_selected_action": [assessment.pk]},
        follow=True,
    )

    assert "load_assessments refreshes; left unchanged" in response.content.decode()
    assert Question.objects.filter(section__assessment=assessment).count() == 3


def test_a_staff_copy_of_a_generated_analysis_is_hand_written(admin_client):
    career = _career_with_skills(THREE_SKILLS)
    generate_skills_gaps()
    assessment = _generated(career)

    admin_client.post(
        "/admin/assessments/assessment/",
        {"action": "duplicate", "_selected_action": [assessment.pk]},
    )

    copy = Assessment.objects.get(slug=f"{assessment.slug}-copy")
    assert copy.source == Assessment.Source.EDITORIAL
    # The guide now has a hand-written analysis in the works: the generated
    # one is left as it is.
    assert generate_skills_gaps().hand_written == [career.slug]
