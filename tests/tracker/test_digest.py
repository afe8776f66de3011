"""The daily digest email: its sections, its HTML and text parts, the headers
mail providers expect, and one-click unsubscribe (RFC 8058) without signing in."""

import email.policy
import re
from datetime import UTC, datetime, timedelta
from io import StringIO
from urllib.parse import quote

import pytest
import time_machine
from django.core import signing
from django.core.management import call_command
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzz_settings
from hypothesis import strategies as st

from tests.factories import InterviewFactory, OfferFactory, UserFactory
from tracker.models import Outcome, TrackerProfile
from tracker.services import application_archive, application_create
from tracker.unsubscribe import unsubscribe_owner, unsubscribe_path, unsubscribe_token

pytestmark = pytest.mark.django_db

# A Wednesday, mid-morning UTC (the site's time zone in tests).
NOW = datetime(2026, 3, 11, 10, 0, tzinfo=UTC)
TODAY = NOW.date()
SITE = "https://foothold.example.org"
HOSTILE = '<script>alert("x")</script> & <b>Co</b>'


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def make(owner, company, **fields):
    return application_create(
        owner=owner, company=company, role_title="Designer", **fields
    )


def run_digests():
    output = StringIO()
    call_command("send_followup_reminders", stdout=output)
    return output.getvalue()


def html_of(message) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return html


@pytest.fixture
def alices_digest(alice, frozen, mailoutbox):
    """Alice's digest with every section: an overdue follow-up, one due today and
    an interview tomorrow (plus things that must stay out of it)."""
    make(alice, "Smith & Co", follow_up_on=TODAY - timedelta(days=1))
    make(alice, "Acme", follow_up_on=TODAY)
    make(alice, "Later Ltd", follow_up_on=TODAY + timedelta(days=2))
    interviewing = make(alice, "Globex", status="interviewing")
    InterviewFactory(
        application=interviewing,
        kind="phone_screen",
        starts_at=NOW + timedelta(days=1, hours=4, minutes=30),
        location="Video call",
    )
    InterviewFactory(  # two days ahead: not tomorrow
        application=interviewing, starts_at=NOW + timedelta(days=2)
    )
    InterviewFactory(
        application=interviewing,
        starts_at=NOW + timedelta(days=1),
        outcome=Outcome.CANCELLED,
    )
    assert run_digests() == "Sent 1 daily digest.\n"
    [message] = mailoutbox
    return message


def test_the_digest_has_a_text_part_and_an_html_alternative(alices_digest):
    message = alices_digest
    assert message.subject == "Foothold: 2 follow-ups due, 1 interview tomorrow"
    assert message.to == ["alice@example.com"]
    text = message.body
    assert text.startswith("Hello Alice,\n")
    assert (
        "Follow-ups due:\n"
        "- Designer at Smith & Co (overdue, planned for 10 March)\n"
        f"  {SITE}/tracker/" in text
    )
    assert "- Designer at Acme (due today)\n" in text
    assert f"Mark each one done or snooze it on your follow-ups page:\n{SITE}" in text
    assert (
        "Interviews tomorrow:\n- Phone screen: Designer at Globex "
        "(14:30 UTC, Video call)\n" in text
    )
    assert "Later Ltd" not in text
    assert text.count("Interview: Designer at Globex") == 0  # the other two

    html = html_of(message)
    assert "<h2" in html
    assert ">Follow-ups due</h2>" in html
    assert ">Designer at Smith &amp; Co</a>" in html
    assert "overdue, planned for 10 March" in html
    assert ">Interviews tomorrow</h2>" in html
    assert ">Phone screen: Designer at Globex</a>" in html
    assert "14:30 UTC, Video call" in html
    assert "Later Ltd" not in html


def test_the_footer_says_why_and_links_to_settings_and_unsubscribe(
    alice, alices_digest
):
    unsubscribe = f"{SITE}{unsubscribe_path(user=alice)}"
    text, html = alices_digest.body, html_of(alices_digest)
    assert "You get this email because daily digests are on" in text
    assert f"Change your settings: {SITE}/tracker/settings/\n" in text
    assert f"Unsubscribe from these emails: {unsubscribe}\n" in text
    assert "You get this email because daily digests are on" in html
    assert f'href="{SITE}/tracker/settings/"' in html
    assert f'href="{unsubscribe}"' in html


