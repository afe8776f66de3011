import json
import re
import tomllib
from decimal import Decimal

import pytest
from django.urls import reverse

from careers.loader import CONTENT_DIR, guides_changed
from careers.models import Career, GuideSection
from tests.factories import CareerFactory, UserFactory, occupation_from_pack

GUIDE_URL = "/careers/customer-service-clerk/"


def json_ld_documents(html: str) -> dict:
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S
    )
    return {document["@type"]: document for document in map(json.loads, blocks)}


@pytest.fixture
def page(client, clerk_guide):
    response = client.get(GUIDE_URL)
    assert response.status_code == 200
    return response.content.decode()


def test_the_guide_lives_at_its_slug(clerk_guide):
    assert clerk_guide.get_absolute_url() == GUIDE_URL


@pytest.mark.parametrize(
    "figure",
    [
        "$44,770",
        "\N{MINUS SIGN}5.5%",
        "Projected to decline",
        "341,700",
        "$31,750–$63,590",
        "Retail Trade",
        "Administrative and Support Services",
        "High school diploma or equivalent",
        "BLS Occupational Employment and Wage Statistics, May 2025",
    ],
)
def test_key_figures_from_the_seed_are_on_the_page(page, figure):
    assert figure in page


def key_facts(html: str) -> str:
    return html.split('id="key-facts-title"', 1)[1].split("</section>", 1)[0]


@pytest.mark.parametrize(
    "fact",
    [
        '<span class="fact-card__value">$44,770</span>\n'
        '        <span class="fact-card__note">BLS OEWS, May 2025</span>',
        '<span class="fact-card__value">$31,750–$63,590</span>\n'
        '        <span class="fact-card__note">10th to 90th percentile, '
        "BLS OEWS, May 2025</span>",
        '<span class="fact-card__value">\N{MINUS SIGN}5.5%</span>\n'
        '        <span class="fact-card__note">Projected change, '
        "BLS projections 2024–34</span>",
        '<span class="fact-card__value">341,700</span>\n'
        '        <span class="fact-card__note">BLS projections 2024–34</span>',
        "High school diploma or equivalent</span>\n"
        '        <span class="fact-card__note">Short-term on-the-job training; '
        "BLS projections 2024–34</span>",
    ],
)
def test_a_guide_joined_to_its_occupation_shows_each_figure_with_its_release(
    client, joined_clerk, fact
):
    page = client.get(GUIDE_URL).content.decode()

    assert fact in key_facts(page)


def test_a_new_release_updates_the_key_facts_without_touching_the_guide(
    client, joined_clerk
):
    occupation = joined_clerk.occupation
    facts = occupation.facts
    facts["wages"]["annual"].update(median=46_120, p10=32_000, p90=66_000)
    facts["releases"]["oews"]["release"] = "May 2026"
    occupation.growth_percent = Decimal("-3.1")
    occupation.annual_openings = 330_000
    occupation.save()

    page = key_facts(client.get(GUIDE_URL).content.decode())

    assert "$46,120" in page
    assert "$32,000–$66,000" in page
    assert "BLS OEWS, May 2026" in page
    assert "\N{MINUS SIGN}3.1%" in page
    assert "330,000" in page
    assert "$44,770" not in page


def test_the_figures_typed_in_a_guide_show_when_it_has_no_occupation(page):
    facts = key_facts(page)
    assert "BLS OEWS" not in facts
    assert "BLS Occupational Employment and Wage Statistics, May 2025" in facts
    assert "Projected to decline" in facts


@pytest.mark.parametrize(
    ("level", "median", "average"),
    [
        ("Junior Customer Service Clerk", "$30,000", "$32,000"),
        ("Customer Service Clerk", "$35,000", "$37,000"),
        ("Customer Service Representative", "$40,000", "$42,000"),
        ("Customer Service Specialist", "$46,000", "$48,000"),
        ("Senior Customer Service Clerk", "$50,000", "$52,000"),
        ("Customer Service Supervisor", "$58,000", "$60,000"),
        ("Customer Service Manager", "$72,000", "$75,000"),
    ],
)
def test_each_experience_level_has_its_median_in_chart_and_table(
    page, level, median, average
):
    row = f'<tr><th scope="row">{level}</th><td>{median}</td><td>{average}</td></tr>'
    assert row in page
    chart = page.split('<svg class="chart__svg"', 2)[2].split("</svg>")[0]
    assert f">{level}</text>" in chart
    assert f">{median}</text>" in chart


