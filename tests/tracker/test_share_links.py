"""Share with a coach: a read-only board and stats by a revocable random link,
without contacts, notes, documents, job descriptions or salaries."""

import pytest
from django.urls import reverse

from accounts.services import user_delete, user_export_data
from tests.factories import ContactFactory, DocumentFactory, NoteFactory
from tracker.models import ShareLink
from tracker.services import application_change_status, application_create
from tracker.sharing import share_link_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(alice):
    application = application_create(
        owner=alice,
        company="Acme",
        role_title="Designer",
        status="applied",
        job_description="SECRET-DESCRIPTION",
        notes="SECRET-NOTES",
        salary_min=41234,
        salary_max=55555,
        salary_currency="EUR",
        location="Lyon",
    )
    application_change_status(application=application, status="screening")
    ContactFactory(application=application, name="SECRET-CONTACT")
    NoteFactory(application=application, body="SECRET-NOTE-ENTRY")
    document = DocumentFactory(owner=alice, label="SECRET-DOCUMENT")
    application.documents_sent.add(document)
    return application


@pytest.fixture
def link(alice):
    return share_link_create(owner=alice, label="Sam, my coach")


def shared_urls(link):
    return [
        reverse("tracker:shared_board", args=[link.token]),
        reverse("tracker:shared_stats", args=[link.token]),
    ]


def test_the_shared_pages_work_without_sign_in(client, link, application):
    board, stats = (client.get(url) for url in shared_urls(link))
    assert board.status_code == stats.status_code == 200
    assert "Designer" in board.content.decode()
    assert "Acme" in board.content.decode()
    assert 'id="funnel-table"' in stats.content.decode()


@pytest.mark.parametrize("page", [0, 1])
def test_private_things_stay_hidden(client, link, application, page):
    content = client.get(shared_urls(link)[page]).content.decode()
    for secret in ("SECRET", "41234", "41,234", "55,555", "Lyon"):
        assert secret not in content
    assert f"/tracker/{application.pk}/" not in content  # no links to private pages


@pytest.mark.parametrize("page", [0, 1])
def test_read_only_no_forms_no_referrer_no_indexing(client, link, application, page):
    url = shared_urls(link)[page]
    response = client.get(url)
    content = response.content.decode()
    assert "<form" not in content
    assert "csrfmiddlewaretoken" not in content
    assert '<meta name="robots" content="noindex, nofollow">' in content
    assert response["Referrer-Policy"] == "no-referrer"
    for method in (client.post, client.put, client.delete, client.patch):
        assert method(url).status_code == 405


def test_signed_in_visitors_get_no_forms_either(client, bob, link, application):
    client.force_login(bob)
    content = client.get(shared_urls(link)[0]).content.decode()
    assert "<form" not in content  # not even the sign-out button


def test_revoking_makes_the_link_404(alice_client, client, link, application):
    response = alice_client.post(reverse("tracker:share_revoke", args=[link.pk]))
    assert response.status_code == 302
    for url in shared_urls(link):
        assert client.get(url).status_code == 404
    page = alice_client.get(reverse("tracker:share")).content.decode()
    assert "revoked" in page
    assert link.token not in page


def test_another_person_cannot_revoke_yours(client, bob, link):
    client.force_login(bob)
    assert (
        client.post(reverse("tracker:share_revoke", args=[link.pk])).status_code == 404
    )
    link.refresh_from_db()
    assert link.is_live


def test_a_wrong_token_gets_404(client, link):
    assert client.get(reverse("tracker:shared_board", args=["nope"])).status_code == 404
    assert client.get(reverse("tracker:shared_stats", args=["nope"])).status_code == 404


def test_the_owner_makes_and_lists_links(alice_client, client, bob):
    response = alice_client.post(reverse("tracker:share"), {"label": "Sam"})
    assert response.status_code == 302
    link = ShareLink.objects.get()
    assert len(link.token) >= 40
    page = alice_client.get(reverse("tracker:share")).content.decode()
    assert f"http://testserver/tracker/shared/{link.token}/" in page

    client.force_login(bob)
    assert link.token not in client.get(reverse("tracker:share")).content.decode()


def test_links_are_in_the_account_export_without_tokens(alice, link):
    data = user_export_data(user=alice)
    assert data["tracker"]["share_links"] == [
        {
            "label": "Sam, my coach",
            "created_at": link.created_at.isoformat(),
            "revoked_at": None,
        }
    ]
    assert link.token not in str(data)


def test_deleting_the_account_deletes_its_links(client, alice, link):
    user_delete(user=alice)
    assert not ShareLink.objects.exists()
    assert client.get(shared_urls(link)[0]).status_code == 404


def test_shared_pages_queries_are_few(
    client, link, application, django_assert_num_queries
):
    # Expect 2 queries for the board: the live link (with its owner) and the
    # active applications' public fields; 3 for the stats: the link, then the
    # applications' and status changes' rows.
    with django_assert_num_queries(2):
        client.get(shared_urls(link)[0])
    with django_assert_num_queries(3):
        client.get(shared_urls(link)[1])


@pytest.mark.parametrize("page", [0, 1])
def test_without_a_name_the_shared_pages_never_show_the_email(client, alice, page):
    alice.name = "  "
    alice.save()
    link = share_link_create(owner=alice)

    response = client.get(shared_urls(link)[page])

    content = response.content.decode()
    assert "alice@example.com" not in content
    assert "alice" not in content.lower()
    title = "Board" if page == 0 else "Stats"
    assert f"<title>{title} · A shared job search · Foothold</title>" in content
    assert "<strong>A job search</strong>, shared read-only" in content


def test_a_name_the_person_gave_titles_the_shared_pages(client, alice, link):
    content = client.get(shared_urls(link)[0]).content.decode()

    assert "<title>Board · Alice Moreno’s job search · Foothold</title>" in content
    assert "alice@example.com" not in content
    # The link's label is the owner's note ("Only you see this"), not the coach's.
    assert "Sam, my coach" not in content
