"""Search by any job title (issue 14): careers.search over the database, the
results page and the as-you-type suggestions. The ranking itself is tested on
the whole data pack in test_title_index.py."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.loader import load_careers
from careers.models import Career, Occupation
from careers.search import forget_title_index, search_titles
from core.pagecache import _new_version
from tests.factories import CareerFactory, generated_career_for, occupation_from_pack

URL = "/careers/search/"
SUGGEST = "/careers/search/suggest/"
HTMX = {"HX-Request": "true"}
# The issue's searches' occupations and neighbours that share their words.
CODES = [
    "15-1232.00",  # Computer User Support Specialists: "help desk"
    "15-1252.00",  # Software Developers: "software engineer"
    "15-1253.00",  # Software Quality Assurance Analysts and Testers
    "29-1141.00",  # Registered Nurses: "RN"
    "29-1141.01",  # Acute Care Nurses (left without a guide below)
    "43-3031.00",  # Bookkeeping, Accounting, and Auditing Clerks
    "43-3021.00",  # Billing and Posting Clerks
    "43-4171.00",  # Receptionists and Information Clerks
    "41-9041.00",  # Telemarketers
    "53-7051.00",  # Industrial Truck and Tractor Operators: "forklift operator"
    "47-2073.00",  # Operating Engineers …: also a "Forklift Operator"
]


@pytest.fixture(autouse=True)
def _fresh_index():
    forget_title_index()
    yield
    forget_title_index()


@pytest.fixture
def catalogue(db):
    """The occupations above with generated guides, and the hand-written Customer
    Service Clerk as the guide of 43-4051.00; Acute Care Nurses has none."""
    load_careers()
    clerk_occupation = occupation_from_pack("43-4051.00")
    Career.objects.filter(slug="customer-service-clerk").update(
        occupation=clerk_occupation
    )
    for code in CODES:
        occupation = occupation_from_pack(code)
        if code != "29-1141.01":
            generated_career_for(occupation)
    return Occupation.objects.all()


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("call center representative", "customer-service-clerk"),
        ("help desk", "computer-user-support-specialists"),
        ("RN", "registered-nurses"),
        ("software engineer", "software-developers"),
        ("forklift operator", "industrial-truck-and-tractor-operators"),
        ("bookkeeping", "bookkeeping-accounting-and-auditing-clerks"),
        ("recepcionist", "receptionists-and-information-clerks"),
    ],
)
def test_searches_put_the_right_guide_first(catalogue, query, slug):
    assert search_titles(query)[0].career.slug == slug


def test_a_hand_written_guide_is_found_by_its_own_title_too(catalogue):
    match = search_titles("customer service clerk")[0]
    assert match.career.slug == "customer-service-clerk"


def test_guides_without_an_occupation_are_searched_by_title(catalogue):
    CareerFactory(title="Dog Groomer", slug="dog-groomer")
    _new_version()
    assert [match.career.slug for match in search_titles("dog groomers")] == [
        "dog-groomer"
    ]


def test_a_title_of_an_occupation_without_a_guide_leads_to_its_neighbour(catalogue):
    match = search_titles("acute care nurse")[0]
    assert match.career.slug == "registered-nurses"
    assert match.nearby
    assert match.occupation.code == "29-1141.01"


def test_drafts_are_not_found(catalogue):
    Career.objects.filter(slug="registered-nurses").update(status=Career.Status.DRAFT)
    assert "registered-nurses" not in {m.career.slug for m in search_titles("RN")}


def test_the_index_is_rebuilt_when_the_content_changes(catalogue):
    assert search_titles("cashiers")[0].career.slug != "cashiers"
    generated_career_for(occupation_from_pack("41-2011.00"))
    # What pages_changed() does once the loader's or the admin's save commits.
    _new_version()
    assert search_titles("cashiers")[0].career.slug == "cashiers"


def test_the_results_page_says_which_title_matched(client, catalogue):
    response = client.get(URL, {"q": "call center representative"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'href="/careers/customer-service-clerk/"' in page
    assert "matched: Call Center Representative" in page
    # A plain GET form: it works without JavaScript.
    assert 'method="get" action="/careers/search/"' in page


def test_the_results_page_names_the_occupation_behind_a_neighbour(client, catalogue):
    page = client.get(URL, {"q": "acute care nurse"}).content.decode()
    assert "Acute Care Nurses, which has no guide of its own" in page


def test_the_results_page_without_a_query_shows_the_form(client, catalogue):
    response = client.get(URL)
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()
    assert "title-results" not in response.content.decode()


def test_no_match_says_so(client, catalogue):
    page = client.get(URL, {"q": "xqzvwk"}).content.decode()
    assert "No guide for “xqzvwk” yet" in page


def test_a_too_long_query_is_answered_at_the_field(client, catalogue):
    response = client.get(URL, {"q": "nurse " * 40})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()


def test_suggestions_are_a_fragment_of_guide_links(client, catalogue):
    response = client.get(SUGGEST, {"q": "forklift op"}, headers=HTMX)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<html" not in page
    assert page.index("/careers/industrial-truck-and-tractor-operators/") < page.index(
        "/careers/operating-engineers"
    )
    assert "matched: Forklift Operator" in page
    assert 'href="/careers/search/?q=forklift+op"' in page


def test_suggestions_without_htmx_lead_to_the_results_page(client, catalogue):
    response = client.get(SUGGEST, {"q": "nurse"})
    assert response.status_code == 302
    assert response["Location"] == "/careers/search/?q=nurse"


def test_the_careers_index_has_the_title_search(client, catalogue):
    page = client.get("/careers/").content.decode()
    assert 'action="/careers/search/"' in page
    assert 'data-hx-get="/careers/search/suggest/"' in page


def query_count(client, path, params, **extra) -> int:
    """Queries for a search, once an earlier search (of other words, so that it
    is no page-cache hit) has built the index."""
    client.get(URL, {"q": "warm up"})
    with CaptureQueriesContext(connection) as queries:
        client.get(path, params, **extra)
    return len(queries)


def test_a_search_asks_the_database_nothing_once_the_index_is_built(client, catalogue):
    # Signed out, a new search asks the cache for the page and the content
    # version, and the database nothing.
    assert query_count(client, URL, {"q": "clerk"}) == 0
    assert query_count(client, URL, {"q": "nurse"}) == 0
    assert query_count(client, SUGGEST, {"q": "nur"}, headers=HTMX) == 0


def test_signed_in_searches_cost_the_same_whatever_the_catalogue(
    alice_client, catalogue
):
    # Expect 2 queries: the session and the user.
    assert query_count(alice_client, URL, {"q": "clerk"}) == 2
    for code in ["43-4151.00", "43-9061.00", "43-4081.00", "43-4161.00"]:
        generated_career_for(occupation_from_pack(code))
    _new_version()
    assert query_count(alice_client, URL, {"q": "clerk"}) == 2
