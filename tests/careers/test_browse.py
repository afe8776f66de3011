"""Browse and filter /careers/: fields, filters, sort, pages and one canonical
address per list (issue 14)."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client

from careers.browse import GROWTH_BANDS, OPENINGS_BANDS, PAY_BANDS
from careers.catalogue.pack import read_pack
from careers.models import Career, Occupation
from core import pagecache
from tests.factories import (
    CareerFactory,
    CareerIndustryFactory,
    generated_career_for,
    occupation_from_pack,
)

URL = "/careers/"


def first_codes_of_each_group(per_group: int) -> list[str]:
    codes: dict[str, list[str]] = {}
    for record in read_pack()["occupations"]:
        codes.setdefault(record["major_group"], []).append(record["code"])
    return [code for group in sorted(codes) for code in codes[group][:per_group]]


# Two occupations of each of the 22 fields, Actors (published hourly only) and
# Customer Service Representatives (which gets a hand-written guide).
CODES = [*first_codes_of_each_group(2), "27-2011.00", "43-4051.00"]


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker):
    """46 occupations from the pack with their generated guides, a hand-written
    guide on one occupation, one without an occupation and a draft, made once
    for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        for code in CODES:
            occupation = occupation_from_pack(code)
            if code != "43-4051.00":
                generated_career_for(occupation)
        clerk = CareerFactory(
            title="Customer Service Clerk",
            slug="customer-service-clerk",
            occupation=Occupation.objects.get(code="43-4051.00"),
            median_salary=38_400,
            typical_education=Career.Education.HIGH_SCHOOL,
        )
        baker = CareerFactory(
            title="Baker",
            slug="baker",
            median_salary=34_000,
            growth_percent=Decimal("8"),
            annual_openings=25_000,
            typical_education=Career.Education.NONE,
        )
        CareerIndustryFactory(
            career=baker, industry__name="Bakeries", industry__slug="bakeries"
        )
        CareerFactory(title="Secret Draft", status=Career.Status.DRAFT)
        yield {"clerk": clerk, "baker": baker}
        transaction.set_rollback(True)


@pytest.fixture
def listed(db, catalogue):
    return catalogue


@pytest.fixture
def client(client, settings):
    """A visitor with a session cookie: never served from the page cache, so
    every request reaches the view (the cache has tests of its own below)."""
    client.cookies[settings.SESSION_COOKIE_NAME] = "no-such-session"
    return client


def titles(response) -> list[str]:
    return [card.career.title for card in response.context["cards"]]


def all_titles(client, params: dict) -> list[str]:
    """Every title the list shows for the params, through every page."""
    found, page = [], 1
    while True:
        response = client.get(URL, params | ({"page": page} if page > 1 else {}))
        assert response.status_code == 200
        found += titles(response)
        if not response.context["page"].has_next():
            return found
        page += 1


