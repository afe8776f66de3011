import re

import pytest
from django.core.exceptions import ValidationError

from careers.loader import load_careers
from careers.models import Career, DataRelease
from tests.factories import CareerFactory, occupation_from_pack
from tests.html_forms import form_data


def test_staff_can_open_the_career_add_and_change_pages(staff_client, clerk_guide):
    add = staff_client.get("/admin/careers/career/add/")
    change = staff_client.get(f"/admin/careers/career/{clerk_guide.pk}/change/")

    assert add.status_code == change.status_code == 200
    page = change.content.decode()
    for prefix in [
        "industries",
        "responsibilities",
        "skills",
        "education_options",
        "steps",
        "salary_levels",
        "path_levels",
        "pros",
        "cons",
        "faqs",
        "related_links",
        "sections",
    ]:
        assert f'name="{prefix}-TOTAL_FORMS"' in page, prefix
    assert "&quot;#id_slug&quot;" in add.content.decode()  # filled from the title


def test_view_on_site_opens_the_guide_even_for_a_draft(staff_client, db):
    draft = CareerFactory(slug="customer-service-assistant", status=Career.Status.DRAFT)
    page = staff_client.get(
        f"/admin/careers/career/{draft.pk}/change/"
    ).content.decode()
    view_on_site = re.search(r'<a href="([^"]+)" class="viewsitelink"', page).group(1)

    response = staff_client.get(view_on_site, follow=True)

    assert response.request["PATH_INFO"] == "/careers/customer-service-assistant/"
    assert b"Draft preview" in response.content


def test_staff_can_add_a_career_with_a_prepopulated_slug(staff_client, db):
    page = staff_client.get("/admin/careers/career/add/").content.decode()
    data = form_data(page, "career_form")
    data.update(title="Baker", slug="baker", summary="Bakes bread.", status="draft")

    response = staff_client.post("/admin/careers/career/add/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Career.objects.get(slug="baker").title == "Baker"


def test_a_change_made_in_the_admin_survives_reloading_the_content(
    staff_client, clerk_guide
):
    url = f"/admin/careers/career/{clerk_guide.pk}/change/"
    data = form_data(staff_client.get(url).content.decode(), "career_form")
    data["summary"] = "Our editors rewrote this line."
    data["faqs-0-question"] = "An edited question?"

    response = staff_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    load_careers()

    clerk_guide.refresh_from_db()
    assert clerk_guide.summary == "Our editors rewrote this line."
    assert clerk_guide.faqs.first().question == "An edited question?"


def test_the_admin_explains_a_median_outside_the_range(staff_client, clerk_guide):
    url = f"/admin/careers/career/{clerk_guide.pk}/change/"
    data = form_data(staff_client.get(url).content.decode(), "career_form")
    data["median_salary"] = "99000"

    response = staff_client.post(url, data)

    assert response.status_code == 200
    assert "The median must not be above the high end." in response.content.decode()


@pytest.mark.parametrize(
    ("model", "term", "expected"),
    [("industry", "retail", "Retail Trade"), ("skill", "listen", "Active listening")],
)
def test_industries_and_skills_autocomplete(
    staff_client, clerk_guide, model, term, expected
):
    field = {
        "industry": ("careerindustry", "industry"),
        "skill": ("careerskill", "skill"),
    }
    model_name, field_name = field[model]
    response = staff_client.get(
        "/admin/autocomplete/",
        {
            "term": term,
            "app_label": "careers",
            "model_name": model_name,
            "field_name": field_name,
        },
    )

    assert response.status_code == 200
    assert expected in [result["text"] for result in response.json()["results"]]


def test_the_career_list_filters_by_status_and_industry(staff_client, clerk_guide):
    industry = clerk_guide.industries.first().industry
    response = staff_client.get(
        "/admin/careers/career/",
        {"status__exact": "published", "industries__industry__id__exact": industry.pk},
    )

    assert list(response.context["cl"].result_list) == [clerk_guide]


def test_people_who_are_not_staff_cannot_open_the_careers_admin(
    alice_client, clerk_guide
):
    response = alice_client.get(f"/admin/careers/career/{clerk_guide.pk}/change/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("anchor", ["faq", "salary", "related", "overview-title"])
def test_a_section_anchor_cannot_take_an_id_the_page_uses(clerk_guide, anchor):
    section = clerk_guide.sections.first()
    section.anchor = anchor

    with pytest.raises(ValidationError, match="already uses this anchor"):
        section.full_clean()


@pytest.fixture
def occupations(db):
    """Customer service representatives (job zone 2) and two others."""
    return {
        "csr": occupation_from_pack("43-4051.00"),
        "receptionists": occupation_from_pack("43-4171.00"),
        "nurses": occupation_from_pack("29-1141.00"),
    }


def test_staff_can_open_every_catalogue_admin_page(staff_client, occupations):
    csr = occupations["csr"]
    DataRelease.objects.create(
        source=DataRelease.Source.OEWS,
        name="Occupational Employment and Wage Statistics",
        publisher="U.S. Bureau of Labor Statistics",
        release="May 2025",
        date="2025-05",
    )
    urls = [
        "/admin/careers/occupation/",
        f"/admin/careers/occupation/{csr.pk}/change/",
        "/admin/careers/occupationgroup/",
        f"/admin/careers/occupationgroup/{csr.group_id}/change/",
        "/admin/careers/datarelease/",
        f"/admin/careers/datarelease/{DataRelease.objects.get().pk}/change/",
    ]

    assert [staff_client.get(url).status_code for url in urls] == [200] * len(urls)


def test_the_occupation_list_shows_pay_growth_and_group(staff_client, occupations):
    page = staff_client.get("/admin/careers/occupation/").content.decode()

    row = page.split("Customer Service Representatives", 1)[1].split("</tr>", 1)[0]
    assert "43-4051.00" in row
    assert "Office and Administrative Support Occupations" in row
    assert "$44,770" in row
    assert "\N{MINUS SIGN}5.5%" in row


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Adjustment Clerk", ["csr"]),  # an alternate title
        ("43-4171", ["receptionists"]),  # a code
        ("registered nurses", ["nurses"]),  # the title
        # 17 and 3 of their titles: each occupation listed once.
        ("representative", ["csr", "receptionists"]),
    ],
)
def test_occupations_are_found_by_title_code_and_alternate_title(
    staff_client, occupations, term, expected
):
    response = staff_client.get("/admin/careers/occupation/", {"q": term})

    found = list(response.context["cl"].result_list)
    assert found == [occupations[key] for key in expected]