def test_every_link_is_absolute_and_nothing_is_fetched_from_elsewhere(alices_digest):
    html = html_of(alices_digest)
    links = re.findall(r'href="([^"]*)"', html)
    assert len(links) >= 6
    assert all(link.startswith(f"{SITE}/") for link in links), links
    text_links = re.findall(r"https?://\S+", alices_digest.body)
    assert text_links
    assert all(link.startswith(SITE) for link in text_links)
    # Inline styles only: no stylesheet, image, font or script to load.
    for fetched in ("<img", "<link", "<style", "<script", "@import", "url(", "src="):
        assert fetched not in html, fetched


def test_the_headers_offer_one_click_unsubscribe(alice, alices_digest):
    headers = alices_digest.message()
    assert headers["List-Unsubscribe"] == f"<{SITE}{unsubscribe_path(user=alice)}>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["Auto-Submitted"] == "auto-generated"
    assert headers["Message-ID"].endswith("@foothold.example.org>")
    assert "Precedence" not in headers
    assert headers.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in headers.iter_parts()] == [
        "text/plain",
        "text/html",
    ]


def test_the_unsubscribe_header_goes_out_unencoded_and_unfolded(alice, alices_digest):
    """Python would fold a long URL header into RFC 2047 encoded words, which no
    mail provider reads as an address: the SMTP bytes carry it as written."""
    raw = alices_digest.message(policy=email.policy.SMTP).as_bytes()
    url = f"{SITE}{unsubscribe_path(user=alice)}".encode()
    assert len(b"List-Unsubscribe: <" + url + b">") > 78  # would have been folded
    assert b"\r\nList-Unsubscribe: <" + url + b">\r\n" in raw
    assert b"\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" in raw
    assert b"=?utf-8?" not in raw


def test_a_hostile_company_name_is_escaped_in_the_html(alice, frozen, mailoutbox):
    make(alice, HOSTILE, follow_up_on=TODAY)
    InterviewFactory(
        application=make(alice, HOSTILE),
        starts_at=NOW + timedelta(days=1),
        location='"><img src=x onerror=alert(1)>',
    )
    UserFactory(email="mallory@example.com", name="<i>Mallory</i>")
    run_digests()

    [message] = mailoutbox
    html = html_of(message)
    assert "<script" not in html
    assert "<b>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    # Plain text is not HTML: it reads as typed, and the subject names no company.
    assert f"Designer at {HOSTILE} (due today)" in message.body
    assert message.subject == "Foothold: 1 follow-up due, 1 interview tomorrow"


def test_the_greeting_is_escaped_too(frozen, mailoutbox):
    mallory = UserFactory(email="mallory@example.com", name="<i>Mallory</i>")
    make(mallory, "Acme", follow_up_on=TODAY)
    run_digests()
    [message] = mailoutbox
    assert "Hello &lt;i&gt;Mallory&lt;/i&gt;," in html_of(message)


def test_an_interview_tomorrow_alone_sends_a_digest(alice, bob, frozen, mailoutbox):
    InterviewFactory(
        application=make(alice, "Globex"), starts_at=NOW + timedelta(days=1)
    )
    archived = make(bob, "Initech")
    InterviewFactory(application=archived, starts_at=NOW + timedelta(days=1))
    application_archive(application=archived)
    assert run_digests() == "Sent 1 daily digest.\n"
    [message] = mailoutbox
    assert message.to == ["alice@example.com"]
    assert message.subject == "Foothold: 1 interview tomorrow"
    assert "Follow-ups due" not in message.body


def test_nothing_is_sent_when_every_section_is_empty(alice, frozen, mailoutbox):
    make(alice, "Later Ltd", follow_up_on=TODAY + timedelta(days=1))
    InterviewFactory(
        application=make(alice, "Globex"), starts_at=NOW + timedelta(hours=2)
    )
    assert run_digests() == "Sent 0 daily digests.\n"
    assert mailoutbox == []