def test_charts_have_titles_descriptions_and_text_alternatives(page):
    assert page.count('role="img"') == 2
    assert '<title id="salary-range-title">' in page
    assert '<title id="salary-chart-title">' in page
    assert "Most pay falls between $31,750 and $63,590 a year" in page
    assert "<caption>Salary by experience level" in page
    assert (
        '<desc id="salary-chart-desc">Junior Customer Service Clerk: $30,000; '
        "Customer Service Clerk: $35,000;" in page
    )


def test_the_salary_range_bar_places_the_median_between_low_and_high(page):
    # (44,770 - 31,750) / (63,590 - 31,750) of 480 units is about 196.3
    assert 'x1="196.3" x2="196.3"' in page


def test_a_joined_guide_labels_its_range_as_percentiles(client, joined_clerk):
    page = client.get(GUIDE_URL).content.decode()

    assert ">10th percentile $31,750</text>" in page
    assert ">90th percentile $63,590</text>" in page
    assert (
        "Eight in ten workers earn between $31,750 (10th percentile) and $63,590 "
        "(90th percentile) a year; the median is $44,770 (BLS OEWS, May 2025)."
    ) in page


def test_every_section_heading_and_chapter_is_on_the_page(page, clerk_guide):
    sections = clerk_guide.sections.all()
    assert len(sections) >= 12
    for section in sections:
        assert f'id="{section.anchor}"' in page
        assert f">{section.heading}</h3>" in page.replace("&#x27;", "'")
    for placement in GuideSection.Placement:
        assert f'<h2 id="{placement.value}-title">{placement.label}</h2>' in page
    for chapter in ["Pros and cons", "Frequently asked questions"]:
        assert f">{chapter}</h2>" in page


def test_the_table_of_contents_links_to_every_chapter(page):
    toc = page.split("data-toc>", 1)[1].split("</nav>", 1)[0]
    for anchor in [p.value for p in GuideSection.Placement] + [
        "pros-and-cons",
        "faq",
    ]:
        assert f'href="#{anchor}"' in toc
        assert f'id="{anchor}"' in page


def test_skills_are_grouped_and_ranked_by_importance(page, clerk_guide):
    technical = page.split(">Technical skills</h3>", 1)[1].split("</ol>", 1)[0]
    soft = page.split(">Soft skills</h3>", 1)[1].split("</ol>", 1)[0]
    levels = [int(level) for level in re.findall(r'data-level="(\d)"', technical)]
    assert levels == sorted(levels, reverse=True)
    assert "Typing" in technical or "typing" in technical
    for item in clerk_guide.skills.select_related("skill"):
        group = technical if item.skill.kind == "technical" else soft
        assert item.skill.name.replace("'", "&#x27;") in group


def test_steps_ladder_pros_cons_and_faq_are_all_there(page, clerk_guide):
    document = tomllib.loads((CONTENT_DIR / "customer-service-clerk.toml").read_text())
    for level in document["path_levels"]:
        assert f'<p class="ladder__years">{level["years"]}</p>' in page
    assert page.index("0–1 years") < page.index("9+ years")
    assert page.count('class="steps-list__item"') == 6
    assert page.count('<details class="faq">') == len(document["faqs"])
    assert 'class="pros-cons__column pros-cons__column--pros"' in page
    assert 'class="pros-cons__column pros-cons__column--cons"' in page


@pytest.fixture
def draft(db):
    return CareerFactory(
        title="Customer Service Assistant",
        slug="customer-service-assistant",
        status=Career.Status.DRAFT,
    )


