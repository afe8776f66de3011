"""Every tracker page is private: another person gets 404, anonymous people are
sent to sign in, and nothing of Alice's changes when Bob tries."""

import pytest
from django.urls import get_resolver, reverse

from tests.factories import (
    ContactFactory,
    DocumentFactory,
    InterviewFactory,
    NoteFactory,
    OfferFactory,
)
from tracker.models import (
    Application,
    Contact,
    Document,
    Interview,
    Note,
    Offer,
    ShareLink,
)
from tracker.services import application_create
from tracker.sharing import share_link_create

pytestmark = pytest.mark.django_db

# URL name → which of Alice's objects it takes (None: a page of one's own).
OWNED_URLS = {
    "detail": "application",
    "edit": "application",
    "change_status": "application",
    "archive": "application",
    "restore": "application",
    "delete": "application",
    "resume_match": "application",
    "link_career": "application",
    "move": "application",
    "follow_up": "application",
    "follow_up_done": "application",
    "follow_up_snooze": "application",
    "interview_new": "application",
    "contact_new": "application",
    "note_new": "application",
    "offer_new": "offer_application",
    "offer_edit": "offer",
    "offer_delete": "offer",
    "interview_edit": "interview",
    "interview_delete": "interview",
    "contact_edit": "contact",
    "contact_delete": "contact",
    "note_edit": "note",
    "note_delete": "note",
    "document_download": "document",
    "document_delete": "document",
    "share_revoke": "share_link",
}
OWN_PAGES = [
    "index",
    "new",
    "board",
    "follow_ups",
    "documents",
    "settings",
    "stats",
    "import",
    "calendar",
    "share",
    "offers",
]
# Streamed downloads of one's own data (their content is checked in test_csv.py).
OWN_DOWNLOADS = ["export_csv", "history_csv"]
# No sign-in: a long random or signed token is the key (tested in
# test_calendar_feed.py, test_share_links.py and test_digest.py: a wrong,
# replaced or revoked token answers 404).
TOKEN_URLS = {"calendar_feed", "shared_board", "shared_stats", "unsubscribe"}


@pytest.fixture
def alices(alice):
    application = application_create(
        owner=alice, company="Acme", role_title="Designer", status="applied"
    )
    data = {
        "application": application,
        "interview": InterviewFactory(application=application),
        "contact": ContactFactory(application=application),
        "note": NoteFactory(application=application),
        "document": DocumentFactory(owner=alice),
        "share_link": share_link_create(owner=alice, label="Coach"),
    }
    # Offers are recorded on an application at Offer.
    at_offer = application_create(
        owner=alice, company="Acme Offers", role_title="Designer", status="offer"
    )
    return data | {
        "offer_application": at_offer,
        "offer": OfferFactory(application=at_offer, base_pay=51_000),
    }


def url_for(name, alices):
    kind = OWNED_URLS.get(name)
    return reverse(f"tracker:{name}", args=[alices[kind].pk] if kind else [])


def test_every_tracker_url_is_covered_here():
    names = {
        pattern.name
        for pattern in get_resolver().url_patterns
        if getattr(pattern, "namespace", None) == "tracker"
        for pattern in pattern.url_patterns
    }
    assert names == set(OWNED_URLS) | set(OWN_PAGES) | set(OWN_DOWNLOADS) | TOKEN_URLS


GET_ONLY = {"detail", "document_download", "resume_match"}
POST_ONLY = {
    "change_status",
    "archive",
    "restore",
    "move",
    "follow_up",
    "follow_up_done",
    "follow_up_snooze",
    "share_revoke",
    "link_career",
}


@pytest.mark.parametrize("name", sorted(OWNED_URLS))
def test_another_person_gets_404(client, bob, alices, name):
    client.force_login(bob)
    url = url_for(name, alices)
    data = {"status": "rejected", "days": "3", "body": "x", "name": "x"}
    get_status = client.get(url).status_code
    post_status = client.post(url, data).status_code
    assert get_status == (405 if name in POST_ONLY else 404)
    assert post_status == (405 if name in GET_ONLY else 404)


def test_another_persons_attempts_change_nothing(client, bob, alices):
    client.force_login(bob)
    for name in OWNED_URLS:
        client.post(url_for(name, alices), {"status": "rejected", "days": "3"})
    application = Application.objects.get(pk=alices["application"].pk)
    assert application.status == "applied"
    assert not application.archived
    assert application.status_changes.count() == 1
    assert Interview.objects.count() == Contact.objects.count() == 1
    assert Note.objects.count() == Document.objects.count() == 1
    assert ShareLink.objects.get().is_live
    assert Offer.objects.get().base_pay == 51_000


@pytest.mark.parametrize("name", sorted(OWNED_URLS) + OWN_PAGES + OWN_DOWNLOADS)
def test_anonymous_people_are_sent_to_sign_in(client, alices, name):
    url = url_for(name, alices)
    for response in (client.get(url), client.post(url)):
        if response.status_code == 405:  # POST-only actions refuse GET first
            continue
        assert response.status_code == 302
        assert response["Location"] == f"/accounts/signin/?next={url}"


@pytest.mark.parametrize("name", OWN_PAGES)
def test_own_pages_show_nothing_of_another_persons(client, bob, alices, name):
    client.force_login(bob)
    response = client.get(url_for(name, alices))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Acme" not in page
    assert alices["document"].label not in page


@pytest.mark.parametrize("name", sorted(set(OWNED_URLS) - POST_ONLY))
def test_the_owner_gets_the_same_pages(alice_client, alices, name):
    assert alice_client.get(url_for(name, alices)).status_code == 200
