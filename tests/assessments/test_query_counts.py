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
    # Expect 4 queries: the session, the user, the assessments with their
    # career and question count, and the person's latest results.
    one = _queries(alice_client, url)
    AssessmentFactory.create_batch(5)
    assert len(one) == 4
    assert len(_queries(alice_client, url)) == 4
