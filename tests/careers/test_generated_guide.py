"""The generated guide: every part drawn from an occupation's facts, absent parts
hidden, figures in the unit BLS publishes, and the same queries for any size."""

import json
import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from careers.models import Career
from careers.occupation_guide import is_generated, rescale_level
from careers.selectors import related_guides
from core.pagecache import LOCAL_SECONDS, _new_version, content_version
from tests.factories import (
    CareerFactory,
    UserFactory,
    generated_career_for,
    occupation_from_pack,
)

pytestmark = pytest.mark.django_db


def guide_for_code(code: str, **fields) -> Career:
    return generated_career_for(occupation_from_pack(code, **fields))


def page_of(client, career: Career) -> str:
    response = client.get(career.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def section(page: str, anchor: str) -> str:
    """The HTML of the chapter with id `anchor`."""
    return page.split(f'id="{anchor}"', 1)[1].split("</section>", 1)[0]


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def json_ld(page: str) -> list[dict]:
    return [
        json.loads(block)
        for block in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', page, re.S
        )
    ]


def test_the_guide_shows_every_part_of_the_occupation(client):
    related = guide_for_code("41-3091.00")
    career = guide_for_code("43-4051.00")

    page = page_of(client, career)
    text = text_of(page)

    # The summary, composed from the facts.
    assert "work in the office and administrative support field" in text
    assert "About 2,595,750 people held jobs in the United States in May 2025" in text
    assert "Half of these workers earned more than $44,770 a year" in text
    assert "to shrink by 5.5%, with about 341,700 openings a year" in text
    assert "Most people start with a high school diploma or equivalent and " in text
    assert "The work relies most on active listening" in text
    # Key facts, each with its source and release.
    facts = text_of(section(page, "key-facts-title"))
    for expected in [
        "Median pay $44,770 a year, or $21.53 an hour BLS OEWS, May 2025",
        "Pay range $31,750 to $63,590 10th to 90th percentile",
        "Employment 2,595,750 jobs BLS OEWS, May 2025",
        "Projected change −5.5%",
        "Openings a year 341,700 BLS projections, 2024–34",
        "Typical entry education High school diploma or equivalent",
        "Work experience in a related job None",
        "On-the-job training Short-term on-the-job training",
        "Job zone 2 of 5 Some preparation O*NET 29.3, May 2025",
    ]:
        assert expected in facts
    # The percentile chart is labelled as percentiles, with a table alternative.
    pay = section(page, "salary")
    assert 'aria-labelledby="pay-chart-title pay-chart-desc"' in pay
    assert '<th scope="row">Median (50th percentile)</th><td>$44,770</td>' in pay
    assert "experience" not in text_of(pay.split("Pay by state")[0]).replace(
        "not experience levels", ""
    )
    # Pay by state: the states and territories, a chart and a sortable table.
    assert '<tr data-state="06">' in page
    assert '<g class="state-chart__row" data-state="72"' in page
    assert "data-sortable" in page
    assert "data-state-picker hidden" in page
    # Skills in O*NET's groups, importance to one decimal, level rescaled.
    skills = section(page, "skills")
    assert "<caption>Basic skills: content</caption>" in skills
    assert "<caption>Social skills</caption>" in skills
    assert re.search(r"Active Listening</th>\s*<td>.*?4\.0</span></td>", skills, re.S)
    assert "Knowledge" in skills
    assert "Work styles" in skills
    assert 'Adobe Acrobat <span class="tag tag--hot">Hot</span>' in skills
    assert "Autodialing systems" in skills
    # The education workers say is required, also-called titles, industries.
    assert "High School Diploma</th><td>55%</td>" in page
    assert "Call Center Representative" in section(page, "overview")
    assert "Administrative and Support Services" in section(page, "overview")
    # Related guides as links, O*NET OnLine, About the data, the skills gap.
    assert f'<a href="{related.get_absolute_url()}">{related.title}</a>' in page
    assert "https://www.onetonline.org/link/summary/43-4051.00" in page
    assert page.count('href="/careers/about-the-data/"') >= 3  # and the footer
    assert 'href="/assessments/customer-service-representatives-skills-gap/"' in page
    assert "O*NET® is a trademark of USDOL/ETA." in page
    # No raw codes in the prose.
    assert not re.search(r"\d\d-\d{4}", text.replace("43-4051.00", ""))


def test_absent_parts_are_hidden(client):
    occupation = occupation_from_pack("43-4051.00")
    occupation.facts |= {
        key: []
        for key in [
            "skills",
            "knowledge",
            "work_styles",
            "technology",
            "tools",
            "education",
            "alternate_titles",
            "reported_titles",
            "industries",
            "related",
            "states",
        ]
    }
    occupation.save()
    page = page_of(client, generated_career_for(occupation))

    for absent in [
        'id="skills"',
        "Also called",
        "Where they work",
        "Pay by state",
        'id="related"',
        "The education workers say the job requires",
        "skills-gap",
        "relies most on",
    ]:
        assert absent not in page
    assert "Check your readiness" in page
    assert "$44,770" in page  # what remains still shows


