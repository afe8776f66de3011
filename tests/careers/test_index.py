from decimal import Decimal

import pytest

from careers.models import Career
from tests.factories import CareerFactory, CareerIndustryFactory, CareerSkillFactory

URL = "/careers/"


@pytest.fixture
def guides(db):
    """Three published guides with different facts, and a draft."""
    nurse = CareerFactory(
        title="Nurse",
        summary="Cares for patients.",
        median_salary=80_000,
        salary_high=100_000,
        growth_percent=Decimal("6"),
        typical_education=Career.Education.BACHELOR,
    )
    clerk = CareerFactory(
        title="Clerk",
        summary="Answers customers by phone.",
        median_salary=38_400,
        growth_percent=Decimal("4"),
        typical_education=Career.Education.HIGH_SCHOOL,
    )
    baker = CareerFactory(
        title="Baker",
        summary="Bakes bread before dawn.",
        median_salary=34_000,
        growth_percent=Decimal("8"),
        typical_education=Career.Education.NONE,
    )
    CareerFactory(title="Secret Draft", status=Career.Status.DRAFT)
    CareerIndustryFactory(
        career=nurse, industry__name="Healthcare", industry__slug="healthcare"
    )
    CareerIndustryFactory(
        career=clerk, industry__name="Retail Trade", industry__slug="retail-trade"
    )
    CareerSkillFactory(career=clerk, skill__name="Data entry")
    return {"nurse": nurse, "clerk": clerk, "baker": baker}


def titles(response):
    return [career.title for career in response.context["careers"]]


def test_lists_published_guides_with_key_facts(client, guides):
    response = client.get(URL)

    assert titles(response) == ["Baker", "Clerk", "Nurse"]
    page = response.content.decode()
    assert "$38,400" in page
    assert "4% · As fast as average" in page
    assert "Retail Trade" in page
    assert "Secret Draft" not in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nur", ["Nurse"]),  # title
        ("by phone", ["Clerk"]),  # summary
        ("DATA ENTRY", ["Clerk"]),  # skill, any case
    ],
)
def test_search_by_title_summary_and_skill(client, guides, query, expected):
    assert titles(client.get(URL, {"q": query})) == expected


def test_filter_by_industry(client, guides):
    response = client.get(URL, {"industry": "healthcare"})

    assert titles(response) == ["Nurse"]


def test_the_industry_filter_offers_only_industries_of_published_guides(client, guides):
    CareerIndustryFactory(
        career=Career.objects.get(title="Secret Draft"), industry__name="Mining"
    )

    page = client.get(URL).content.decode()

    assert '<option value="healthcare">Healthcare</option>' in page
    assert "Mining" not in page


def test_filter_by_typical_education(client, guides):
    assert titles(client.get(URL, {"education": "bachelor"})) == ["Nurse"]


@pytest.mark.parametrize(
    ("band", "expected"),
    [
        ("under-35k", ["Baker"]),
        ("35k-50k", ["Clerk"]),
        ("75k-plus", ["Nurse"]),
    ],
)
def test_filter_by_salary_range(client, guides, band, expected):
    assert titles(client.get(URL, {"salary": band})) == expected


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Baker", "Clerk", "Nurse"]),
        ("salary", ["Nurse", "Clerk", "Baker"]),
        ("growth", ["Baker", "Nurse", "Clerk"]),
    ],
)
def test_sort_by_name_salary_and_growth(client, guides, sort, expected):
    assert titles(client.get(URL, {"sort": sort})) == expected


def test_guides_without_a_salary_sort_last(client, guides):
    CareerFactory(
        title="Astronaut", median_salary=None, salary_low=None, salary_high=None
    )

    assert titles(client.get(URL, {"sort": "salary"}))[-1] == "Astronaut"


def test_filters_combine(client, guides):
    response = client.get(URL, {"q": "e", "salary": "35k-50k", "sort": "growth"})

    assert titles(response) == ["Clerk"]


def test_no_results_says_what_did_not_match_and_how_to_widen(client, guides):
    response = client.get(
        URL, {"q": "pilot", "industry": "healthcare", "salary": "under-35k"}
    )

    page = response.content.decode()
    assert titles(response) == []
    assert "No guide matches all of that" in page
    assert (
        "We found no published guide matching “pilot”, in Healthcare and with a "
        "median salary under $35,000." in page
    )
    assert (
        '<a href="/careers/?industry=healthcare&amp;salary=under-35k">'
        "Remove the search “pilot”</a>" in page
    )
    assert (
        '<a href="/careers/?q=pilot&amp;salary=under-35k">Remove the Healthcare' in page
    )
    assert "See every guide" in page


@pytest.mark.parametrize(
    "params",
    [
        {"sort": "price; DROP TABLE"},
        {"industry": "not-an-industry"},
        {"salary": "lots"},
        {"education": "wizardry"},
        {"q": "x" * 500},
    ],
)
def test_bad_parameters_never_fail(client, guides, params):
    response = client.get(URL, params)

    assert response.status_code == 200
    assert titles(response)  # the invalid filter is ignored, not applied


def test_the_form_keeps_what_was_searched(client, guides):
    page = client.get(URL, {"q": "nurse", "sort": "salary"}).content.decode()

    assert 'value="nurse"' in page
    assert '<option value="salary" selected>' in page
