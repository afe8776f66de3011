"""The weekly goal: weeks Monday to Sunday in the site's time zone, counted by
applied date, and the streak of weeks in a row the goal was met."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import IntegrityError
from django.utils import timezone

from tests.factories import ApplicationFactory
from tracker.goals import STREAK_WEEKS, week_start, weekly_progress
from tracker.models import TrackerProfile
from tracker.selectors import weekly_counts, weekly_goal_for

MONDAY = date(2026, 11, 30)
SUNDAY = date(2026, 12, 6)


def _weeks(*counts: int, before: date = MONDAY) -> dict[date, int]:
    """Counts for the weeks before `before`'s, last week first."""
    return {before - timedelta(weeks=n + 1): count for n, count in enumerate(counts)}


def test_a_week_runs_monday_to_sunday():
    assert week_start(MONDAY) == MONDAY
    assert week_start(SUNDAY) == MONDAY
    assert week_start(SUNDAY + timedelta(days=1)) == SUNDAY + timedelta(days=1)


def test_this_weeks_progress_counts_against_the_goal():
    progress = weekly_progress(goal=5, counts={MONDAY: 3}, today=SUNDAY)

    assert (progress.count, progress.goal, progress.met) == (3, 5, False)
    assert progress.to_go == 2
    assert (progress.starts_on, progress.ends_on) == (MONDAY, SUNDAY)


def test_going_past_the_goal_is_met_and_the_bar_stays_full():
    progress = weekly_progress(goal=2, counts={MONDAY: 4}, today=MONDAY)

    assert progress.met
    assert progress.to_go == 0
    assert progress.bar_value == 2


def test_the_streak_counts_back_from_last_week():
    progress = weekly_progress(goal=3, counts=_weeks(3, 5, 4), today=MONDAY)

    assert progress.streak == 3


def test_a_week_short_of_the_goal_breaks_the_streak():
    progress = weekly_progress(goal=3, counts=_weeks(3, 2, 4, 4), today=MONDAY)

    assert progress.streak == 1


def test_a_week_with_no_applications_breaks_the_streak():
    counts = _weeks(3, 3) | {MONDAY - timedelta(weeks=4): 3}  # week 3 is empty

    assert weekly_progress(goal=3, counts=counts, today=MONDAY).streak == 2


def test_an_unfinished_week_short_of_the_goal_keeps_the_streak():
    counts = _weeks(3, 3) | {MONDAY: 1}

    progress = weekly_progress(goal=3, counts=counts, today=SUNDAY)

    assert not progress.met
    assert progress.streak == 2


def test_this_week_joins_the_streak_once_met():
    counts = _weeks(3, 3) | {MONDAY: 3}

    assert weekly_progress(goal=3, counts=counts, today=MONDAY).streak == 3
    assert weekly_progress(goal=3, counts={MONDAY: 3}, today=MONDAY).streak == 1


def test_last_week_missed_leaves_no_streak_until_this_week_is_met():
    assert weekly_progress(goal=1, counts=_weeks(0, 5), today=MONDAY).streak == 0


def test_a_streak_that_fills_the_window_is_capped_and_says_so():
    counts = _weeks(*[1] * (STREAK_WEEKS + 10))

    progress = weekly_progress(goal=1, counts=counts, today=MONDAY)

    assert progress.streak == STREAK_WEEKS
    assert progress.streak_capped
    assert not weekly_progress(goal=1, counts=_weeks(1, 1), today=MONDAY).streak_capped


def test_a_changed_goal_remeasures_past_weeks():
    counts = _weeks(3, 3, 5)

    assert weekly_progress(goal=3, counts=counts, today=MONDAY).streak == 3
    assert weekly_progress(goal=5, counts=counts, today=MONDAY).streak == 0
    assert weekly_progress(goal=2, counts=counts, today=MONDAY).streak == 3


# From the database, with the clock frozen.


def _applied(owner, day: date, **fields):
    return ApplicationFactory(owner=owner, applied_on=day, **fields)


def _at(day: date, hour: int, minute: int, zone: str = "UTC") -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone))


@pytest.mark.django_db
def test_counts_are_grouped_by_monday_in_one_query(
    alice, bob, django_assert_num_queries
):
    for day in (MONDAY, SUNDAY, SUNDAY - timedelta(weeks=1)):
        _applied(alice, day)
    _applied(alice, MONDAY, archived=True)  # archiving does not undo applying
    _applied(alice, None)  # never applied: never counts
    _applied(bob, MONDAY)
    # Before the streak's window: not read at all.
    _applied(alice, MONDAY - timedelta(weeks=STREAK_WEEKS + 1))

    with django_assert_num_queries(1):
        counts = weekly_counts(user=alice, today=SUNDAY)

    assert counts == {MONDAY: 3, MONDAY - timedelta(weeks=1): 1}


