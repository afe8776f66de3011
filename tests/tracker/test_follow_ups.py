from datetime import UTC, date, datetime, timedelta
from io import StringIO
from urllib.parse import unquote

import pytest
import time_machine
from django.core.management import call_command

from tests.factories import ContactFactory, UserFactory
from tracker.models import Application, TrackerProfile
from tracker.services import (
    application_archive,
    application_change_status,
    application_create,
    send_daily_digest,
)

pytestmark = pytest.mark.django_db

# A Wednesday, mid-morning UTC (the site's time zone in tests).
NOW = datetime(2026, 3, 11, 10, 0, tzinfo=UTC)
TODAY = NOW.date()


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def make(owner, company, **fields):
    return application_create(
        owner=owner, company=company, role_title="Designer", **fields
    )


def test_follow_ups_are_grouped_overdue_today_and_this_week(
    alice_client, alice, frozen
):
    make(alice, "Overdue", follow_up_on=TODAY - timedelta(days=2))
    make(alice, "Today", follow_up_on=TODAY)
    make(alice, "Next week end", follow_up_on=TODAY + timedelta(days=6))
    make(alice, "Too far", follow_up_on=TODAY + timedelta(days=7))
    make(alice, "None planned")
    archived = make(alice, "Archived", follow_up_on=TODAY)
    application_archive(application=archived)
    due = alice_client.get("/tracker/follow-ups/").context["due"]
    assert [a.company for a in due.overdue] == ["Overdue"]
    assert [a.company for a in due.today] == ["Today"]
    assert [a.company for a in due.this_week] == ["Next week end"]


def test_done_takes_it_off_the_list(alice_client, alice, frozen):
    application = make(alice, "Acme", follow_up_on=TODAY)
    response = alice_client.post(f"/tracker/{application.pk}/follow-up/done/")
    assert response["Location"] == "/tracker/follow-ups/"
    application.refresh_from_db()
    assert application.follow_up_on is None
    assert application.last_followed_up_on == TODAY
    assert not alice_client.get("/tracker/follow-ups/").context["due"]


def test_snooze_moves_it_later(alice_client, alice, frozen):
    application = make(alice, "Acme", follow_up_on=TODAY - timedelta(days=5))
    response = alice_client.post(
        f"/tracker/{application.pk}/follow-up/snooze/",
        {"days": "3", "next": f"/tracker/{application.pk}/"},
        follow=True,
    )
    application.refresh_from_db()
    assert application.follow_up_on == TODAY + timedelta(days=3)
    assert response.redirect_chain[-1][0] == f"/tracker/{application.pk}/"
    assert "Snoozed Designer at Acme until Saturday 14 March." in (
        response.content.decode()
    )


@pytest.mark.parametrize("days", ["0", "abc", "", "1000"])
def test_a_bad_snooze_changes_nothing(alice_client, alice, frozen, days):
    application = make(alice, "Acme", follow_up_on=TODAY)
    response = alice_client.post(
        f"/tracker/{application.pk}/follow-up/snooze/", {"days": days}, follow=True
    )
    assert "Snooze for between 1 and 90 days." in response.content.decode()
    application.refresh_from_db()
    assert application.follow_up_on == TODAY