def test_draft_related_careers_are_plain_text_not_links(client, clerk_guide, draft):
    clerk_guide.related_links.create(related=draft)

    page = client.get(GUIDE_URL).content.decode()

    related = page.split('id="related-title"', 1)[1].split("</section>", 1)[0]
    assert '<h3 class="card__title">Customer Service Assistant</h3>' in related
    assert "/careers/customer-service-assistant/" not in page


def test_published_related_careers_are_links(client, clerk_guide, draft):
    clerk_guide.related_links.create(related=draft)
    Career.objects.filter(pk=draft.pk).update(status=Career.Status.PUBLISHED)

    page = client.get(GUIDE_URL).content.decode()

    assert 'href="/careers/customer-service-assistant/"' in page


def test_title_description_canonical_and_open_graph(page, clerk_guide):
    assert (
        "<title>Customer Service Clerk: what they do, pay, skills and career path"
        in page
    )
    summary = clerk_guide.summary.replace("'", "&#x27;")
    assert f'<meta name="description" content="{summary}">' in page
    assert f'<link rel="canonical" href="http://testserver{GUIDE_URL}">' in page
    assert f'<meta property="og:url" content="http://testserver{GUIDE_URL}">' in page
    assert (
        '<meta property="og:title" content="Customer Service Clerk career guide">'
        in page
    )
    assert f'<meta property="og:description" content="{summary}">' in page


def test_json_ld_describes_the_occupation(page, clerk_guide):
    occupation = json_ld_documents(page)["Occupation"]

    assert occupation["name"] == "Customer Service Clerk"
    assert occupation["description"] == clerk_guide.summary
    assert occupation["occupationalCategory"] == "43-4051"
    assert occupation["estimatedSalary"] == [
        {
            "@type": "MonetaryAmountDistribution",
            "name": "base",
            "currency": "USD",
            "duration": "P1Y",
            "median": 44770,
            "minValue": 31750,
            "maxValue": 63590,
        }
    ]
    assert occupation["educationRequirements"] == clerk_guide.education_note
    assert len(occupation["skills"]) == clerk_guide.skills.count()
    assert len(occupation["responsibilities"]) == clerk_guide.responsibilities.count()
    assert occupation["experienceRequirements"].startswith(
        "Entry level as Customer Service Clerk (0–1 years)"
    )


def test_json_ld_of_a_joined_guide_gives_the_release_percentiles(client, joined_clerk):
    page = client.get(GUIDE_URL).content.decode()

    salary = json_ld_documents(page)["Occupation"]["estimatedSalary"][0]
    assert (salary["median"], salary["percentile10"], salary["percentile90"]) == (
        44_770,
        31_750,
        63_590,
    )
    assert "minValue" not in salary


def test_json_ld_has_the_faq_and_breadcrumbs(page, clerk_guide):
    documents = json_ld_documents(page)

    questions = documents["FAQPage"]["mainEntity"]
    assert [q["name"] for q in questions] == [
        f.question for f in clerk_guide.faqs.all()
    ]
    assert all(q["acceptedAnswer"]["text"] for q in questions)
    crumbs = documents["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Home", "Careers", "Customer Service Clerk"]
    assert crumbs[2]["item"] == f"http://testserver{GUIDE_URL}"


def test_content_cannot_break_out_of_the_json_ld_block(client, db):
    CareerFactory(
        title="Evil", slug="evil", summary="</script><script>alert(1)</script>"
    )

    page = client.get("/careers/evil/").content.decode()

    assert "<script>alert(1)" not in page
    assert json_ld_documents(page)["Occupation"]["description"].startswith("</script>")


def test_html_typed_into_a_section_is_shown_as_text(client, db):
    career = CareerFactory(slug="plain")
    career.sections.create(
        heading="Tools",
        anchor="tools",
        body="Use <b>bold</b> **really**\n\n- one\n- <img src=x onerror=alert(1)>",
    )

    page = client.get(career.get_absolute_url()).content.decode()

    assert "&lt;b&gt;bold&lt;/b&gt; <strong>really</strong>" in page
    assert "<li>&lt;img src=x onerror=alert(1)&gt;</li>" in page


def test_a_draft_is_hidden_from_the_public(client, draft):
    response = client.get(
        reverse("careers:detail", args=["customer-service-assistant"])
    )

    assert response.status_code == 404


