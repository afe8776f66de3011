import datetime as dt
import re
import uuid

import pytest
import time_machine

from assessments.models import (
    Assessment,
    Choice,
    Question,
    Recommendation,
    Result,
    Section,
)
from careers.models import Skill
from tests.factories import CareerFactory, CareerSkillFactory, SkillFactory
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db

LOADED_AT = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)


def build_assessment(**fields) -> Assessment:
    """A small readiness assessment: two sections, one question of every kind
    and two recommendation rules, as if the content loader had written it."""
    career = fields.pop("career", None) or CareerFactory(title="Clerk")
    with time_machine.travel(LOADED_AT, tick=False):
        assessment = Assessment.objects.create(
            **{
                "title": "Clerk readiness",
                "slug": "clerk-readiness",
                "kind": Assessment.Kind.READINESS,
                "career": career,
                "loaded_digest": "abc",
                "loaded_at": LOADED_AT,
            }
            | fields
        )
        tools = Section.objects.create(
            assessment=assessment, title="Tools", weight=2, order=1
        )
        judgement = Section.objects.create(
            assessment=assessment, title="Judgement", weight=1, order=2
        )
        crm = Question.objects.create(
            section=tools, prompt="Which CRM have you used?", kind="single", order=1
        )
        Choice.objects.create(question=crm, label="Several", points=3, order=1)
        Choice.objects.create(question=crm, label="None", points=0, order=2)
        Question.objects.create(
            section=tools,
            prompt="Typing speed",
            kind="number",
            min_value=0,
            max_value=200,
            target_value=45,
            unit="words per minute",
            order=2,
        )
        Question.objects.create(
            section=tools,
            prompt="Rate your spreadsheet skill",
            kind="rating",
            required_level=4,
            skill=SkillFactory(),
            order=3,
        )
        channels = Question.objects.create(
            section=judgement, prompt="Which channels suit you?", kind="multiple"
        )
        Choice.objects.create(question=channels, label="Phone", points=1)
        Choice.objects.create(question=channels, label="Chat", points=1)
        Choice.objects.create(question=channels, label="Neither", points=-1)
        weekends = Question.objects.create(
            section=judgement, prompt="Can you work weekends?", kind="yes_no"
        )
        Choice.objects.create(question=weekends, label="Yes", points=1, order=1)
        Choice.objects.create(question=weekends, label="No", points=0, order=2)
        Recommendation.objects.create(
            section=tools, title="Practise typing", advice="Daily.", below_score=80
        )
        Recommendation.objects.create(
            section=judgement,
            question=weekends,
            title="Think about weekends",
            advice="Most teams need them.",
            link_url="/tracker/",
        )
    return assessment


def result_for(assessment, owner=None) -> Result:
    return Result.objects.create(
        assessment=assessment,
        owner=owner,
        submission_id=uuid.uuid4(),
        overall_score=72,
        band="ready",
        section_scores=[{"id": 1, "title": "Tools", "weight": 2, "score": 72}],
    )


def edited_since_loading(assessment) -> bool:
    assessment.refresh_from_db()
    return assessment.updated_at > assessment.loaded_at


def test_every_assessments_admin_page_opens_for_staff(admin_client):
    assessment = build_assessment()
    section = assessment.sections.first()
    question = Question.objects.get(kind="single")
    rule = Recommendation.objects.first()
    urls = [
        "/admin/assessments/",
        "/admin/assessments/assessment/",
        "/admin/assessments/assessment/?q=clerk&kind__exact=readiness",
        "/admin/assessments/assessment/add/",
        f"/admin/assessments/assessment/{assessment.pk}/change/",
        "/admin/assessments/section/",
        f"/admin/assessments/section/{section.pk}/change/",
        "/admin/assessments/question/",
        f"/admin/assessments/question/?section__assessment__id__exact={assessment.pk}",
        "/admin/assessments/question/?section__id__exact=nonsense",
        "/admin/assessments/question/?q=typing&kind__exact=number",
        "/admin/assessments/question/add/",
        f"/admin/assessments/question/{question.pk}/change/",
        "/admin/assessments/recommendation/",
        "/admin/assessments/recommendation/add/",
        f"/admin/assessments/recommendation/{rule.pk}/change/",
    ]
    for url in urls:
        assert admin_client.get(url).status_code == 200, url


