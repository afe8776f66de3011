"""Pages with a person's own data say `Cache-Control: private, no-store`, so no
proxy and no browser history keeps them; the public pages stay cacheable."""

import pytest
from django.test import Client

from assessments.models import Result
from tests.factories import PASSWORD
from tests.site_pages import fetch, pages

# Anonymous pages in tests/site_pages.py that still show (or change) one
# person's data.
SHOWS_SOMEONES_DATA = {
    "shared board",
    "shared stats",
    "unsubscribe",
    "unsubscribe, done",
}
# The pages the page cache keeps for anonymous visitors.
PUBLIC = {
    "landing",
    "careers index",
    "careers index, filtered",
    "careers index, no results",
    "guide",
}


def directives(response) -> set[str]:
    return {d.strip() for d in response.get("Cache-Control", "").split(",") if d}


@pytest.mark.django_db
def test_every_page_with_a_persons_data_is_private_and_never_stored(client, site_data):
    checked, wrong = [], []
    for page in pages(site_data):
        if not (page.who or page.name in SHOWS_SOMEONES_DATA):
            continue
        response = fetch(client, page, site_data["users"])
        checked.append(page.name)
        if not {"private", "no-store"} <= directives(response):
            wrong.append(f"{page.name} ({page.path}): {response.get('Cache-Control')}")

    assert wrong == []
    # Every signed-in page of the list, tracker, dashboard, history and profile.
    assert {"tracker list", "dashboard", "history", "profile", "result"} <= set(checked)
    assert len(checked) > 50


@pytest.mark.django_db
def test_public_pages_keep_the_page_cache_headers_for_anonymous_visitors(
    client, site_data
):
    for page in pages(site_data):
        if page.name not in PUBLIC:
            continue
        miss = fetch(client, page, site_data["users"])
        hit = client.get(page.path)

        for response in (miss, hit):
            assert directives(response) == {"no-cache"}, page.name
            assert response["ETag"], page.name
        assert hit["X-Page-Cache"] == "hit", page.name


@pytest.mark.django_db
def test_a_signed_in_view_of_a_public_page_is_private(client, site_data):
    guide = f"/careers/{site_data['guide']}/"
    Client().get(guide)  # an anonymous visit fills the page cache
    client.force_login(site_data["users"]["alice"])

    signed_in = client.get(guide)
    anonymous = Client().get(guide)

    assert {"private", "no-store"} <= directives(signed_in)
    assert b"Alice" in signed_in.content
    assert anonymous["X-Page-Cache"] == "hit"
    assert directives(anonymous) == {"no-cache"}


@pytest.mark.django_db
def test_the_page_after_signing_in_is_private(client, site_data):
    response = client.post(
        "/accounts/signin/",
        {"username": "alice@example.com", "password": PASSWORD},
    )

    assert response.status_code == 302, response.content
    assert {"private", "no-store"} <= directives(response)


@pytest.mark.django_db
def test_an_unclaimed_result_opened_by_its_address_alone_is_private(site_data):
    result = Result.objects.filter(owner__isnull=False).first()
    result.owner = None
    result.save(update_fields=["owner"])

    response = Client().get(f"/assessments/results/{result.public_id}/")

    assert response.status_code == 200
    assert {"private", "no-store"} <= directives(response)


@pytest.mark.django_db
def test_an_anonymous_visitor_whose_answers_the_session_keeps_gets_private_pages(
    client, site_data
):
    start = f"/assessments/{site_data['readiness']}/start/"
    started = client.post(start, follow=True)

    assert "sessionid" in client.cookies
    assert started.status_code == 200
    assert {"private", "no-store"} <= directives(started)
