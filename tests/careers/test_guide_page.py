import json
import re
import tomllib

import pytest
from django.urls import reverse

from careers.loader import CONTENT_DIR
from careers.models import Career, GuideSection
from tests.factories import CareerFactory

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
        "$38,400",
        "4%",
        "As fast as average",
        "348,600",
        "$29,000–$55,000",
        "Retail Trade",
        "Administrative and Support Services",
        "High school diploma or equivalent",
        "U.S. Bureau of Labor Statistics, May 2023",
    ],
)
def test_key_figures_from_the_seed_are_on_the_page(page, figure):
    assert figure in page


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
    assert "Most pay falls between $29,000 and $55,000 a year" in page
    assert "<caption>Salary by experience level" in page
    assert (
        '<desc id="salary-chart-desc">Junior Customer Service Clerk: $30,000; '
        "Customer Service Clerk: $35,000;" in page
    )


def test_the_salary_range_bar_places_the_median_between_low_and_high(page):
    # (38,400 - 29,000) / (55,000 - 29,000) of 480 units is about 173.5
    assert 'x1="173.5" x2="173.5"' in page


def test_every_section_heading_and_chapter_is_on_the_page(page, clerk_guide):
    sections = clerk_guide.sections.all()
    assert len(sections) >= 12
    for section in sections:
        assert f'id="{section.anchor}"' in page
        assert f">{section.heading}</h3>" in page.replace("&#x27;", "'")
    for placement in GuideSection.Placement:
        assert f'<h2 id="{placement.value}-title">{placement.label}</h2>' in page
    for chapter in ["Pros and cons", "Frequently asked questions", "Related careers"]:
        assert f">{chapter}</h2>" in page


def test_the_table_of_contents_links_to_every_chapter(page):
    toc = page.split("data-toc>", 1)[1].split("</nav>", 1)[0]
    for anchor in [p.value for p in GuideSection.Placement] + [
        "pros-and-cons",
        "faq",
        "related",
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


def test_draft_related_careers_are_plain_text_not_links(page, clerk_guide):
    related = page.split('id="related-title"', 1)[1].split("</section>", 1)[0]
    assert '<h3 class="card__title">Customer Service Assistant</h3>' in related
    assert "/careers/customer-service-assistant/" not in page


def test_published_related_careers_are_links(client, clerk_guide):
    Career.objects.filter(slug="customer-service-representative").update(
        status=Career.Status.PUBLISHED
    )

    page = client.get(GUIDE_URL).content.decode()

    assert 'href="/careers/customer-service-representative/"' in page


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
            "median": 38400,
            "minValue": 29000,
            "maxValue": 55000,
        }
    ]
    assert occupation["educationRequirements"] == clerk_guide.education_note
    assert len(occupation["skills"]) == clerk_guide.skills.count()
    assert len(occupation["responsibilities"]) == clerk_guide.responsibilities.count()
    assert occupation["experienceRequirements"].startswith(
        "Entry level as Customer Service Clerk (0–1 years)"
    )


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


def test_a_draft_is_hidden_from_the_public(client, clerk_guide):
    response = client.get(
        reverse("careers:detail", args=["customer-service-assistant"])
    )

    assert response.status_code == 404


def test_a_draft_is_hidden_from_signed_in_people_who_are_not_staff(
    alice_client, clerk_guide
):
    response = alice_client.get("/careers/customer-service-assistant/")

    assert response.status_code == 404


def test_staff_can_preview_a_draft(staff_client, clerk_guide):
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