def test_a_draft_is_hidden_from_signed_in_people_who_are_not_staff(alice_client, draft):
    response = alice_client.get("/careers/customer-service-assistant/")

    assert response.status_code == 404


def test_staff_can_preview_a_draft(staff_client, draft):
    response = staff_client.get("/careers/customer-service-assistant/")

    assert response.status_code == 200
    assert b"Draft preview" in response.content
    assert b'<meta name="robots" content="noindex">' in response.content


def test_an_unknown_guide_is_a_404(client, db):
    assert client.get("/careers/no-such-career/").status_code == 404


def test_the_guide_invites_the_reader_to_track_an_application(page):
    assert page.count('href="/tracker/new/?career=customer-service-clerk"') == 2
    assert "Skills gap analysis" in page
    assert "Career readiness assessment" in page


OCCUPATION_URL = "/careers/customer-service-representatives/"


def test_the_occupation_address_redirects_to_the_hand_written_guide(
    client, joined_clerk
):
    response = client.get(OCCUPATION_URL)

    assert response.status_code == 301
    assert response["Location"] == GUIDE_URL
    # Nothing per visitor: no cookie, and the cache never stores a redirect.
    assert not response.cookies
    assert "X-Page-Cache" not in response


def test_the_guide_behind_the_redirect_is_still_cached_for_anonymous_visitors(
    client, joined_clerk
):
    first = client.get(OCCUPATION_URL, follow=True)
    second = client.get(OCCUPATION_URL, follow=True)

    assert first.redirect_chain == [(GUIDE_URL, 301)]
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert "$44,770" in second.content.decode()


def test_signed_in_people_are_redirected_too(alice_client, joined_clerk):
    response = alice_client.get(OCCUPATION_URL)

    assert response.status_code == 301
    assert response["Location"] == GUIDE_URL


def test_the_occupation_address_of_a_draft_guide_is_a_404(client, joined_clerk):
    Career.objects.filter(pk=joined_clerk.pk).update(status=Career.Status.DRAFT)

    assert client.get(OCCUPATION_URL).status_code == 404


def test_an_occupation_without_a_guide_is_a_404(client, clerk_guide):
    occupation_from_pack("43-4051.00")  # not joined to the clerk guide

    assert client.get(OCCUPATION_URL).status_code == 404


def test_the_guide_body_is_rendered_once_for_every_reader(
    client, joined_clerk, monkeypatch
):
    alice, bob = UserFactory(), UserFactory(target_career=joined_clerk)
    client.force_login(alice)
    first = client.get(GUIDE_URL).content.decode()

    def not_again(*args, **kwargs):
        raise AssertionError("the guide's lists were read again")

    monkeypatch.setattr("careers.views.guide_for", not_again)
    alices = client.get(GUIDE_URL).content.decode()
    client.force_login(bob)
    bobs = client.get(GUIDE_URL).content.decode()

    assert "Make this my target" in alices
    assert "Your target career" in bobs
    assert "Make this my target" not in bobs
    for page in (alices, bobs):
        assert "$44,770" in page  # the key facts, from the occupation
        assert 'id="faq"' in page
        assert json_ld_documents(page).keys() == json_ld_documents(first).keys()


def test_an_edited_guide_is_rendered_afresh(alice_client, clerk_guide):
    alice_client.get(GUIDE_URL)
    clerk_guide.overview = "Clerks answer **every** question."
    clerk_guide.save()

    assert "Clerks answer <strong>every</strong> question." in (
        alice_client.get(GUIDE_URL).content.decode()
    )


def test_a_new_faq_shows_once_staff_changes_are_committed(
    alice_client, clerk_guide, django_capture_on_commit_callbacks
):
    alice_client.get(GUIDE_URL)
    # What the admin does: the rows change, then guides_changed() on commit.
    with django_capture_on_commit_callbacks(execute=True):
        clerk_guide.faqs.create(question="Is there a night shift?", answer="Some.")
        guides_changed()

    assert "Is there a night shift?" in alice_client.get(GUIDE_URL).content.decode()