def test_occupations_filter_by_major_group_and_job_zone(staff_client, occupations):
    csr, nurses = occupations["csr"], occupations["nurses"]

    by_group = staff_client.get(
        "/admin/careers/occupation/", {"group__id__exact": nurses.group_id}
    )
    by_zone = staff_client.get(
        "/admin/careers/occupation/", {"job_zone__exact": csr.job_zone}
    )

    assert list(by_group.context["cl"].result_list) == [nurses]
    assert csr in by_zone.context["cl"].result_list
    assert nurses not in by_zone.context["cl"].result_list


def test_an_occupation_s_facts_read_as_tables_not_json(staff_client, occupations):
    url = f"/admin/careers/occupation/{occupations['csr'].pk}/change/"

    page = staff_client.get(url).content.decode()

    assert "<caption>National pay (annual and hourly)</caption>" in page
    assert "<td>$44,770</td><td>$21.53</td>" in page
    assert "BLS projections 2024–34" in page
    assert '<th scope="row">Active Listening</th>' in page
    assert "Call Center Representative" in page
    assert '"p10"' not in page
    assert 'name="facts"' not in page


def test_occupation_groups_and_releases_are_read_only(staff_client, occupations):
    group = occupations["csr"].group
    url = f"/admin/careers/occupationgroup/{group.pk}/change/"

    response = staff_client.post(url, {"name": "Renamed", "code": group.code})

    group.refresh_from_db()
    assert response.status_code == 403
    assert group.name == "Office and Administrative Support Occupations"
    assert staff_client.get("/admin/careers/occupationgroup/add/").status_code == 403


def test_a_guide_is_joined_to_its_occupation_by_autocomplete(staff_client, occupations):
    response = staff_client.get(
        "/admin/autocomplete/",
        {
            "term": "Adjustment Clerk",
            "app_label": "careers",
            "model_name": "career",
            "field_name": "occupation",
        },
    )

    assert [result["text"] for result in response.json()["results"]] == [
        "Customer Service Representatives (43-4051.00)"
    ]


def test_the_guide_s_change_page_lists_each_stale_figure_beside_the_current_one(
    staff_client, joined_clerk
):
    Career.objects.filter(pk=joined_clerk.pk).update(median_salary=38_400)
    joined_clerk.faqs.create(
        question="What is the outlook?",
        answer="Projections call for growth of 4%.",
        order=99,
    )
    url = f"/admin/careers/career/{joined_clerk.pk}/change/"

    page = staff_client.get(url).content.decode()

    panel = page.split("Figures older than the newest release", 1)[1]
    panel = panel.split("</table>", 1)[0]
    assert (
        '<th scope="row">Median salary</th><td><strong>$38,400</strong></td>'
        "<td>$44,770 (BLS OEWS, May 2025)</td>"
    ) in panel
    assert "<strong>4%</strong></td><td>\N{MINUS SIGN}5.5% (BLS projections" in panel
    assert panel.count("<tr>") == 3  # the header, the median and the 4%
    assert 'id="id_occupation"' in page


def test_an_up_to_date_guide_says_so(staff_client, joined_clerk):
    page = staff_client.get(
        f"/admin/careers/career/{joined_clerk.pk}/change/"
    ).content.decode()

    assert "Every figure matches the newest release." in page


def test_the_career_list_filters_guides_with_older_figures(staff_client, joined_clerk):
    other = CareerFactory(title="Baker")
    assert (
        staff_client.get("/admin/careers/career/", {"stale": "yes"})
        .context["cl"]
        .result_list.count()
        == 0
    )
    Career.objects.filter(pk=joined_clerk.pk).update(annual_openings=348_600)

    stale = staff_client.get("/admin/careers/career/", {"stale": "yes"})
    current = staff_client.get("/admin/careers/career/", {"stale": "no"})

    assert list(stale.context["cl"].result_list) == [joined_clerk]
    assert set(current.context["cl"].result_list) == {other}
    assert "figures older than the newest release" in stale.content.decode()


def test_people_who_are_not_staff_cannot_open_the_occupation_admin(
    alice_client, occupations
):
    response = alice_client.get("/admin/careers/occupation/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_edit_an_occupation_s_title_but_not_its_release_figures(
    staff_client, occupations
):
    csr = occupations["csr"]
    url = f"/admin/careers/occupation/{csr.pk}/change/"
    data = form_data(staff_client.get(url).content.decode(), "occupation_form")
    data.update(title="Customer service representatives", median_annual="1")

    response = staff_client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    csr.refresh_from_db()
    assert csr.title == "Customer service representatives"
    assert csr.median_annual == 44_770
