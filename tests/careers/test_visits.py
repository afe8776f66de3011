"""Recording which guides a signed-in person has read."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.models import Career, GuideView
from careers.visits import RECORD_EVERY, guide_view_record
from tests.factories import CareerFactory, UserFactory

pytestmark = pytest.mark.django_db

FIRST = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 3, 5, 17, 30, tzinfo=UTC)


def test_reading_a_guide_again_moves_its_one_row_forward():
    person, career = UserFactory(), CareerFactory()
    with time_machine.travel(FIRST, tick=False):
        guide_view_record(user=person, career=career)
    with time_machine.travel(LATER, tick=False):
        guide_view_record(user=person, career=career)

    view = GuideView.objects.get(user=person, career=career)
    assert view.viewed_at == LATER


def test_a_repeat_visit_is_recorded_in_one_statement():
    person, career = UserFactory(), CareerFactory()
    with time_machine.travel(FIRST, tick=False) as traveller:
        guide_view_record(user=person, career=career)
        traveller.shift(RECORD_EVERY)

        # One INSERT … ON CONFLICT DO UPDATE, not a SELECT and then an UPDATE.
        with CaptureQueriesContext(connection) as captured:
            guide_view_record(user=person, career=career)

    statements = [
        query["sql"]
        for query in captured.captured_queries
        if not query["sql"].startswith(("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE"))
    ]
    assert len(statements) == 1
    assert "ON CONFLICT" in statements[0]
    assert GuideView.objects.filter(user=person).count() == 1


def test_each_person_keeps_their_own_row():
    alice, bob, career = UserFactory(), UserFactory(), CareerFactory()

    guide_view_record(user=alice, career=career)
    guide_view_record(user=bob, career=career)

    assert GuideView.objects.filter(career=career).count() == 2


def test_anonymous_visits_and_drafts_are_not_recorded(django_assert_num_queries):
    person = UserFactory()
    draft = CareerFactory(status=Career.Status.DRAFT)

    with django_assert_num_queries(0):
        guide_view_record(user=AnonymousUser(), career=CareerFactory.build())
        guide_view_record(user=person, career=draft)

    assert not GuideView.objects.exists()


def test_rereading_a_guide_within_five_minutes_writes_nothing(
    django_assert_num_queries,
):
    person, career, other = UserFactory(), CareerFactory(), CareerFactory()
    with time_machine.travel(FIRST, tick=False) as traveller:
        guide_view_record(user=person, career=career)
        traveller.shift(RECORD_EVERY - 1)

        with django_assert_num_queries(0):
            guide_view_record(user=person, career=career)
        # Another guide, or another person, is recorded as before.
        guide_view_record(user=person, career=other)
        guide_view_record(user=UserFactory(), career=career)

    assert GuideView.objects.get(user=person, career=career).viewed_at == FIRST
    assert GuideView.objects.filter(user=person, career=other).exists()
    assert GuideView.objects.filter(career=career).count() == 2
