"""Paste a posting on "Add an application" (issue 16): the form comes back
filled for review, with what was read marked and a guide suggested from the job
title; nothing is saved until the person adds it."""

import json
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from careers.search import forget_title_index
from tests.factories import (
    AssessmentFactory,
    CareerFactory,
    generated_career_for,
    occupation_from_pack,
)
from tracker.models import Application
from tracker.services import application_create

pytestmark = pytest.mark.django_db

NEW = "/tracker/new/"
POSTING = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": "Customer Service Representative",
    "hiringOrganization": {"@type": "Organization", "name": "Northwind Traders"},
    "jobLocation": {"address": {"addressLocality": "Reno", "addressRegion": "NV"}},
    "baseSalary": {
        "currency": "USD",
        "value": {"minValue": 18, "maxValue": 22.5, "unitText": "HOUR"},
    },
    "employmentType": "FULL_TIME",
    "url": "https://jobs.example.com/northwind/123",
    "description": "&lt;p&gt;Answer calls &amp;amp; emails.&lt;/p&gt;",
}
PAGE = (
    "<html><head><title>Jobs</title><script type='application/ld+json'>"
    f"{json.dumps(POSTING)}</script></head><body><h1>Customer Service "
    "Representative</h1></body></html>"
)


@pytest.fixture(autouse=True)
def _fresh_title_index():
    forget_title_index()
    yield
    forget_title_index()


def read(client, text: str, url: str = NEW):
    return client.post(url, {"posting": text})


def test_the_add_page_offers_the_paste_box(alice_client):
    page = alice_client.get(NEW).content.decode()

    assert 'name="posting"' in page
    assert "Read it" in page


def test_reading_a_posting_fills_the_form_and_saves_nothing(alice_client):
    response = read(alice_client, PAGE)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["company"] == "Northwind Traders"
    assert form.initial["role_title"] == "Customer Service Representative"
    assert form.initial["salary_min"] == Decimal(18)
    assert form.initial["salary_max"] == Decimal("22.50")
    assert form.initial["salary_period"] == "hour"
    assert form.initial["job_description"] == "Answer calls & emails."
    page = response.content.decode()
    assert 'value="Northwind Traders"' in page
    assert page.count("Read from the posting") >= 9
    assert "Read from the posting's job details" in page
    assert Application.objects.count() == 0


def test_confirming_the_read_form_saves_it_with_its_pay_period(alice_client, alice):
    response = read(alice_client, PAGE)
    form = response.context["form"]
    data = {
        name: form[name].value() if form[name].value() is not None else ""
        for name in form.fields
        if name != "documents_sent"
    }

    saved = alice_client.post(NEW, data)

    application = Application.objects.get(owner=alice)
    assert saved["Location"] == application.get_absolute_url()
    assert application.salary_period == "hour"
    assert application.salary_min == Decimal(18)
    assert application.posting_url == "https://jobs.example.com/northwind/123"
    page = alice_client.get(application.get_absolute_url()).content.decode()
    assert "18 to 22.50 USD an hour" in page
    assert "About 37,440 to 46,800 USD a year" in page
    assert "2,080 hours (52 weeks of 40 hours)" in page


def test_a_guide_is_suggested_from_the_job_title(alice_client):
    career = generated_career_for(occupation_from_pack("43-4051.00"))

    response = read(alice_client, PAGE)

    assert response.context["form"].initial["career"] == career
    page = response.content.decode()
    assert "Suggested" in page
    assert f'<option value="{career.pk}" selected>' in page


def test_a_guide_chosen_on_the_way_in_is_kept(alice_client):
    generated_career_for(occupation_from_pack("43-4051.00"))
    chosen = CareerFactory(slug="barista", title="Barista")

    response = read(alice_client, PAGE, url=f"{NEW}?career=barista")

    assert response.context["form"].initial["career"] == chosen


@pytest.mark.parametrize(
    ("pasted", "message"),
    [
        ("Dear diary, it rained all day.", "We found no job title, company, pay"),
        ("%PDF-1.7\x00\x01\x02\x03 binary", "looks like the inside of a file"),
        ("   ", "Paste a job posting first."),
    ],
)
def test_nothing_to_read_says_so_and_keeps_the_paste(alice_client, pasted, message):
    response = read(alice_client, pasted)

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    if pasted.strip() and "\x00" not in pasted:
        assert pasted in page
    assert Application.objects.count() == 0


def test_over_200_kb_says_so_and_keeps_the_paste(alice_client):
    pasted = "Barista at Blue Bottle\n" + "word " * 41_000 + "the-end-marker"

    response = read(alice_client, pasted)

    page = response.content.decode()
    assert "over 200 KB" in page
    assert "the-end-marker" in page
    assert Application.objects.count() == 0


def test_the_application_page_links_the_guide_and_its_skills_gap(alice_client, alice):
    career = CareerFactory(slug="clerk", title="Clerk")
    AssessmentFactory(career=career, slug="clerk-skills-gap", kind="skills_gap")
    application = application_create(
        owner=alice, company="Acme", role_title="Clerk", career=career
    )

    page = alice_client.get(application.get_absolute_url()).content.decode()

    assert 'href="/careers/clerk/"' in page
    assert 'href="/assessments/clerk-skills-gap/"' in page


def test_no_skills_gap_link_when_it_is_not_published(alice_client, alice):
    career = CareerFactory(slug="clerk", title="Clerk")
    AssessmentFactory(
        career=career, slug="clerk-skills-gap", kind="skills_gap", is_published=False
    )
    application = application_create(
        owner=alice, company="Acme", role_title="Clerk", career=career
    )

    page = alice_client.get(application.get_absolute_url()).content.decode()

    assert "clerk-skills-gap" not in page


def test_the_account_export_has_the_pay_period(alice_client, alice):
    application_create(
        owner=alice,
        company="Acme",
        role_title="Clerk",
        salary_min=Decimal("18.50"),
        salary_period="hour",
    )

    response = alice_client.get("/accounts/profile/export.json")
    [exported] = json.loads(response.content)["tracker"]["applications"]

    assert (exported["salary_min"], exported["salary_period"]) == (18.5, "hour")


@pytest.mark.django_db(transaction=True)
def test_existing_salaries_migrate_as_yearly(alice, migrator):
    before = [("tracker", "0004_currency_code")]
    after = [("tracker", "0005_pay_period_and_posting")]
    executor = migrator
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    old_apps.get_model("tracker", "Application").objects.create(
        owner_id=alice.pk,
        company="Acme",
        role_title="Clerk",
        salary_min=40000,
        salary_max=50000,
    )

    executor = MigrationExecutor(connection)
    executor.migrate(after)
    new_apps = executor.loader.project_state(after).apps

    application = new_apps.get_model("tracker", "Application").objects.get()
    assert application.salary_period == "year"
    assert (application.salary_min, application.salary_max) == (40000, 50000)