def test_the_assessment_list_counts_questions(admin_client):
    build_assessment()
    response = admin_client.get("/admin/assessments/assessment/")

    row = response.context["cl"].result_list[0]
    assert row.question_total == 5
    assert "Clerk readiness" in response.content.decode()


def test_each_section_row_links_to_its_questions(admin_client):
    assessment = build_assessment()
    tools = assessment.sections.get(title="Tools")
    page = admin_client.get(
        f"/admin/assessments/assessment/{assessment.pk}/change/"
    ).content.decode()
    assert 'name="sections-TOTAL_FORMS" value="2"' in page
    link = f"/admin/assessments/question/?section__id__exact={tools.pk}"
    assert f'<a href="{link}">3 questions →</a>' in page

    listed = admin_client.get(link).context["cl"].result_list

    assert {question.prompt for question in listed} == {
        "Which CRM have you used?",
        "Typing speed",
        "Rate your spreadsheet skill",
    }


def test_a_question_added_from_a_section_list_starts_in_that_section(admin_client):
    tools = build_assessment().sections.get(title="Tools")
    response = admin_client.get(
        "/admin/assessments/question/add/",
        {"_changelist_filters": f"section__id__exact={tools.pk}"},
    )

    assert response.context["adminform"].form.initial["section"] == str(tools.pk)


def test_view_on_site_and_the_preview_link_open_the_taker_page(admin_client):
    assessment = build_assessment()
    page = admin_client.get(
        f"/admin/assessments/assessment/{assessment.pk}/change/"
    ).content.decode()
    view_on_site = re.search(r'<a href="([^"]+)" class="viewsitelink"', page).group(1)

    response = admin_client.get(view_on_site)

    assert response["Location"].endswith("/assessments/clerk-readiness/")
    assert (
        '<a href="/assessments/clerk-readiness/" target="_blank" rel="noopener">'
        "Open the assessment as a taker sees it (draft: staff only)</a>"
    ) in page


