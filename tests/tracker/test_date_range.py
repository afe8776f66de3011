"""Dates people enter are between 1970 and 2100, with a field error outside; rows
saved before that rule (up to 9999-12-31) still show, feed and snooze, never a 500."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from core.dates import DATE_RANGE_MESSAGE
from tracker.models import Application, Interview
from tracker.services import application_create, follow_up_snooze
from tracker.sharing import calendar_token_regenerate, share_link_create

pytestmark = pytest.mark.django_db

APPLICATION = {"company": "Acme", "role_title": "Designer", "priority": "2"}
INTERVIEW = {"kind": "interview", "duration_minutes": "1440", "outcome": "pending"}


@pytest.mark.parametrize("field", ["applied_on", "follow_up_on"])
@pytest.mark.parametrize(
    "day", ["0001-01-01", "1969-12-31", "2101-01-01", "9999-12-31"]
)
def test_an_application_date_outside_1970_to_2100_is_a_field_error(
    alice_client, field, day
):
    response = alice_client.post(
        "/tracker/new/", {**APPLICATION, "status": "saved", field: day}
    )

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [DATE_RANGE_MESSAGE]
    assert f'value="{day}"' in response.content.decode()  # kept as typed
    assert not Application.objects.exists()


@pytest.mark.parametrize("day", ["1970-01-01", "2100-12-31"])
def test_the_edges_of_the_range_are_accepted(alice_client, alice, day):
    response = alice_client.post(
        "/tracker/new/",
        {**APPLICATION, "status": "applied", "applied_on": day, "follow_up_on": day},
    )

    assert response.status_code == 302
    application = Application.objects.get()
    assert application.applied_on == application.follow_up_on == date.fromisoformat(day)


def test_the_date_boxes_offer_the_same_range(alice_client, alice):
    application = application_create(owner=alice, company="Acme", role_title="Clerk")
    new = alice_client.get("/tracker/new/").content.decode()
    interview = alice_client.get(
        f"/tracker/{application.pk}/interviews/new/"
    ).content.decode()

    # Applied on, next follow-up, posted on and applications close.
    assert new.count('min="1970-01-01" max="2100-12-31"') == 4
    assert 'min="1970-01-01T00:00" max="2100-12-31T23:59"' in interview


@pytest.mark.parametrize(
    "starts_at", ["0001-01-01T00:00", "1969-12-31T23:59", "9999-12-31T23:30"]
)
def test_an_interview_outside_the_range_is_a_field_error(
    alice_client, alice, starts_at
):
    application = application_create(owner=alice, company="Acme", role_title="Clerk")

    response = alice_client.post(
        f"/tracker/{application.pk}/interviews/new/",
        {**INTERVIEW, "starts_at": starts_at},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["starts_at"] == [DATE_RANGE_MESSAGE]
    assert not Interview.objects.exists()


def test_a_day_long_interview_on_the_last_evening_is_accepted_and_in_the_feed(
    client, alice_client, alice
):
    application = application_create(owner=alice, company="Acme", role_title="Clerk")
    response = alice_client.post(
        f"/tracker/{application.pk}/interviews/new/",
        {**INTERVIEW, "starts_at": "2100-12-31T23:30"},
    )
    assert response.status_code == 302

    feed = client.get(
        reverse("tracker:calendar_feed", args=[calendar_token_regenerate(user=alice)])
    )

    (event,) = Calendar.from_ical(feed.content).walk("VEVENT")
    assert event.end == datetime(2101, 1, 1, 23, 30, tzinfo=UTC)


# Rows saved before the range was enforced (forms took years 1 to 9999).


@pytest.fixture
def far_future(alice):
    """An application and interview at the very end of Python's calendar."""
    application = Application.objects.create(
        owner=alice,
        company="Acme",
        role_title="Clerk",
        status="interviewing",
        applied_on=date(9999, 12, 31),
        follow_up_on=date(9999, 12, 30),
    )
    Interview.objects.create(
        application=application,
        kind="interview",
        starts_at=datetime(9999, 12, 31, 23, 30, tzinfo=UTC),
        duration_minutes=24 * 60,
    )
    return application


def test_the_feed_serves_rows_at_the_end_of_the_calendar(client, alice, far_future):
    far_future.follow_up_on = date(9999, 12, 31)
    far_future.save()
    token = calendar_token_regenerate(user=alice)

    response = client.get(reverse("tracker:calendar_feed", args=[token]))

    assert response.status_code == 200
    events = {
        str(event["UID"]): event
        for event in Calendar.from_ical(response.content).walk("VEVENT")
    }
    follow_up = events[f"follow-up-{far_future.pk}@foothold.tracker"]
    assert follow_up.start == date(9999, 12, 31)
    assert "DTEND" not in follow_up  # an all-day event without an end is one day
    interview = next(e for uid, e in events.items() if uid.startswith("interview-"))
    assert interview.start == datetime(9999, 12, 31, 23, 30, tzinfo=UTC)
    # Its end stops at the last second Python holds.
    assert interview.end == datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)


def test_snoozing_past_the_range_is_a_message_not_a_500(
    alice_client, alice, far_future
):
    response = alice_client.post(
        f"/tracker/{far_future.pk}/follow-up/snooze/", {"days": "7"}, follow=True
    )

    assert response.status_code == 200
    assert "A follow-up cannot move past 31 December 2100" in response.content.decode()
    far_future.refresh_from_db()
    assert far_future.follow_up_on == date(9999, 12, 30)


def test_snooze_stops_at_the_last_day_of_the_range(alice):
    application = application_create(
        owner=alice, company="Acme", role_title="Clerk", follow_up_on=date(2100, 12, 24)
    )
    today = date(2026, 3, 11)

    assert follow_up_snooze(application=application, days=7, today=today) == date(
        2100, 12, 31
    )
    with pytest.raises(ValueError, match="cannot move past"):
        follow_up_snooze(application=application, days=1, today=today)


def test_pages_show_rows_saved_at_the_ends_of_the_calendar(alice_client, alice):
    for day in (date(1, 1, 1), date(9999, 12, 31)):
        application = Application.objects.create(
            owner=alice,
            company=f"Acme {day.year}",
            role_title="Clerk",
            status="applied",
            applied_on=day,
            follow_up_on=day,
        )
        Interview.objects.create(
            application=application,
            kind="interview",
            starts_at=datetime.combine(day, datetime.min.time(), tzinfo=UTC),
            duration_minutes=60,
        )
    link = share_link_create(owner=alice)
    pages = [
        "/tracker/",
        "/tracker/?sort=follow_up",
        "/tracker/board/",
        "/tracker/follow-ups/",
        "/tracker/stats/",
        f"/tracker/shared/{link.token}/",
        f"/tracker/shared/{link.token}/stats/",
        "/dashboard/",
        *(a.get_absolute_url() for a in Application.objects.all()),
        *(f"/tracker/interviews/{i.pk}/edit/" for i in Interview.objects.all()),
    ]
    for page in pages:
        assert alice_client.get(page).status_code == 200, page