def test_snooze_does_not_follow_an_outside_next_link(alice_client, alice, frozen):
    application = make(alice, "Acme", follow_up_on=TODAY)
    response = alice_client.post(
        f"/tracker/{application.pk}/follow-up/snooze/",
        {"days": "1", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/tracker/follow-ups/"


def quiet_companies(client):
    return [a.company for a in client.get("/tracker/follow-ups/").context["quiet"]]


def test_gone_quiet_uses_the_persons_setting(alice_client, alice):
    with time_machine.travel(NOW - timedelta(days=10), tick=False):
        make(alice, "Ten days", status="applied")
        make(alice, "Only saved")  # never sent: nothing to hear back about
    with time_machine.travel(NOW - timedelta(days=20), tick=False):
        make(alice, "Twenty days", status="interviewing")
        make(alice, "Rejected", status="rejected")
    with time_machine.travel(NOW, tick=False):
        assert quiet_companies(alice_client) == ["Twenty days"]  # default 14 days
        TrackerProfile.objects.create(user=alice, quiet_after_days=7)
        assert quiet_companies(alice_client) == ["Twenty days", "Ten days"]
        listing = alice_client.get("/tracker/").content.decode()
        # The list draws each row twice, as a table and as phone cards.
        table = listing.split("<table", 1)[1]
        assert table.count("Gone quiet") == 2


def test_the_list_the_board_and_the_follow_ups_page_flag_the_same_rows(
    alice_client, alice
):
    """One rule: the pages' "Gone quiet" flags and the follow-ups page's list
    never disagree, whatever state an application is in."""
    with time_machine.travel(NOW - timedelta(days=20), tick=False):
        make(alice, "Quiet", status="applied")
        make(alice, "Followed up long ago", status="screening")
        make(alice, "Planned", status="applied", follow_up_on=TODAY)
        make(alice, "Saved only")
        make(alice, "Offer made", status="offer")
        archived = make(alice, "Archived", status="applied")
        application_archive(application=archived)
        followed_up = make(alice, "Followed up lately", status="applied")
    Application.objects.filter(company="Followed up long ago").update(
        last_followed_up_on=TODAY - timedelta(days=15)
    )
    followed_up.last_followed_up_on = TODAY - timedelta(days=13)
    followed_up.save()
    with time_machine.travel(NOW, tick=False):
        quiet = sorted(quiet_companies(alice_client))
        board = alice_client.get("/tracker/board/").context["columns"]
        listing = alice_client.get("/tracker/?archived=all").context["rows"]

        assert quiet == ["Followed up long ago", "Offer made", "Quiet"]
        flagged_on_board = [
            card.company for column in board for card in column.cards if card.quiet
        ]
        assert sorted(flagged_on_board) == quiet
        assert sorted(app.company for app, flag in listing if flag) == quiet
        for application in Application.objects.all():
            page = alice_client.get(application.get_absolute_url())
            assert page.context["is_quiet"] == (application.company in quiet)


def test_a_status_change_resets_the_quiet_clock(alice_client, alice):
    with time_machine.travel(NOW - timedelta(days=20), tick=False):
        application = make(alice, "Acme", status="applied")
    with time_machine.travel(NOW - timedelta(days=2), tick=False):
        application_change_status(application=application, status="screening")
    with time_machine.travel(NOW, tick=False):
        assert quiet_companies(alice_client) == []


def test_one_click_follow_up_plans_a_date_and_offers_an_email(alice_client, alice):
    with time_machine.travel(NOW - timedelta(days=20), tick=False):
        application = make(alice, "Acme", status="applied")
    ContactFactory(application=application, name="Dana", email="dana@acme.example")
    with time_machine.travel(NOW, tick=False):
        page = alice_client.get(f"/tracker/{application.pk}/").content.decode()
        assert "Gone quiet" in page
        response = alice_client.post(
            f"/tracker/{application.pk}/follow-up/", follow=True
        )
        page = response.content.decode()
        application.refresh_from_db()
        assert application.follow_up_on == TODAY + timedelta(days=7)
        assert application.last_followed_up_on == TODAY
        assert response.redirect_chain[-1][0] == f"/tracker/{application.pk}/#follow-up"
        assert "Gone quiet" not in page
        assert "we will remind you on 18 March" in page
        link = page.split('href="mailto:', 1)[1].split('"', 1)[0]
        assert link.startswith("dana@acme.example?subject=Following%20up")
        assert "Dear Dana," in unquote(link)
        assert "Designer role at Acme" in unquote(link)
        assert quiet_companies(alice_client) == []


def run_reminders():
    output = StringIO()
    call_command("send_followup_reminders", stdout=output)
    return output.getvalue()


def test_reminders_send_one_digest_per_person_per_day(alice, mailoutbox):
    bob = UserFactory(email="bob@example.com")
    carol = UserFactory(email="carol@example.com")
    with time_machine.travel(NOW, tick=False):
        make(alice, "Acme", follow_up_on=TODAY)
        make(alice, "Smith & Co", follow_up_on=TODAY - timedelta(days=1))
        make(bob, "Initech", follow_up_on=TODAY)
        make(carol, "Later", follow_up_on=TODAY + timedelta(days=2))
        assert run_reminders() == "Sent 2 daily digests.\n"
        assert run_reminders() == "Sent 0 daily digests.\n"
    assert sorted(message.to[0] for message in mailoutbox) == [
        "alice@example.com",
        "bob@example.com",
    ]
    alices = next(m for m in mailoutbox if m.to == ["alice@example.com"])
    assert alices.subject == "Foothold: 2 follow-ups due"
    assert (
        "Follow-ups due:\n- Designer at Smith & Co (overdue, planned for 10 March)\n"
        in alices.body
    )
    assert "- Designer at Acme (due today)\n" in alices.body

    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        run_reminders()
        run_reminders()
    # Next day: both still overdue, so one more each; Carol's is not due yet.
    assert len(mailoutbox) == 4
    with time_machine.travel(NOW + timedelta(days=2), tick=False):
        run_reminders()
    assert [m.to[0] for m in mailoutbox].count("carol@example.com") == 1


def test_reminder_claim_is_atomic_per_day(alice, mailoutbox):
    """A second run that read the profile before the first one wrote still
    cannot send: the claim is a conditional UPDATE."""
    with time_machine.travel(NOW, tick=False):
        make(alice, "Acme", follow_up_on=TODAY)
        TrackerProfile.objects.create(user=alice, last_digest_sent_on=TODAY)
        assert send_daily_digest(user=alice) is False
    assert mailoutbox == []


def test_a_failed_send_is_retried_on_the_next_run(alice, mailoutbox, monkeypatch):
    from django.core.mail import EmailMessage

    with time_machine.travel(NOW, tick=False):
        make(alice, "Acme", follow_up_on=TODAY)
        original = EmailMessage.send
        monkeypatch.setattr(
            EmailMessage, "send", lambda self: (_ for _ in ()).throw(OSError("down"))
        )
        run_reminders()
        assert mailoutbox == []
        assert TrackerProfile.objects.get(user=alice).last_digest_sent_on is None
        monkeypatch.setattr(EmailMessage, "send", original)
        run_reminders()
    assert len(mailoutbox) == 1
    assert TrackerProfile.objects.get(user=alice).last_digest_sent_on == date(
        2026, 3, 11
    )


def test_the_digest_links_to_the_follow_ups_and_the_opt_out(
    alice, mailoutbox, settings
):
    settings.SITE_URL = "https://foothold.example.org"
    with time_machine.travel(NOW, tick=False):
        make(alice, "Acme", follow_up_on=TODAY)
        run_reminders()

    [message] = mailoutbox
    assert "https://foothold.example.org/tracker/follow-ups/" in message.body
    assert "https://foothold.example.org/tracker/settings/" in message.body


def test_people_who_turned_reminders_off_get_no_digest(alice, alice_client, mailoutbox):
    alice_client.post("/tracker/settings/", {"quiet_after_days": "14"})  # box unticked
    alice.tracker_profile.refresh_from_db()
    assert alice.tracker_profile.email_reminders is False
    with time_machine.travel(NOW, tick=False):
        make(alice, "Acme", follow_up_on=TODAY)
        assert run_reminders() == "Sent 0 daily digests.\n"

    assert mailoutbox == []
