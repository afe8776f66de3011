"""Comparing two to four careers side by side (/careers/compare/)."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from careers.models import Career
from core import pagecache

CSR, CLERKS, ACCOUNTANTS, SURGEONS, NURSES = (
    "43-4051.00",
    "43-3031.00",
    "13-2011.00",
    "29-1022.00",
    "29-1141.00",
)


def compare_url(*careers) -> str:
    return "/careers/compare/?" + "&".join(f"career={c.slug}" for c in careers)


@pytest.mark.parametrize("count", [2, 3, 4])
def test_two_to_four_careers_side_by_side(
    client, catalogue, count, django_assert_num_queries
):
    careers = [catalogue[code] for code in (CSR, CLERKS, ACCOUNTANTS, SURGEONS)][:count]

    # 1 the chosen careers with their occupations, 1 the picker's careers.
    with django_assert_num_queries(2):
        response = client.get(compare_url(*careers))

    assert response.status_code == 200
    comparison = response.context["comparison"]
    assert [column.career for column in comparison.columns] == careers
    assert len(comparison.overlaps) == count * (count - 1) // 2
    html = response.content.decode()
    for career in careers:
        assert f'<a href="{career.get_absolute_url()}">{career.title}</a>' in html


def test_the_comparison_shows_the_published_figures(client, catalogue):
    csr, clerks = catalogue[CSR], catalogue[CLERKS]
    response = client.get(compare_url(csr, clerks))

    comparison = response.context["comparison"]
    wages = csr.occupation.facts["wages"]["annual"]
    assert comparison.pay_rows[2] == (
        "Median",
        [f"${wages['median']:,}", f"${clerks.occupation.median_annual:,}"],
    )
    assert comparison.pay_rows[0][1][0] == f"${wages['p10']:,}"
    first = comparison.columns[0]
    assert first.pay.unit == "a year"
    assert first.growth == "\u22125.5%"
    assert first.openings == csr.occupation.annual_openings
    assert first.education == "High school diploma or equivalent"
    assert len(first.skills) == 5
    assert first.skills[0].name == "Active Listening"
    (first_title, second_title, percent) = comparison.overlaps[0]
    assert (first_title, second_title) == (csr.title, clerks.title)
    assert 50 < percent < 100
    html = response.content.decode()
    assert f"${wages['p90']:,}" in html
    assert "Skills overlap" in html


def test_overlap_on_the_compare_page_is_symmetric(client, catalogue):
    csr, surgeons = catalogue[CSR], catalogue[SURGEONS]
    one_way = client.get(compare_url(csr, surgeons)).context["comparison"]
    other_way = client.get(compare_url(surgeons, csr)).context["comparison"]
    assert one_way.overlaps[0][2] == other_way.overlaps[0][2] < 30


def test_no_careers_asks_for_two(client, catalogue):
    response = client.get("/careers/compare/")
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["comparison"] is None
    assert "Choose two to four careers" in html
    assert html.count('<select name="career"') == 2


def test_one_career_asks_for_a_second(client, catalogue):
    csr = catalogue[CSR]
    response = client.get(compare_url(csr))
    html = response.content.decode()
    assert response.context["comparison"] is None
    assert "Choose a second career to compare with" in html
    assert f'<input type="hidden" name="career" value="{csr.slug}">' in html
    assert html.count('<select name="career"') == 1


def test_five_or_more_show_the_first_four_and_say_so(client, catalogue):
    careers = [catalogue[code] for code in (CSR, CLERKS, ACCOUNTANTS, SURGEONS, NURSES)]
    response = client.get(compare_url(*careers) + "&career=extra")
    comparison = response.context["comparison"]
    assert [column.career for column in comparison.columns] == careers[:4]
    assert "Only 4 careers fit side by side" in response.content.decode()
    assert '<select name="career"' not in response.content.decode()


def test_unknown_and_repeated_careers_are_dropped_with_a_notice(client, catalogue):
    csr, clerks = catalogue[CSR], catalogue[CLERKS]
    response = client.get(
        compare_url(csr, csr)
        + f"&career=no-such-career&career=%3Cb%3E&career={clerks.slug}"
    )
    comparison = response.context["comparison"]
    assert [column.career for column in comparison.columns] == [csr, clerks]
    html = response.content.decode()
    assert "No career guide has the address “no-such-career”" in html
    assert "&lt;b&gt;" in html
    assert "<b>" not in html


def test_a_guide_without_figures_is_left_out_with_a_notice(client, catalogue):
    editorial = Career.objects.create(
        title="Baker", slug="baker", summary="Bakes.", status=Career.Status.PUBLISHED
    )
    response = client.get(compare_url(editorial, catalogue[CSR]))
    assert response.context["comparison"] is None
    assert "Baker has no published figures to compare" in response.content.decode()


def test_the_page_is_cached_under_its_careers_in_order(client, catalogue):
    csr, clerks = catalogue[CSR], catalogue[CLERKS]
    first = client.get(compare_url(csr, clerks) + "&utm_source=x")
    again = client.get(compare_url(csr, clerks, csr) + "&career=+")
    reversed_order = client.get(compare_url(clerks, csr))

    assert first["X-Page-Cache"] == "miss"
    assert again["X-Page-Cache"] == "hit"
    assert reversed_order["X-Page-Cache"] == "miss"
    addresses = sorted(
        e["address"] for e in cache.get_many(pagecache.slot_keys()).values()
    )
    assert addresses == [
        f"http://testserver/careers/compare/?career={clerks.slug}&career={csr.slug}",
        f"http://testserver/careers/compare/?career={csr.slug}&career={clerks.slug}",
    ]


def test_a_repeated_parameter_keeps_at_most_five_values():
    request = RequestFactory().get(
        "/careers/compare/", {"career": [f"c{n}" for n in range(50)], "other": "x"}
    )
    query = pagecache.canonical_query(request, [], ["career"])
    assert query == "career=c0&career=c1&career=c2&career=c3&career=c4"


def test_a_guide_links_to_compare_it(client, catalogue):
    csr = catalogue[CSR]
    html = client.get(csr.get_absolute_url()).content.decode()
    assert f'href="/careers/compare/?career={csr.slug}"' in html


def test_the_list_ticks_careers_into_the_compare_form(client, catalogue):
    html = client.get("/careers/").content.decode()
    csr = catalogue[CSR]
    assert 'id="compare-form"' in html
    assert (
        f'<input type="checkbox" name="career" value="{csr.slug}" form="compare-form">'
        in html
    )
