"""Query counts on the pages people load most, pinned so they stay flat."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import Question
from tests.factories import ChoiceFactory, QuestionFactory, SectionFactory

pytestmark = pytest.mark.django_db


def _grow(assessment, sections=4, questions=6):
    for s in range(sections):
        section = SectionFactory(assessment=assessment, order=10 + s)
        for _ in range(questions):
            question = QuestionFactory(section=section, kind=Question.Kind.SINGLE)
            ChoiceFactory(question=question, points=1)
            ChoiceFactory(question=question, points=0)


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in context.captured_queries]


def test_a_section_page_takes_five_queries_however_long_the_assessment(
    client, small_assessment
):
    url = reverse("assessments:take", args=["clerk-readiness", 1])
    client.get(url)  # start the session's draft

    # Expect 6 queries: the session, then the assessment with its career,
    # its sections, their questions (with skills), the questions' choices and
    # the sections' recommendation rules.
    small = _queries(client, url)
    _grow(small_assessment["assessment"])
    large = _queries(client, url)

    assert len(small) == 6
    assert len(large) == len(small)


def test_the_result_page_takes_one_query(client, worked_answers):
    client.post(
        reverse("assessments:take", args=["clerk-readiness", 1]),
        {**worked_answers[0], "action": "next"},
    )
    url = client.post(
        reverse("assessments:take", args=["clerk-readiness", 2]),
        {**worked_answers[1], "action": "next"},
    )["Location"]

    # Expect 2 queries: the session, and the result with its assessment and
    # career. Scores, gaps and advice are stored with the result.
    assert len(_queries(client, url)) == 2


def test_history_takes_a_fixed_number_of_queries(alice_client, worked_answers):
    def take():
        alice_client.post(
            reverse("assessments:take", args=["clerk-readiness", 1]),
            {**worked_answers[0], "action": "next"},
        )
        alice_client.post(
            reverse("assessments:take", args=["clerk-readiness", 2]),
            {**worked_answers[1], "action": "next"},
        )

    take()
    url = reverse("assessments:history")
    # Expect 3 queries: the session, the user, and every result with its
    # assessment and career.
    one = _queries(alice_client, url)
    for _ in range(3):
        take()
    assert len(one) == 3
    assert len(_queries(alice_client, url)) == 3


def test_the_index_takes_a_fixed_number_of_queries(alice_client, small_assessment):
    from tests.factories import AssessmentFactory

    url = reverse("assessments:index")
    # Expect 5 queries: the session, the user, the number of assessments, one
    # page of them with their career and question count, and the person's
    # latest results for that page.
    one = _queries(alice_client, url)
    AssessmentFactory.create_batch(30)
    assert len(one) == 5
    assert len(_queries(alice_client, url)) == 5
    assert len(_queries(alice_client, f"{url}?page=2&q=readiness")) == 5
    # Narrowed to one guide: one more, to find the guide.
    career = small_assessment["assessment"].career.slug
    assert len(_queries(alice_client, f"{url}?career={career}")) == 6


def test_a_generated_analysis_section_page_takes_the_same_queries(client):
    from assessments.catalogue import generate_skills_gaps
    from tests.factories import generated_career_for, occupation_from_pack

    career = generated_career_for(occupation_from_pack("15-1251.00"))
    generate_skills_gaps()
    url = reverse("assessments:take", args=[f"{career.slug}-skills-gap", 1])
    client.get(url)  # start the session's draft

    # The same 6 as any assessment: the session, the assessment with its
    # career, sections, questions, choices and recommendation rules.
    assert len(_queries(client, url)) == 6