@pytest.mark.django_db
def test_with_no_goal_there_is_no_progress_and_no_query(
    alice, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert weekly_goal_for(user=alice, goal=None, today=MONDAY) is None


@pytest.mark.django_db
def test_sunday_2359_is_still_this_week_and_monday_0000_starts_the_next(alice):
    _applied(alice, SUNDAY)
    _applied(alice, SUNDAY - timedelta(weeks=1))

    with time_machine.travel(_at(SUNDAY, 23, 59), tick=False):
        sunday = weekly_goal_for(user=alice, goal=1, today=timezone.localdate())
    with time_machine.travel(_at(SUNDAY + timedelta(days=1), 0, 0), tick=False):
        monday = weekly_goal_for(user=alice, goal=1, today=timezone.localdate())

    assert (sunday.starts_on, sunday.count, sunday.streak) == (MONDAY, 1, 2)
    # A new week with nothing yet: the count restarts, the streak holds.
    assert (monday.starts_on, monday.count, monday.streak) == (
        MONDAY + timedelta(weeks=1),
        0,
        2,
    )


@pytest.mark.django_db
def test_weeks_follow_the_sites_time_zone_not_utc(alice, settings):
    settings.TIME_ZONE = "Pacific/Auckland"
    _applied(alice, SUNDAY)
    # 11:30 UTC on Sunday is already 00:30 on Monday in Auckland (UTC+13).
    with time_machine.travel(_at(SUNDAY, 11, 30), tick=False):
        today = timezone.localdate()
        progress = weekly_goal_for(user=alice, goal=1, today=today)

    assert today == SUNDAY + timedelta(days=1)
    assert (progress.count, progress.streak) == (0, 1)


@pytest.mark.django_db
def test_west_of_utc_monday_morning_utc_is_still_sunday(alice, settings):
    settings.TIME_ZONE = "America/Los_Angeles"
    _applied(alice, SUNDAY)
    # 03:00 UTC on Monday is 19:00 on Sunday in Los Angeles (UTC-8).
    with time_machine.travel(_at(SUNDAY + timedelta(days=1), 3, 0), tick=False):
        progress = weekly_goal_for(user=alice, goal=1, today=timezone.localdate())

    assert (progress.starts_on, progress.count, progress.met) == (MONDAY, 1, True)


# The setting: the database refuses what the form refuses.


@pytest.mark.django_db
@pytest.mark.parametrize("goal", [0, 101])
def test_the_database_refuses_a_goal_out_of_range(alice, goal):
    with pytest.raises(IntegrityError):
        TrackerProfile.objects.create(user=alice, weekly_goal=goal)


@pytest.mark.django_db
@pytest.mark.parametrize("goal", [None, 1, 100])
def test_the_database_takes_no_goal_or_one_in_range(alice, goal):
    TrackerProfile.objects.create(user=alice, weekly_goal=goal)

    assert TrackerProfile.objects.get(user=alice).weekly_goal == goal


SETTINGS = "/tracker/settings/"


def _settings(goal: str) -> dict:
    return {"quiet_after_days": "14", "email_reminders": "on", "weekly_goal": goal}


@pytest.mark.django_db
def test_the_settings_page_saves_the_goal_and_blank_clears_it(alice_client, alice):
    response = alice_client.post(SETTINGS, _settings("5"))

    assert response.status_code == 302
    assert TrackerProfile.objects.get(user=alice).weekly_goal == 5
    assert 'value="5"' in alice_client.get(SETTINGS).content.decode()

    alice_client.post(SETTINGS, _settings(""))

    assert TrackerProfile.objects.get(user=alice).weekly_goal is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("goal", "message"),
    [
        ("0", "Aim for at least 1 application a week."),
        ("101", "Aim for at most 100 applications a week."),
        ("-3", "Aim for at least 1 application a week."),
        ("2.5", "Enter a whole number of applications, such as 5."),
        ("five", "Enter a whole number of applications, such as 5."),
    ],
)
def test_the_settings_page_refuses_a_goal_out_of_range(
    alice_client, alice, goal, message
):
    TrackerProfile.objects.create(user=alice, weekly_goal=4, quiet_after_days=9)

    response = alice_client.post(SETTINGS, _settings(goal))

    assert response.status_code == 200
    assert response.context["form"].errors["weekly_goal"] == [message]
    assert f'value="{goal}"' in response.content.decode()
    profile = TrackerProfile.objects.get(user=alice)
    assert (profile.weekly_goal, profile.quiet_after_days) == (4, 9)
