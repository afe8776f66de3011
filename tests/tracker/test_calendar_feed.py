"""The private calendar feed: valid iCalendar with interviews and follow-ups, found
only by its long random token, which the owner can replace or turn off."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories import InterviewFactory, OfferFactory
from tracker.models import TrackerProfile
from tracker.services import application_archive, application_create
from tracker.sharing import calendar_token_regenerate

pytestmark = pytest.mark.django_db


def feed_url(token):
    return reverse("tracker:calendar_feed", args=[token])


@pytest.fixture
def token(alice):
    return calendar_token_regenerate(user=alice)


@pytest.fixture
def application(alice):
    return application_create(
        owner=alice,
        company="Acme",
        role_title="Designer",
        status="interviewing",
        follow_up_on=date(2025, 4, 2),
    )


def events(response):
    calendar = Calendar.from_ical(response.content)
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_feed_has_interviews_and_follow_ups(client, token, application, bob):
    interview = InterviewFactory(
        application=application,
        kind="interview",
        starts_at=datetime(2025, 4, 1, 13, 30, tzinfo=UTC),
        duration_minutes=45,
        location="12 Rue de la Paix, Paris",
        notes="Bring the portfolio.",
    )
    archived = application_create(
        owner=application.owner,
        company="Old",
        role_title="Gone",
        follow_up_on=date(2025, 4, 3),
    )
    application_archive(application=archived)
    bobs = application_create(
        owner=bob, company="Bob's", role_title="Welder", follow_up_on=date(2025, 4, 2)
    )
    InterviewFactory(application=bobs)

    response = client.get(feed_url(token))  # no sign-in

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    found = events(response)
    assert set(found) == {
        f"interview-{interview.pk}@foothold.tracker",
        f"follow-up-{application.pk}@foothold.tracker",
    }
    meeting = found[f"interview-{interview.pk}@foothold.tracker"]
    assert meeting.start == datetime(2025, 4, 1, 13, 30, tzinfo=UTC)
    assert meeting.end - meeting.start == timedelta(minutes=45)
    assert str(meeting["SUMMARY"]) == "Interview: Designer at Acme"
    assert str(meeting["LOCATION"]) == "12 Rue de la Paix, Paris"
    assert "Bring the portfolio." in str(meeting["DESCRIPTION"])
    assert f"/tracker/{application.pk}/" in str(meeting["DESCRIPTION"])
    follow_up = found[f"follow-up-{application.pk}@foothold.tracker"]
    assert follow_up.start == date(2025, 4, 2)  # all day
    assert follow_up.end == date(2025, 4, 3)
    assert str(follow_up["SUMMARY"]) == "Follow up: Designer at Acme"


def test_uids_are_stable(client, token, application):
    InterviewFactory(application=application)
    first, second = (client.get(feed_url(token)) for _ in range(2))
    assert (
        Calendar.from_ical(first.content)["UID"]
        == (Calendar.from_ical(second.content)["UID"])
    )
    first, second = set(events(first)), set(events(second))
    assert first == second
    assert len(first) == 2


def test_a_wrong_token_gets_404(client, token):
    assert client.get(feed_url("not-the-token")).status_code == 404
    assert client.get(feed_url(token[:-1])).status_code == 404


def test_without_a_token_there_is_no_feed(client, alice):
    TrackerProfile.objects.create(user=alice)  # calendar_token is ""
    response = client.get("/tracker/calendar/.ics")
    assert response.status_code == 404


def test_the_feed_only_answers_reads(client, token):
    assert client.post(feed_url(token)).status_code == 405


def test_regenerating_kills_the_old_address(alice_client, token):
    response = alice_client.post(reverse("tracker:calendar"), {"action": "regenerate"})

    assert response.status_code == 302
    new_token = TrackerProfile.objects.get().calendar_token
    assert new_token != token
    assert len(new_token) >= 40
    assert alice_client.get(feed_url(token)).status_code == 404
    assert alice_client.get(feed_url(new_token)).status_code == 200


def test_turning_the_feed_off(alice_client, token):
    alice_client.post(reverse("tracker:calendar"), {"action": "stop"})
    assert alice_client.get(feed_url(token)).status_code == 404
    page = alice_client.get(reverse("tracker:calendar")).content.decode()
    assert "Make my calendar address" in page


def test_the_page_shows_the_address_to_its_owner_only(alice_client, client, bob):
    alice_client.post(reverse("tracker:calendar"))
    token = TrackerProfile.objects.get().calendar_token
    page = alice_client.get(reverse("tracker:calendar")).content.decode()
    assert f"http://testserver/tracker/calendar/{token}.ics" in page

    client.force_login(bob)
    assert token not in client.get(reverse("tracker:calendar")).content.decode()


def test_an_inactive_account_has_no_feed(client, alice, token):
    alice.is_active = False
    alice.save()
    assert client.get(feed_url(token)).status_code == 404


def test_feed_queries_are_few_and_flat(
    client, token, application, django_assert_num_queries
):
    for _ in range(5):
        InterviewFactory(application=application)
    offer_at = application_create(
        owner=application.owner, company="Globex", role_title="Lead", status="offer"
    )
    for day in (10, 11, 12):
        OfferFactory(application=offer_at, answer_by=date(2025, 4, day))
    # Expect 4 queries: the profile (with its user) by token, the interviews
    # (with their applications), the planned follow-ups and the offers to
    # answer (with their applications).
    with django_assert_num_queries(4):
        response = client.get(feed_url(token))
    assert len(events(response)) == 9


def test_feed_has_the_days_live_offers_need_an_answer(client, token, alice, bob):
    at_offer = application_create(
        owner=alice, company="Umbrella", role_title="Analyst", status="offer"
    )
    offer = OfferFactory(application=at_offer, answer_by=date(2025, 5, 9))
    OfferFactory(application=at_offer, answer_by=None)
    accepted = application_create(
        owner=alice, company="Done", role_title="Clerk", status="accepted"
    )
    OfferFactory(application=accepted, answer_by=date(2025, 5, 10))
    bobs = application_create(owner=bob, company="Bob's", role_title="Welder")
    OfferFactory(application=bobs, answer_by=date(2025, 5, 9))

    first = events(client.get(feed_url(token)))
    offer.answer_by = date(2025, 5, 12)
    offer.save()
    moved = events(client.get(feed_url(token)))

    uid = f"offer-answer-{offer.pk}@foothold.tracker"
    assert [key for key in first if key.startswith("offer-")] == [uid]
    event = first[uid]
    assert event.decoded("DTSTART") == date(2025, 5, 9)
    assert event.decoded("DTEND") == date(2025, 5, 10)
    assert str(event["SUMMARY"]) == "Answer the offer: Analyst at Umbrella"
    assert f"/tracker/{at_offer.pk}/#offer-{offer.pk}" in str(event["URL"])
    # The same UID when the date moves: calendar apps move the event.
    assert moved[uid].decoded("DTSTART") == date(2025, 5, 12)