def figures(career: Career) -> dict:
    """What the list should filter a guide on, worked out here from the rows."""
    occupation = career.occupation
    if occupation is None:
        return {
            "pay": career.median_salary,
            "growth": career.growth_percent,
            "openings": career.annual_openings,
            "education": career.get_typical_education_display(),
            "zone": None,
            "field": None,
        }
    hourly = occupation.median_hourly_cents
    return {
        "pay": occupation.median_annual or (hourly * 2080 // 100 if hourly else None),
        "growth": occupation.growth_percent,
        "openings": occupation.annual_openings,
        "education": occupation.typical_education,
        "zone": occupation.job_zone,
        "field": occupation.group.slug,
    }


def expected(test) -> list[str]:
    """Published titles (A to Z) whose figures pass `test`."""
    careers = Career.objects.published().select_related("occupation__group")
    return sorted(
        (career.title for career in careers if test(figures(career))),
        key=str.casefold,
    )


def in_band(band, value) -> bool:
    return (
        value is not None
        and (band.low is None or value >= band.low)
        and (band.below is None or value < band.below)
    )


def test_lists_every_published_guide_with_its_figures(client, listed):
    response = client.get(URL)

    page = response.content.decode()
    assert response.context["page"].paginator.count == 47  # 45 generated + 2
    assert len(titles(response)) == 24
    assert "Secret Draft" not in all_titles(client, {})
    assert "47 careers, page 1 of 2" in page
    # The hand-written guide on an occupation shows the occupation's figures.
    clerk = next(
        c
        for c in response.context["cards"]
        if c.career.slug == "customer-service-clerk"
    )
    assert (clerk.pay, clerk.field) == (44_770, "Office and Administrative Support")
    assert clerk.education == "High school diploma or equivalent"
    assert clerk.growth_band == "Declining"


def test_a_guide_without_an_occupation_lists_with_its_own_fields(client, listed):
    response = client.get(URL, {"page": 1, "sort": "openings"})

    baker = next(
        card
        for page in (1, 2)
        for card in client.get(URL, {"page": page} if page > 1 else {}).context["cards"]
        if card.career.slug == "baker"
    )
    assert response.status_code == 302  # page=1 is not canonical
    assert (baker.pay, baker.openings, baker.field) == (34_000, 25_000, "")
    assert baker.education == "No formal credential"
    assert baker.growth_band == "Growing fast"


def test_hourly_only_pay_is_the_hourly_median_times_2080_and_says_so(client, listed):
    response = client.get(
        URL, {"field": "arts-design-entertainment-sports-and-media-occupations"}
    )

    page = response.content.decode()
    assert "$29.05 an hour (about $60,424 a year)" in page
    assert "the hourly median × 2,080 hours" in page
    assert "Actors" in all_titles(client, {"pay": "60k-80k"})


def test_browse_by_field_lists_the_22_fields_with_counts(client, listed):
    response = client.get(URL)

    fields = response.context["fields"]
    assert len(fields) == 22
    assert not [f for f in fields if f["name"].endswith("Occupations")]
    office = next(f for f in fields if f["name"] == "Office and Administrative Support")
    assert office["count"] == 3  # two generated guides and the clerk's
    assert (
        office["url"] == "/careers/?field=office-and-administrative-support-occupations"
    )
    page = response.content.decode()
    assert (
        '<a href="/careers/?field=office-and-administrative-support-occupations">'
        "Office and Administrative Support</a>" in page
    )


def test_filter_by_field(client, listed):
    response = client.get(
        URL, {"field": "office-and-administrative-support-occupations"}
    )

    assert titles(response) == [
        "Customer Service Clerk",
        "First-Line Supervisors of Office and Administrative Support Workers",
        "Switchboard Operators, Including Answering Service",
    ]
    current = [f for f in response.context["fields"] if f["current"]]
    assert [f["name"] for f in current] == ["Office and Administrative Support"]
    assert 'aria-current="page">Office and Administrative Support' in (
        response.content.decode()
    )


def test_field_counts_follow_the_other_filters(client, listed):
    response = client.get(URL, {"education": "doctorate"})

    counts = {f["name"]: f["count"] for f in response.context["fields"]}
    assert counts["Legal"] == 2
    assert counts["Healthcare Practitioners and Technical"] == 2
    assert counts["Office and Administrative Support"] == 0
    assert "Office and Administrative Support</span>" in response.content.decode()


@pytest.mark.parametrize(
    ("key", "wording", "includes"),
    [
        ("none", "No formal educational credential", ["Baker", "Craft Artists"]),
        (
            "high-school",
            "High school diploma or equivalent",
            ["Customer Service Clerk"],
        ),
        (
            "some-college",
            "Some college, no degree",
            ["Computer, Automated Teller, and Office Machine Repairers"],
        ),
        (
            "doctorate",
            "Doctoral or professional degree",
            ["Lawyers", "Dentists, General"],
        ),
    ],
)
def test_filter_by_typical_education(client, listed, key, wording, includes):
    found = all_titles(client, {"education": key})

    assert set(includes) <= set(found)
    # A guide without an occupation counts by its own education field.
    assert found == expected(
        lambda f: (
            f["education"] == wording
            or (
                wording.startswith("No formal")
                and f["education"] == "No formal credential"
            )
            or (
                wording.startswith("High school")
                and f["education"] == "High school diploma or equivalent"
            )
        )
    )


@pytest.mark.parametrize("zone", [2, 3, 4, 5])
def test_filter_by_job_zone(client, listed, zone):
    found = all_titles(client, {"zone": zone})

    assert found
    assert found == expected(lambda f: f["zone"] == zone)


def test_job_zones_have_plain_english_labels(client, listed):
    page = client.get(URL).content.decode()

    assert '<option value="1">1: Little or no preparation' in page
    assert "usually a graduate degree" in page


@pytest.mark.parametrize("band", PAY_BANDS)
def test_filter_by_pay_band(client, listed, band):
    found = all_titles(client, {"pay": band})

    assert found == expected(lambda f: in_band(PAY_BANDS[band], f["pay"]))


def test_the_top_pay_band_holds_the_best_paid(client, listed):
    assert all_titles(client, {"pay": "150k-plus"}) == [
        "Chief Executives",
        "Chief Sustainability Officers",
        "Dentists, General",
        "Lawyers",
    ]


@pytest.mark.parametrize("band", GROWTH_BANDS)
def test_filter_by_projected_growth(client, listed, band):
    found = all_titles(client, {"growth": band})

    assert found
    assert found == expected(lambda f: in_band(GROWTH_BANDS[band], f["growth"]))


@pytest.mark.parametrize(
    ("growth", "band"),
    [
        ("-1.1", "declining"),
        ("-1.0", "steady"),
        ("0.9", "steady"),
        ("1.0", "growing"),
        ("4.9", "growing"),
        ("5.0", "fast"),
    ],
)
def test_growth_band_thresholds(client, listed, growth, band):
    Occupation.objects.filter(code="43-2011.00").update(growth_percent=Decimal(growth))

    assert "Switchboard Operators, Including Answering Service" in all_titles(
        client, {"growth": band}
    )


@pytest.mark.parametrize("band", OPENINGS_BANDS)
def test_filter_by_openings(client, listed, band):
    found = all_titles(client, {"openings": band})

    assert found == expected(lambda f: in_band(OPENINGS_BANDS[band], f["openings"]))


def test_filter_by_industry_of_the_occupation(client, listed):
    found = all_titles(client, {"industry": "hospitals"})

    assert "Chiropractors" in found  # 4th of its industries
    assert "Switchboard Operators, Including Answering Service" in found  # 1st
    # Credit Intermediation is only its 6th industry: the list knows the top 5.
    assert "Computer Systems Analysts" in found
    assert "Computer Systems Analysts" not in all_titles(
        client, {"industry": "credit-intermediation-and-related-activities"}
    )


def test_filter_by_industry_of_a_guide_without_an_occupation(client, listed):
    response = client.get(URL, {"industry": "bakeries"})

    assert titles(response) == ["Baker"]
    assert (
        '<option value="bakeries">Bakeries</option>' in client.get(URL).content.decode()
    )


def test_filters_combine(client, listed):
    response = client.get(
        URL,
        {
            "field": "healthcare-practitioners-and-technical-occupations",
            "education": "doctorate",
            "pay": "150k-plus",
        },
    )

    assert titles(response) == ["Dentists, General"]
    assert [a["parameter"] for a in response.context["active_filters"]] == [
        "field",
        "education",
        "pay",
    ]


def title_of(code: str) -> str:
    return Occupation.objects.get(code=code).title


def test_filters_and_sort_combine(client, listed):
    found = all_titles(client, {"zone": 2, "growth": "fast", "sort": "pay"})

    assert found == [
        "Aircraft Cargo Handling Supervisors",  # $58,170
        title_of("39-1014.00"),  # $48,560
        title_of("35-1012.00"),  # $44,080
        "Home Health Aides",  # $35,800, then the same pay in title order
        "Personal Care Aides",
    ]


@pytest.mark.parametrize("sort", ["pay", "growth", "openings"])
def test_sorts_put_the_highest_first_and_missing_figures_last(client, listed, sort):
    CareerFactory(
        title="Astronaut",
        median_salary=None,
        salary_low=None,
        salary_high=None,
        growth_percent=None,
        annual_openings=None,
    )
    found = all_titles(client, {"sort": sort})

    careers = {c.title: figures(c) for c in Career.objects.published()}
    values = [careers[title][sort] for title in found]
    assert found[-1] == "Astronaut"
    known = [value for value in values if value is not None]
    assert known == sorted(known, reverse=True)
    assert values.index(None) == len(known)


def test_title_sort_is_the_default_and_canonical(client, listed):
    found = all_titles(client, {})

    assert found == sorted(found, key=str.casefold)
    assert client.get(URL, {"sort": "title"})["Location"] == "/careers/"


def test_pages_of_24(client, listed):
    first = client.get(URL)
    second = client.get(URL, {"page": 2})

    assert len(titles(first)) == 24
    assert len(titles(second)) == 47 - 24
    assert set(titles(first)).isdisjoint(titles(second))
    assert '<a href="/careers/?page=2" rel="next">Next</a>' in first.content.decode()
    assert '<a href="/careers/" rel="prev">Previous</a>' in second.content.decode()


def test_page_links_keep_the_filters_and_sort(client, listed, monkeypatch):
    monkeypatch.setattr("careers.views.PAGE_SIZE", 3)
    params = {"zone": 2, "sort": "pay"}

    first = client.get(URL, params)
    page = first.content.decode()
    assert '<a href="/careers/?page=2&amp;sort=pay&amp;zone=2" rel="next">' in page
    last = first.context["page"].paginator.num_pages
    assert last > 3
    assert f'<a href="/careers/?page={last}&amp;sort=pay&amp;zone=2">' in page.replace(
        '<span class="visually-hidden">Page </span>', ""
    )
    # Every page, followed by its links, lists the filtered careers once each.
    assert all_titles(client, params) == [
        title
        for title, _ in sorted(
            (
                (c.title, figures(c)["pay"])
                for c in Career.objects.published()
                if figures(c)["zone"] == 2
            ),
            key=lambda pair: (-(pair[1] or 0), pair[0]),
        )
    ]


def test_shareable_url_round_trip(listed):
    """The filter form submitted with blanks gives a link that, opened again,
    shows the same list with the same choices selected."""
    submitted = {
        "field": "",
        "education": "bachelor",
        "zone": "",
        "pay": "100k-150k",
        "growth": "",
        "openings": "",
        "industry": "",
        "sort": "growth",
    }
    client = Client()
    response = client.get(URL, submitted)
    # The page cache drops the blanks before the view reads the query.
    assert response.status_code == 200
    shared = response.wsgi_request.get_full_path()
    assert shared == "/careers/?education=bachelor&pay=100k-150k&sort=growth"

    again = Client().get(shared)
    assert again["X-Page-Cache"] == "hit"  # the same entry
    assert again.content == response.content
    assert titles(response) == [
        "Computer Systems Analysts",  # 8.7%, then the same growth by title
        "Health Informatics Specialists",
        "Art Directors",  # 4.2%
    ]
    page = again.content.decode()
    assert '<option value="bachelor" selected>' in page
    assert '<option value="100k-150k" selected>' in page
    assert '<option value="growth" selected>' in page


@pytest.mark.parametrize(
    ("query", "canonical"),
    [
        ("page=abc", "/careers/"),
        ("page=1", "/careers/"),
        ("page=0", "/careers/"),
        ("page=999", "/careers/?page=2"),  # the last page
        ("sort=title", "/careers/"),
        ("sort=price%3B+DROP+TABLE", "/careers/"),
        ("pay=lots&zone=2", "/careers/?zone=2"),
        ("zone=9&education=wizardry", "/careers/"),
        (
            "industry=not-an-industry&field=legal-occupations",
            "/careers/?field=legal-occupations",
        ),
    ],
)
def test_invalid_or_default_values_go_to_the_canonical_address(
    client, listed, query, canonical
):
    response = client.get(f"{URL}?{query}")

    assert response.status_code == 302
    assert response["Location"] == canonical
    assert client.get(canonical).status_code == 200


def test_an_empty_result_names_each_filter_to_drop_and_what_it_gives(client, listed):
    response = client.get(
        URL, {"field": "legal-occupations", "pay": "under-40k", "zone": 5}
    )

    page = response.content.decode()
    assert titles(response) == []
    assert "No career matches all of that" in page
    drops = {a["parameter"]: a for a in response.context["active_filters"]}
    # Without the field: Legal is the only zone-5 field with none under $40,000.
    assert drops["field"]["count_without"] == 0
    # Without the pay band: both legal guides are zone 5.
    assert drops["pay"]["count_without"] == 2
    assert drops["zone"]["count_without"] == 0
    assert (
        '<a href="/careers/?field=legal-occupations&amp;zone=5">'
        "Remove Median pay a year: Under $40,000</a> <strong>gives 2 careers</strong>"
        in page
    )
    assert (
        '<a href="/careers/?pay=under-40k&amp;zone=5">Remove Field: Legal</a> '
        "(still none)" in page
    )


def test_a_hundred_junk_queries_store_one_page(listed):
    visitor = Client()
    responses = [visitor.get(URL, {"utm_source": n}) for n in range(25)]
    responses += [visitor.get(URL, {"page": f"x{n}"}) for n in range(25)]
    responses += [visitor.get(URL, {"sort": f"s{n}", "fbclid": n}) for n in range(25)]
    responses += [visitor.get(URL, {"pay": n, "field": f"f{n}"}) for n in range(25)]

    assert {r.status_code for r in responses[25:]} == {302}
    assert list(stored_pages()) == ["http://testserver/careers/?"]


def stored_pages() -> list[str]:
    return sorted(e["address"] for e in cache.get_many(pagecache.slot_keys()).values())


def test_every_filter_can_be_the_one_to_drop(client, listed):
    response = client.get(URL, {"growth": "declining", "pay": "150k-plus"})

    drops = {
        a["parameter"]: a["count_without"] for a in response.context["active_filters"]
    }
    assert titles(response) == []
    assert drops == {
        "pay": len(expected(lambda f: in_band(GROWTH_BANDS["declining"], f["growth"]))),
        "growth": 4,
    }
