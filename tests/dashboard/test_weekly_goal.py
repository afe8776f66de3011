"""The dashboard's weekly goal: this week's progress, the streak, and a box to
set, change or clear the goal without leaving the page."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ApplicationFactory
from tracker.models import TrackerProfile

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("dashboard:index")
# Thursday 3 December 2026, noon UTC (the test settings' time zone).
THURSDAY = datetime(2026, 12, 3, 12, 0, tzinfo=ZoneInfo("UTC"))
MONDAY = date(2026, 11, 30)


@pytest.fixture(autouse=True)
def _thursday():
    with time_machine.travel(THURSDAY, tick=False):
        yield


def _goal_section(client) -> str:
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    page = response.content.decode()
    return page.split('id="goal-title"')[1].split("</section>")[0]


def _applied(owner, *days: date):
    for day in days:
        ApplicationFactory(owner=owner, applied_on=day)


def test_with_no_goal_the_dashboard_invites_one(alice_client):
    section = _goal_section(alice_client)

    assert "Set how many applications a week you aim for" in section
    assert f'<form method="post" action="{DASHBOARD}"' in section
    assert 'name="weekly_goal"' in section
    assert "<progress" not in section


def test_the_goal_shows_this_weeks_progress_and_the_streak(alice_client, alice):
    TrackerProfile.objects.create(user=alice, weekly_goal=5)
    _applied(alice, MONDAY, MONDAY, date(2026, 12, 3))  # this week: 3
    _applied(alice, *[MONDAY - timedelta(weeks=1)] * 5)  # last week: met
    _applied(alice, *[MONDAY - timedelta(weeks=2)] * 6)  # and the one before
    _applied(alice, *[MONDAY - timedelta(weeks=3)] * 4)  # short: the streak ends

    section = _goal_section(alice_client)

    assert "<strong>3 of 5</strong> applications this week" in section
    assert '<progress class="progress__bar" max="5" value="3"' in section
    assert "2 more to go." in section
    assert "Goal met 2 weeks in a row" in section
    # The box shows the current goal, behind "Change your goal".
    assert "<summary>Change your goal</summary>" in section
    assert re.search(r'name="weekly_goal" value="5"', section)


def test_a_met_week_says_so_and_joins_the_streak(alice_client, alice):
    TrackerProfile.objects.create(user=alice, weekly_goal=1)
    _applied(alice, MONDAY, MONDAY)

    section = _goal_section(alice_client)

    assert "<strong>2 of 1</strong> application this week" in section
    assert 'max="1" value="1"' in section
    assert "goal met for this week." in section
    assert "Goal met 1 week in a row" in section


def test_with_no_streak_the_dashboard_says_how_to_start_one(alice_client, alice):
    TrackerProfile.objects.create(user=alice, weekly_goal=3)

    section = _goal_section(alice_client)

    assert "<strong>0 of 3</strong>" in section
    assert "Meet it this week to start a streak." in section
    assert "in a row" not in section


def test_the_goal_is_set_changed_and_cleared_from_the_dashboard(alice_client, alice):
    response = alice_client.post(DASHBOARD, {"weekly_goal": "4"})

    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert TrackerProfile.objects.get(user=alice).weekly_goal == 4
    page = alice_client.get(DASHBOARD).content.decode()
    assert "Your weekly goal is now 4 applications a week." in page

    alice_client.post(DASHBOARD, {"weekly_goal": "1"})
    assert TrackerProfile.objects.get(user=alice).weekly_goal == 1

    alice_client.post(DASHBOARD, {"weekly_goal": ""})
    assert TrackerProfile.objects.get(user=alice).weekly_goal is None
    assert "Set how many applications" in _goal_section(alice_client)


def test_setting_the_goal_keeps_the_other_tracker_settings(alice_client, alice):
    TrackerProfile.objects.create(user=alice, quiet_after_days=9, email_reminders=False)

    alice_client.post(DASHBOARD, {"weekly_goal": "6"})

    profile = TrackerProfile.objects.get(user=alice)
    assert (profile.weekly_goal, profile.quiet_after_days) == (6, 9)
    assert profile.email_reminders is False


@pytest.mark.parametrize("goal", ["0", "101", "lots", "1" + "0" * 400])
def test_a_bad_goal_shows_the_dashboard_with_the_error(alice_client, alice, goal):
    TrackerProfile.objects.create(user=alice, weekly_goal=2)

    response = alice_client.post(DASHBOARD, {"weekly_goal": goal})

    assert response.status_code == 200
    assert response.context["goal_form"].errors["weekly_goal"]
    page = response.content.decode()
    assert "Please fix 1 problem below" in page
    # The entry comes back in the box, opened, and the rest of the page is there.
    assert f'value="{goal}"' in page
    assert '<details class="disclosure" open>' in page
    assert 'id="pipeline-title"' in page
    assert TrackerProfile.objects.get(user=alice).weekly_goal == 2


def test_signing_in_is_needed_to_set_a_goal(client, alice):
    response = client.post(DASHBOARD, {"weekly_goal": "5"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))
    assert not TrackerProfile.objects.exists()


def test_nobody_elses_applications_or_goal_count(client, alice, bob):
    TrackerProfile.objects.create(user=alice, weekly_goal=2)
    _applied(alice, MONDAY, MONDAY, MONDAY - timedelta(weeks=1))
    TrackerProfile.objects.create(user=bob, weekly_goal=7)
    _applied(bob, MONDAY)
    client.force_login(bob)

    section = _goal_section(client)

    assert "<strong>1 of 7</strong>" in section
    assert "in a row" not in section
    assert TrackerProfile.objects.get(user=alice).weekly_goal == 2


def test_the_dashboard_with_a_goal_takes_a_fixed_number_of_queries(alice_client, alice):
    def queries():
        with CaptureQueriesContext(connection) as context:
            _goal_section(alice_client)
        return len(context.captured_queries)

    TrackerProfile.objects.create(user=alice, weekly_goal=3)
    few = queries()
    for weeks in range(20):
        _applied(alice, *[MONDAY - timedelta(weeks=weeks)] * 3)

    # Expect 10 queries: the session, the user, the latest readiness result,
    # follow-ups due, their tracker settings, the applications counted by
    # week, their latest skill ratings, pipeline counts, upcoming interviews
    # and recently viewed guides (no target career here).
    assert few == 10
    assert queries() == few
    assert "Goal met 20 weeks in a row" in _goal_section(alice_client)