def test_staff_add_a_section_through_the_inline(admin_client):
    assessment = build_assessment()
    url = f"/admin/assessments/assessment/{assessment.pk}/change/"
    data = form_data(admin_client.get(url).content.decode(), "assessment_form")
    data.update(
        {
            "sections-TOTAL_FORMS": "3",
            "sections-2-order": "3",
            "sections-2-title": "Availability",
            "sections-2-weight": "2",
            "sections-2-intro": "Shifts and weekends.",
            "sections-0-weight": "5",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(assessment.sections.values_list("title", "weight")) == [
        ("Tools", 5),
        ("Judgement", 1),
        ("Availability", 2),
    ]
    assert edited_since_loading(assessment)


def test_saving_a_question_and_its_choices_counts_as_an_edit(admin_client):
    assessment = build_assessment()
    assert not edited_since_loading(assessment)
    question = Question.objects.get(kind="single")
    url = f"/admin/assessments/question/{question.pk}/change/"
    data = form_data(admin_client.get(url).content.decode(), "question_form")
    data.update(
        {
            "choices-TOTAL_FORMS": "3",
            "choices-1-points": "1",
            "choices-2-order": "3",
            "choices-2-label": "One",
            "choices-2-points": "2",
        }
    )

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(question.choices.values_list("label", "points")) == [
        ("Several", 3),
        ("None", 1),
        ("One", 2),
    ]
    assert edited_since_loading(assessment)


@pytest.mark.parametrize(
    ("path", "pick"),
    [
        ("section", lambda: Section.objects.get(title="Judgement")),
        ("recommendation", lambda: Recommendation.objects.get(title__contains="typ")),
    ],
)
def test_saving_a_section_or_a_rule_counts_as_an_edit(admin_client, path, pick):
    assessment = build_assessment()
    url = f"/admin/assessments/{path}/{pick().pk}/change/"
    data = form_data(admin_client.get(url).content.decode(), f"{path}_form")

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert edited_since_loading(assessment)


def test_deleting_a_question_counts_as_an_edit(admin_client):
    assessment = build_assessment()
    question = Question.objects.get(kind="number")

    response = admin_client.post(
        f"/admin/assessments/question/{question.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Question.objects.filter(pk=question.pk).exists()
    assert edited_since_loading(assessment)


def test_deleting_questions_in_bulk_counts_as_an_edit(admin_client):
    assessment = build_assessment()
    ids = list(
        Question.objects.filter(kind__in=["rating", "number"]).values_list(
            "pk", flat=True
        )
    )

    response = admin_client.post(
        "/admin/assessments/question/",
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )

    assert response.status_code == 302
    assert not Question.objects.filter(pk__in=ids).exists()
    assert edited_since_loading(assessment)


def new_question_data(admin_client, section, **fields) -> dict:
    page = admin_client.get("/admin/assessments/question/add/").content.decode()
    data = form_data(page, "question_form")
    data.update({"section": str(section.pk), "prompt": "A new question"} | fields)
    return data


def choices(*rows) -> dict:
    data = {"choices-TOTAL_FORMS": str(len(rows))}
    for number, (label, points) in enumerate(rows):
        data |= {
            f"choices-{number}-order": str(number + 1),
            f"choices-{number}-label": label,
            f"choices-{number}-points": str(points),
        }
    return data


@pytest.mark.parametrize(
    ("kind", "rows", "message"),
    [
        ("single", [("A", 0), ("B", 0)], "Give at least one choice positive points"),
        ("multiple", [("A", -1), ("B", 0)], "Give at least one choice positive points"),
        ("yes_no", [], "Give at least one choice positive points"),
        ("yes_no", [("Yes", 1), ("No", 0), ("Maybe", 0)], "exactly two choices"),
    ],
)
def test_a_choice_question_needs_a_best_choice(admin_client, kind, rows, message):
    section = build_assessment().sections.first()
    data = new_question_data(admin_client, section, kind=kind) | choices(*rows)

    response = admin_client.post("/admin/assessments/question/add/", data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.filter(prompt="A new question").exists()


def test_a_number_question_needs_its_range_and_target(admin_client):
    section = build_assessment().sections.first()
    data = new_question_data(
        admin_client, section, kind="number", min_value="0", max_value="100"
    )

    response = admin_client.post("/admin/assessments/question/add/", data)

    assert response.status_code == 200
    assert (
        "A number question needs a minimum, maximum and target."
        in response.content.decode()
    )


def test_a_rating_question_saves_without_choices(admin_client):
    section = build_assessment().sections.first()
    data = new_question_data(
        admin_client,
        section,
        kind="rating",
        low_label="Never tried",
        high_label="Could teach it",
        required_level="3",
    )

    response = admin_client.post("/admin/assessments/question/add/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get(prompt="A new question")
    assert (question.kind, question.required_level) == ("rating", 3)


def test_a_rule_must_judge_a_question_of_its_own_section(admin_client):
    assessment = build_assessment()
    page = admin_client.get("/admin/assessments/recommendation/add/").content.decode()
    data = form_data(page, "recommendation_form")
    data.update(
        section=str(assessment.sections.get(title="Tools").pk),
        question=str(Question.objects.get(kind="yes_no").pk),
        title="Wrong section",
        advice="Nothing.",
        below_score="50",
    )

    response = admin_client.post("/admin/assessments/recommendation/add/", data)

    assert response.status_code == 200
    assert "Choose a question from the chosen section." in response.content.decode()


def test_sections_and_questions_autocomplete_by_assessment_or_prompt(admin_client):
    build_assessment()
    sections = admin_client.get(
        "/admin/autocomplete/",
        {
            "term": "clerk",
            "app_label": "assessments",
            "model_name": "question",
            "field_name": "section",
        },
    ).json()["results"]
    questions = admin_client.get(
        "/admin/autocomplete/",
        {
            "term": "weekends",
            "app_label": "assessments",
            "model_name": "recommendation",
            "field_name": "question",
        },
    ).json()["results"]

    assert {section["text"] for section in sections} == {"Tools", "Judgement"}
    assert [question["text"] for question in questions] == ["Can you work weekends?"]


def test_duplicating_copies_everything_as_a_draft(admin_client):
    original = build_assessment(is_published=True)

    response = admin_client.post(
        "/admin/assessments/assessment/",
        {"action": "duplicate", "_selected_action": [original.pk]},
        follow=True,
    )

    copy = Assessment.objects.get(slug="clerk-readiness-copy")
    assert (copy.title, copy.is_published, copy.kind, copy.career) == (
        "Copy of Clerk readiness",
        False,
        original.kind,
        original.career,
    )
    assert (copy.loaded_digest, copy.loaded_at) == ("", None)

    def shape(assessment):
        return [
            (
                section.title,
                section.weight,
                [
                    (
                        question.prompt,
                        question.kind,
                        question.target_value,
                        question.required_level,
                        question.skill_id,
                        [(c.label, c.points) for c in question.choices.all()],
                    )
                    for question in section.questions.all()
                ],
            )
            for section in assessment.sections.all()
        ]

    assert shape(copy) == shape(original)
    assert Question.objects.filter(section__assessment=copy).count() == 5
    rules = Recommendation.objects.filter(section__assessment=copy)
    assert sorted(rules.values_list("title", "section__title")) == [
        ("Practise typing", "Tools"),
        ("Think about weekends", "Judgement"),
    ]
    weekend_rule = rules.get(question__isnull=False)
    assert weekend_rule.question.section == weekend_rule.section
    assert weekend_rule.question.section.assessment == copy
    # The original keeps its own rows.
    assert Recommendation.objects.filter(section__assessment=original).count() == 2
    message = response.content.decode()
    assert (
        f'Made 1 draft copy: <a href="/admin/assessments/assessment/{copy.pk}'
        '/change/">Copy of Clerk readiness</a>'
    ) in message


def test_a_second_copy_gets_the_next_free_slug(admin_client):
    original = build_assessment()
    for _ in range(2):
        admin_client.post(
            "/admin/assessments/assessment/",
            {"action": "duplicate", "_selected_action": [original.pk]},
        )

    assert set(
        Assessment.objects.filter(title="Copy of Clerk readiness").values_list(
            "slug", flat=True
        )
    ) == {"clerk-readiness-copy", "clerk-readiness-copy-2"}


def test_people_who_are_not_staff_cannot_open_the_assessments_admin(alice_client):
    assessment = build_assessment()
    for url in [
        "/admin/assessments/assessment/",
        f"/admin/assessments/assessment/{assessment.pk}/change/",
    ]:
        response = alice_client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/login/")


def test_deleting_an_account_in_the_admin_takes_its_results(admin_client, alice):
    # Results have no admin, and deleting a person still takes theirs.
    result_for(build_assessment(), owner=alice)

    response = admin_client.post(
        f"/admin/accounts/user/{alice.pk}/delete/", {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Result.objects.exists()


def test_regenerating_a_skills_gap_analysis_follows_the_guide(admin_client):
    career = CareerFactory(title="Clerk")
    CareerSkillFactory(career=career, skill=SkillFactory(name="Typing"), importance=5)
    CareerSkillFactory(
        career=career,
        skill=SkillFactory(name="Listening", kind=Skill.Kind.SOFT),
        importance=3,
    )
    gap = Assessment.objects.create(
        title="Clerk skills",
        slug="clerk-skills",
        kind=Assessment.Kind.SKILLS_GAP,
        career=career,
    )
    dropped = Section.objects.create(assessment=gap, title="Old skills")
    Question.objects.create(
        section=dropped,
        prompt="How well do you use a fax machine?",
        kind="rating",
        skill=SkillFactory(name="Faxing"),
    )
    readiness = build_assessment(career=career)

    response = admin_client.post(
        "/admin/assessments/assessment/",
        {
            "action": "regenerate_skills_gap",
            "_selected_action": [gap.pk, readiness.pk],
        },
        follow=True,
    )

    rated = Question.objects.filter(section__assessment=gap)
    assert sorted(rated.values_list("skill__name", "required_level", "weight")) == [
        ("Listening", 3, 3),
        ("Typing", 5, 5),
    ]
    assert Question.objects.filter(section__assessment=readiness).count() == 5
    page = response.content.decode()
    assert "now rates the 2 skills of the Clerk guide." in page
    assert "left unchanged: Clerk readiness." in page