def test_long_lists_are_capped_behind_a_disclosure(client):
    page = page_of(client, guide_for_code("51-9061.00"))  # 940 other titles

    overview = section(page, "overview")
    shown = overview.split("<details", 1)[0]
    assert shown.count("<li>") == 12
    assert re.search(r"<summary>Show [\d,]+ more titles</summary>", overview)


def test_an_annual_only_occupation_shows_yearly_pay_only(client):
    page = page_of(client, guide_for_code("25-2021.00"))

    facts = text_of(section(page, "key-facts-title"))
    assert "Median pay $63,970 a year BLS OEWS" in facts
    assert "an hour" not in facts
    assert "An hour</th>" not in page
    assert "BLS publishes yearly pay only for this work" in page


def test_an_hourly_only_occupation_shows_hourly_pay_only(client):
    page = page_of(client, guide_for_code("27-2011.00"))

    facts = text_of(section(page, "key-facts-title"))
    assert "Median pay $29.05 an hour" in facts
    assert "Pay range $16.50 to $143.68 10th to 90th percentile, an hour" in facts
    assert "A year</th>" not in page
    assert "BLS publishes hourly pay only for this work" in page


def test_top_coded_and_unpublished_figures_say_so(client):
    occupation = occupation_from_pack("11-1011.00")
    wages = occupation.facts["wages"]
    wages["annual"]["p90"] = wages["hourly_cents"]["p90"] = None
    wages["above_top"] = ["annual.p90", "hourly.p90"]
    wages["annual"]["p10"] = wages["hourly_cents"]["p10"] = None
    wages["not_published"] = ["annual.p10", "hourly.p10"]
    occupation.save()

    page = page_of(client, generated_career_for(occupation))

    facts = text_of(section(page, "key-facts-title"))
    assert "Pay range not published to above the highest published figure" in facts
    assert "<td>above the highest published figure</td>" in page
    assert "<td>not published</td>" in page
    assert "239,200" not in page  # never a fixed cap


def test_a_state_with_withheld_pay_says_not_published(client):
    page = page_of(client, guide_for_code("11-1011.00"))

    # Colorado's employment is withheld for chief executives.
    colorado = page.split('<tr data-state="08">', 1)[1].split("</tr>", 1)[0]
    assert '<td data-value="">not published</td>' in colorado


def test_a_split_code_says_its_figures_are_for_the_wider_bls_group(client):
    page = page_of(client, guide_for_code("15-1299.01"))

    assert (
        "These pay and employment figures are for the wider BLS group "
        "“Computer Occupations, All Other”, which also covers 8 other occupations"
    ) in page


def test_an_occupation_without_figures_says_so(client):
    page = page_of(client, guide_for_code("45-3031.00"))

    assert "BLS publishes no pay or employment figures for this occupation" in page
    assert "Median pay" not in page
    assert "Pay by state" not in page
    assert "Openings a year" in page  # its projections remain


def test_the_json_ld_describes_the_occupation_with_its_figures(client):
    page = page_of(client, guide_for_code("43-4051.00"))

    occupation, breadcrumbs = json_ld(page)
    assert occupation["@type"] == "Occupation"
    assert occupation["occupationalCategory"] == "43-4051.00"
    assert occupation["sameAs"] == (
        "https://www.onetonline.org/link/summary/43-4051.00"
    )
    assert occupation["educationRequirements"] == "High school diploma or equivalent"
    assert occupation["estimatedSalary"] == [
        {
            "@type": "MonetaryAmountDistribution",
            "name": "base",
            "currency": "USD",
            "duration": "P1Y",
            "percentile10": 31750,
            "percentile25": 36870,
            "median": 44770,
            "percentile75": 51780,
            "percentile90": 63590,
        }
    ]
    assert breadcrumbs["@type"] == "BreadcrumbList"


def test_hourly_json_ld_is_in_dollars_an_hour(client):
    page = page_of(client, guide_for_code("27-2011.00"))

    salary = json_ld(page)[0]["estimatedSalary"][0]
    assert (salary["duration"], salary["median"]) == ("PT1H", 29.05)


def test_the_body_is_rendered_once_for_every_reader(client, monkeypatch):
    career = guide_for_code("43-4051.00")
    alice, bob = UserFactory(), UserFactory()
    alice.target_career = career
    alice.save()
    client.force_login(bob)
    page_of(client, career)

    def not_again(*args, **kwargs):
        raise AssertionError("the body was rendered again")

    monkeypatch.setattr("careers.views.occupation_page", not_again)
    bobs = page_of(client, career)
    client.force_login(alice)
    alices = page_of(client, career)

    assert "Make this my target" in bobs
    assert "Your target career" in alices
    assert "Make this my target" not in alices


