"""The anonymous page cache: the landing page, the careers index and the guides."""

import itertools

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils.http import http_date

from careers.browse import GROWTH_BANDS, PAY_BANDS
from core import pagecache
from tests.factories import CareerFactory, UserFactory
from tests.html_forms import form_data
from tests.security.test_headers import assert_security_headers

PAGES = ["/", "/careers/", "/careers/?pay=under-40k&sort=pay"]


def index_queries(count: int) -> list[str]:
    """`count` different canonical queries of the careers list."""
    return [
        f"growth={growth}&pay={pay}&sort={sort}"
        for growth, pay, sort in itertools.product(
            GROWTH_BANDS, PAY_BANDS, ["pay", "growth", "openings"]
        )
    ][:count]


def stored_pages() -> list[str]:
    """The addresses of the pages in the shared cache."""
    return sorted(e["address"] for e in cache.get_many(pagecache.slot_keys()).values())


@pytest.fixture
def guide(db):
    return CareerFactory(title="Baker", summary="Bakes bread before dawn.")


@pytest.mark.parametrize("path", [*PAGES, "/careers/baker/"])
def test_second_anonymous_visit_is_a_hit_with_no_queries(
    client, guide, path, django_assert_num_queries
):
    first = client.get(path)

    # Served from the cache: no session, no guide, no industries.
    with django_assert_num_queries(0):
        second = client.get(path)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.status_code == 200
    assert second.content == first.content
    assert "Cookie" in second["Vary"]
    assert b"csrfmiddlewaretoken" not in second.content


def test_query_string_order_and_blank_values_share_one_entry(client, guide):
    client.get("/careers/?pay=under-40k&sort=pay")

    same = client.get("/careers/?sort=pay&pay=under-40k&growth=")
    other = client.get("/careers/?sort=growth")

    assert same["X-Page-Cache"] == "hit"
    assert other["X-Page-Cache"] == "miss"
    assert b"Baker" in other.content


def test_signed_in_people_never_get_the_cached_page(client, guide):
    Client().get("/careers/baker/")  # an anonymous visit fills the cache
    client.force_login(UserFactory(name="Robin Hart"))

    response = client.get("/careers/baker/")

    assert "X-Page-Cache" not in response
    assert b"csrfmiddlewaretoken" in response.content  # their sign-out form
    assert b"Robin" in response.content


def test_a_signed_in_page_is_never_stored_for_anonymous_visitors(client, guide):
    signed_in = Client()
    signed_in.force_login(UserFactory())
    signed_in.get("/")

    response = client.get("/")

    assert response["X-Page-Cache"] == "miss"
    assert b"csrfmiddlewaretoken" not in response.content


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client, guide):
    client.get("/")
    client.cookies["messages"] = "something-signed"

    response = client.get("/")

    assert "X-Page-Cache" not in response


def test_repeat_visits_get_304_by_etag_and_by_date(client, guide):
    first = client.get("/careers/baker/")

    by_etag = client.get("/careers/baker/", headers={"if-none-match": first["ETag"]})
    by_date = client.get(
        "/careers/baker/", headers={"if-modified-since": first["Last-Modified"]}
    )
    stale = client.get("/careers/baker/", headers={"if-none-match": '"other"'})

    assert by_etag.status_code == by_date.status_code == 304
    assert by_etag.content == b""
    assert stale.status_code == 200
    assert stale["ETag"] == first["ETag"]


def test_an_old_if_modified_since_gets_the_page(client, guide):
    client.get("/")

    response = client.get("/", headers={"if-modified-since": http_date(0)})

    assert response.status_code == 200


def test_posts_and_404s_are_not_cached(client, guide):
    missing = client.get("/careers/no-such-guide/")
    again = client.get("/careers/no-such-guide/")

    assert missing.status_code == again.status_code == 404
    assert "X-Page-Cache" not in again


def test_staff_saving_a_guide_in_the_admin_retires_the_cached_page(
    client, guide, django_capture_on_commit_callbacks
):
    anonymous = Client()
    assert b"Bakes bread before dawn." in anonymous.get("/careers/baker/").content
    assert anonymous.get("/careers/")["X-Page-Cache"] == "miss"
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    url = f"/admin/careers/career/{guide.pk}/change/"
    data = form_data(client.get(url).content.decode(), "career_form")
    data["summary"] = "Bakes bread and cakes."

    with django_capture_on_commit_callbacks(execute=True):
        saved = client.post(url, data)

    assert saved.status_code == 302
    page = anonymous.get("/careers/baker/")
    assert page["X-Page-Cache"] == "miss"
    assert b"Bakes bread and cakes." in page.content
    assert anonymous.get("/careers/")["X-Page-Cache"] == "miss"


def test_loading_changed_content_retires_the_cached_pages(
    client, db, django_capture_on_commit_callbacks
):
    from careers.loader import load_careers

    client.get("/careers/")

    with django_capture_on_commit_callbacks(execute=True):
        load_careers()

    response = client.get("/careers/")
    assert response["X-Page-Cache"] == "miss"
    assert b"Customer Service Clerk" in response.content


@pytest.mark.parametrize("path", [*PAGES, "/careers/baker/"])
def test_a_hit_carries_every_header_the_miss_had(client, guide, path):
    miss = client.get(path)
    hit = client.get(path)

    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    assert_security_headers(hit)
    assert {k: v for k, v in hit.items() if k != "X-Page-Cache"} == {
        k: v for k, v in miss.items() if k != "X-Page-Cache"
    }
    assert hit["Content-Length"] == str(len(hit.content))