def test_offers_to_answer_tomorrow_today_or_late_are_in_the_digest(
    alice, bob, frozen, mailoutbox
):
    at_offer = make(alice, "Initech", status="offer")
    OfferFactory(application=at_offer, answer_by=TODAY - timedelta(days=2))
    OfferFactory(application=at_offer, answer_by=TODAY, base_pay=51_000)
    OfferFactory(application=at_offer, answer_by=TODAY + timedelta(days=1))
    OfferFactory(application=at_offer, answer_by=TODAY + timedelta(days=2))
    OfferFactory(application=at_offer)  # no answer-by date
    decided = make(alice, "Hooli", status="accepted")
    OfferFactory(application=decided, answer_by=TODAY)
    OfferFactory(
        application=make(bob, "Bob's Offer Co", status="offer"), answer_by=TODAY
    )

    assert run_digests() == "Sent 2 daily digests.\n"
    [alices] = [m for m in mailoutbox if m.to == ["alice@example.com"]]
    assert alices.subject == "Foothold: 3 offers to answer"
    text = alices.body
    assert "Offers to answer" in text
    assert "overdue: the answer was due 9 March" in text
    assert "answer today" in text
    assert "answer by tomorrow, 12 March" in text
    assert "13 March" not in text
    assert "Hooli" not in text
    assert "Bob" not in text
    assert f"{SITE}/tracker/offers/" in text
    assert "Offers to answer" in html_of(alices)


def test_interviews_tomorrow_are_counted_in_the_sites_time_zone(
    alice, settings, mailoutbox
):
    settings.TIME_ZONE = "America/New_York"
    # 23:30 on Wednesday 11 March in New York (summer time, UTC-4): already
    # Thursday in UTC, so "tomorrow" there is Friday, but here it is Thursday.
    now = datetime(2026, 3, 12, 3, 30, tzinfo=UTC)
    application = make(alice, "Globex")
    for company, starts_at in [
        ("Late tonight", datetime(2026, 3, 12, 3, 45, tzinfo=UTC)),  # 23:45 Wed
        ("Just after midnight", datetime(2026, 3, 12, 4, 30, tzinfo=UTC)),  # 00:30
        ("Thursday night", datetime(2026, 3, 13, 3, 30, tzinfo=UTC)),  # 23:30 Thu
        ("Friday", datetime(2026, 3, 13, 4, 30, tzinfo=UTC)),  # 00:30 Fri
    ]:
        InterviewFactory(application=application, starts_at=starts_at, notes=company)
    with time_machine.travel(now, tick=False):
        assert run_digests() == "Sent 1 daily digest.\n"

    [message] = mailoutbox
    assert message.subject == "Foothold: 2 interviews tomorrow"
    details = re.findall(r"\((\d\d:\d\d [A-Z]+)\)", message.body)
    assert details == ["00:30 EDT", "23:30 EDT"]


def test_the_token_names_one_person_for_this_purpose_only(alice, bob):
    token = unsubscribe_token(user=alice)
    assert token == unsubscribe_token(user=alice)
    assert token != unsubscribe_token(user=bob)
    assert unsubscribe_owner(token=token) == alice
    assert unsubscribe_owner(token=unsubscribe_token(user=bob)) == bob
    other_purposes = [
        signing.Signer(salt="tracker.calendar").sign(str(alice.pk)),
        signing.Signer().sign(str(alice.pk)),
        signing.dumps(alice.pk, salt="tracker.digest.unsubscribe"),
    ]
    for other in other_purposes:
        assert unsubscribe_owner(token=other) is None, other


def fresh_client() -> Client:
    """What a mail provider is: no cookies, no session, no CSRF token."""
    return Client(enforce_csrf_checks=True)


def reminders_on(user) -> bool:
    return TrackerProfile.objects.get_or_create(user=user)[0].email_reminders


def test_one_click_post_without_a_session_unsubscribes_that_person_only(alice, bob):
    TrackerProfile.objects.create(user=bob)
    client = fresh_client()
    response = client.post(
        unsubscribe_path(user=alice),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "Foothold will send you no more daily digest emails." in (
        response.content.decode()
    )
    assert not response.cookies
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }
    assert reminders_on(alice) is False
    assert reminders_on(bob) is True
    # Nothing else of Alice's settings changed; posting again is harmless.
    assert TrackerProfile.objects.get(user=alice).quiet_after_days == 14
    assert client.post(unsubscribe_path(user=alice)).status_code == 200
    assert reminders_on(alice) is False


