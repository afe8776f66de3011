import re

import pytest
from django.core.exceptions import ValidationError

from careers.loader import load_careers
from careers.models import Career
from tests.factories import CareerFactory
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