def test_a_changed_occupation_is_rendered_afresh(client):
    career = guide_for_code("43-4051.00")
    page_of(client, career)
    occupation = career.occupation
    occupation.facts["wages"]["annual"]["median"] = 50_000
    occupation.save()

    client.force_login(UserFactory())  # past the anonymous page cache
    # Even with no new content version (another worker saved it), once this
    # worker's micro-cached guide row is older than LOCAL_SECONDS.
    with time_machine.travel(timezone.now() + timedelta(seconds=LOCAL_SECONDS)):
        assert "$50,000" in page_of(client, career)


def test_a_saved_change_reaches_this_worker_at_once(client, alice):
    career = guide_for_code("43-4051.00")
    client.force_login(alice)
    page_of(client, career)
    occupation = career.occupation
    occupation.facts["wages"]["annual"]["median"] = 50_000
    occupation.save()
    _new_version()  # what pages_changed() does once the save commits

    assert "$50,000" in page_of(client, career)


@pytest.mark.parametrize("code", ["39-4012.00", "51-9061.00"])
def test_queries_are_the_same_for_the_smallest_and_the_largest_guide(
    client, django_assert_num_queries, code
):
    career = guide_for_code(code)
    guide_for_code("43-4051.00")  # related to both, so each lists a guide
    content_version()  # the site has one, as after any load
    client.force_login(UserFactory())

    # First reader: session, user, the career with its occupation, the guide view
    # (an upsert), then for the body: the occupation's facts and related guides.
    with django_assert_num_queries(6):
        page_of(client, career)
    # Every later reader: session, user and the guide view; the body comes from
    # the cache, and the career row from this worker's memory (LOCAL_SECONDS).
    client.force_login(UserFactory())
    with django_assert_num_queries(3):
        page_of(client, career)
    # A reader back within five minutes: no guide view to record either.
    with django_assert_num_queries(2):
        page_of(client, career)


def test_related_guides_follow_onets_order_in_one_query(django_assert_num_queries):
    occupation = occupation_from_pack("43-4051.00")
    codes = occupation.facts["related"]
    first, second = (guide_for_code(code) for code in [codes[2], codes[0]])
    draft = guide_for_code(codes[1])
    draft.status = Career.Status.DRAFT
    draft.save()

    with django_assert_num_queries(1):
        related = related_guides(occupation)

    assert related == [second, first]


def test_a_hand_written_guide_with_an_occupation_lists_its_related_guides(client):
    from careers.loader import load_careers

    load_careers()
    clerk = Career.objects.get(slug="customer-service-clerk")
    clerk.occupation = occupation_from_pack("43-4051.00")
    clerk.save()
    related = guide_for_code("41-3091.00")

    page = page_of(client, clerk)

    links = section(page, "related")
    assert f'<a href="{related.get_absolute_url()}">{related.title}</a>' in links
    assert "Customer Service Assistant" not in links  # the old hand-made drafts
    assert 'id="faq"' in page  # still the hand-written page


def test_which_guides_are_generated():
    occupation = occupation_from_pack("43-4051.00")
    assert is_generated(generated_career_for(occupation))
    assert not is_generated(CareerFactory())
    linked = CareerFactory(slug="linked", overview="", occupation=None)
    linked.occupation = occupation_from_pack("41-3091.00")
    assert is_generated(linked)
    linked.overview = "Written by hand."
    assert not is_generated(linked)


def test_level_is_rescaled_from_zero_to_seven_onto_one_to_five():
    assert [rescale_level(level) for level in (0, 3.5, 7)] == [1, 3, 5]


def test_the_sitemap_lists_generated_guides_and_about_the_data(client):
    career = guide_for_code("43-4051.00")

    xml = client.get("/sitemap.xml").content.decode()

    assert f"<loc>http://testserver{career.get_absolute_url()}</loc>" in xml
    assert "<loc>http://testserver/careers/about-the-data/</loc>" in xml


def test_staff_preview_of_a_draft_generated_guide_is_not_indexed(staff_client):
    career = guide_for_code("43-4051.00")
    Career.objects.filter(pk=career.pk).update(status=Career.Status.DRAFT)

    page = page_of(staff_client, career)

    assert "Draft preview" in page
    assert page.count('<meta name="robots" content="noindex">') == 1


def test_a_published_generated_guide_is_indexed(client):
    page = page_of(client, guide_for_code("43-4051.00"))

    assert 'name="robots"' not in page
    assert '<link rel="canonical"' in page