def test_a_get_never_unsubscribes_it_offers_the_button(alice):
    TrackerProfile.objects.create(user=alice)
    client = fresh_client()
    path = unsubscribe_path(user=alice)
    for _ in range(2):
        response = client.get(path)
        assert response.status_code == 200
        page = response.content.decode()
        assert '<form method="post"' in page
        assert 'name="List-Unsubscribe" value="One-Click"' in page
        assert "Unsubscribe</button>" in page
    assert client.head(path).status_code == 200
    assert reminders_on(alice) is True

    client.post(path, {"List-Unsubscribe": "One-Click"})
    # Not served from any cache: the page now says so.
    page = client.get(path).content.decode()
    assert "Your daily digest emails are already off." in page
    assert "<form" not in page.split("<main", 1)[1].split("</main>", 1)[0]


def test_turning_digests_back_on_in_settings_works_after_unsubscribing(
    alice, alice_client
):
    fresh_client().post(unsubscribe_path(user=alice))
    alice_client.post(
        "/tracker/settings/", {"quiet_after_days": "14", "email_reminders": "on"}
    )
    assert reminders_on(alice) is True


@pytest.mark.parametrize(
    "token",
    [
        "tampered",
        "1:not-the-signature",
        "0",
        "%E2%98%83:%00",
        "x" * 2000,
    ],
)
def test_a_bad_or_tampered_token_is_a_404_page(alice, bob, token):
    TrackerProfile.objects.create(user=alice)
    client = fresh_client()
    for method in (client.get, client.post):
        response = method(f"/tracker/unsubscribe/{token}/")
        assert response.status_code == 404, (method, token)
        assert "We could not find that page" in response.content.decode()
    assert reminders_on(alice) is True


def test_a_changed_character_or_anothers_id_is_refused(alice, bob):
    TrackerProfile.objects.create(user=alice)
    token = unsubscribe_token(user=alice)
    _, signature = token.split(":")
    tampered = [
        token[:-1] + ("A" if token[-1] != "A" else "B"),
        f"{bob.pk}:{signature}",
        signing.Signer(salt="tracker.calendar").sign(str(alice.pk)),
    ]
    client = fresh_client()
    for bad in tampered:
        assert client.post(f"/tracker/unsubscribe/{bad}/").status_code == 404, bad
    assert reminders_on(alice) is True
    assert reminders_on(bob) is True


def test_an_inactive_persons_link_answers_404(alice):
    path = unsubscribe_path(user=alice)
    alice.is_active = False
    alice.save()
    assert fresh_client().post(path).status_code == 404


def test_an_unsubscribed_person_gets_no_digest_next_run(alice, bob, frozen, mailoutbox):
    make(alice, "Acme", follow_up_on=TODAY)
    make(bob, "Initech", follow_up_on=TODAY)
    fresh_client().post(unsubscribe_path(user=alice), {"List-Unsubscribe": "One-Click"})
    assert run_digests() == "Sent 1 daily digest.\n"
    assert [message.to for message in mailoutbox] == [["bob@example.com"]]


def test_the_unsubscribe_page_costs_two_or_three_queries(
    alice, django_assert_num_queries
):
    TrackerProfile.objects.create(user=alice)
    client = fresh_client()
    path = unsubscribe_path(user=alice)
    # Expect 2 queries: the person the token names, their tracker settings.
    with django_assert_num_queries(2):
        assert client.get(path).status_code == 200
    # Expect 3 queries: the person, their tracker settings (get_or_create's
    # SELECT), the conditional UPDATE that turns the digests off.
    with django_assert_num_queries(3):
        assert client.post(path).status_code == 200


@fuzz_settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(token=st.text(min_size=1, max_size=200))
def test_any_token_is_refused_or_names_a_person_never_a_500(alice, token):
    assert unsubscribe_owner(token=token) is None
    response = fresh_client().post(
        f"/tracker/unsubscribe/{quote(token, safe='')}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 404, token