def test_a_hit_skips_sessions_authentication_and_the_view(client, guide, monkeypatch):
    client.get("/careers/baker/")

    def no_database(*args, **kwargs):
        raise AssertionError("the view ran")

    monkeypatch.setattr("careers.views.guide_for", no_database)
    hit = client.get("/careers/baker/")

    assert hit.status_code == 200
    assert b"Bakes bread before dawn." in hit.content
    # The session and authentication middleware never saw the request.
    assert not hasattr(hit.wsgi_request, "session")
    assert not hasattr(hit.wsgi_request, "user")


def test_a_visitor_with_a_session_cookie_gets_a_fresh_page(client, guide):
    client.get("/careers/baker/")
    client.cookies["sessionid"] = "not-a-session-we-know"

    response = client.get("/careers/baker/")

    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert b"Bakes bread before dawn." in response.content


def test_pages_that_are_not_marked_are_never_cached(client, db):
    client.get("/accounts/signin/")

    again = client.get("/accounts/signin/")
    robots = client.get("/robots.txt")

    assert "X-Page-Cache" not in again
    assert "X-Page-Cache" not in robots
    assert stored_pages() == []


def test_a_head_request_is_answered_from_the_cache(client, guide):
    client.get("/careers/baker/")

    head = client.head("/careers/baker/")

    assert head.status_code == 200
    assert head["X-Page-Cache"] == "hit"
    assert head.content == b""


def test_each_worker_rechecks_the_shared_cache_within_two_seconds(client, guide):
    """Another worker's save bumps the shared version; this worker serves its own
    recent copy for at most LOCAL_SECONDS, then the new content."""
    import time_machine

    with time_machine.travel(0, tick=False) as traveller:
        client.get("/careers/baker/")
        assert client.get("/careers/baker/")["X-Page-Cache"] == "hit"
        # What another process's pages_changed() does: only the shared version.
        cache.set(pagecache.VERSION_KEY, "a-newer-version", None)

        assert client.get("/careers/baker/")["X-Page-Cache"] == "hit"
        traveller.shift(pagecache.LOCAL_SECONDS)
        assert client.get("/careers/baker/")["X-Page-Cache"] == "miss"


def test_a_hundred_ignored_parameters_store_one_guide(client, guide):
    responses = [client.get(f"/careers/baker/?utm_source={n}") for n in range(100)]

    assert [r["X-Page-Cache"] for r in responses] == ["miss"] + ["hit"] * 99
    # One page, beside the guide's body kept once for signed-in readers.
    fragment, page = stored_pages()
    assert page == "http://testserver/careers/baker/?"
    assert fragment.startswith(f"fragment:careers:guide:testserver:{guide.pk}:")
    assert client.get("/careers/baker/")["X-Page-Cache"] == "hit"


def test_the_index_is_keyed_on_the_parameters_its_form_reads(client, guide):
    first = client.get("/careers/?sort=pay&utm_source=1")
    same = [
        client.get("/careers/?utm_source=2&sort=pay"),
        client.get("/careers/?sort=+pay+&industry=&fbclid=x"),
        client.get("/careers/?sort=growth&sort=pay"),  # the form reads the last value
    ]

    assert first["X-Page-Cache"] == "miss"
    assert [r["X-Page-Cache"] for r in same] == ["hit"] * 3
    assert stored_pages() == ["http://testserver/careers/?sort=pay"]
    assert b"Baker" in first.content


def test_the_view_never_sees_the_ignored_parameters(client, guide):
    response = client.get("/careers/?pay=under-40k&sort=pay&utm_campaign=planted")

    # The "remove this filter" links are built from the query the view reads.
    assert b"planted" not in response.content
    assert response.wsgi_request.GET.dict() == {"pay": "under-40k", "sort": "pay"}


def test_the_cache_never_holds_more_than_its_slots(client, guide, monkeypatch):
    monkeypatch.setattr(pagecache, "SLOTS", 8)

    queries = index_queries(40)
    for query in queries:
        client.get(f"/careers/?{query}")
    latest = client.get(f"/careers/?{queries[-1]}")

    assert 1 < len(stored_pages()) <= 8
    assert latest["X-Page-Cache"] == "hit"


def test_a_slot_never_serves_another_page(client, guide, monkeypatch):
    monkeypatch.setattr(pagecache, "SLOTS", 1)
    client.get("/careers/baker/")
    client.get("/careers/")
    pagecache.forget_local_pages()

    again = client.get("/careers/baker/")

    assert again["X-Page-Cache"] == "miss"
    assert b"Bakes bread before dawn." in again.content
    assert stored_pages() == ["http://testserver/careers/baker/?"]


def test_a_new_page_takes_the_slot_of_the_page_stored_first(client, guide, monkeypatch):
    import time_machine

    monkeypatch.setattr(pagecache, "SLOTS", 2)
    # Three lists that may each use both slots.
    words = [
        query
        for query in index_queries(50)
        if len(pagecache._slots_for(f"http://testserver/careers/?{query}")) == 2
    ][:3]

    with time_machine.travel(0, tick=False) as traveller:
        for word in words:
            client.get(f"/careers/?{word}")
            traveller.shift(60)

        assert stored_pages() == sorted(
            f"http://testserver/careers/?{word}" for word in words[1:]
        )
