"""The duplicate warning (issue 16): the same posting link, or the same company
(case, punctuation and legal suffixes ignored) with a similar role, added in the
last six months, is pointed out before saving; the person can still save."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from tests.factories import CareerFactory
from tracker.duplicates import (
    Posting,
    company_key,
    duplicate_reason,
    possible_duplicates,
    posting_key,
    similar_roles,
)
from tracker.models import Application
from tracker.services import application_create


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Acme, Inc.", "ACME"),
        ("Acme Inc", "acme llc"),
        ("Globex Corp.", "Globex Corporation"),
        ("Initech Ltd.", "Initech Limited"),
        ("Smith & Sons Co.", "smith and sons"),
        ("The Widget Company", "Widget Co"),
        ("Acme Co., Ltd.", "Acme"),
        ("O'Reilly Media", "OReilly Media"),
    ],
)
def test_company_names_match_without_case_punctuation_or_suffixes(first, second):
    assert company_key(first) == company_key(second)


def test_different_companies_stay_different():
    assert company_key("Acme Robotics") != company_key("Acme")
    # A company called just "Co" keeps its name.
    assert company_key("Co.") == "co"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Senior Software Engineer", "Software Engineer"),
        ("Software Engineer II", "Sr. Software Engineer"),
        ("Lead Designer", "Junior Designer"),
        ("Jr Data Analyst", "Data Analyst, Senior"),
        ("Software Engineer", "Software Engineer - Payments"),
        ("Customer Service Representatives", "customer service representative"),
    ],
)
def test_similar_roles(first, second):
    assert similar_roles(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Software Engineer", "Data Engineer"),
        ("Designer", "Design Manager"),
        ("Sales Manager", "Sales Associate"),
        ("Senior", "Lead"),
        ("Nurse", "Product Designer"),
    ],
)
def test_different_roles(first, second):
    assert not similar_roles(first, second)


def test_posting_links_match_without_tracking_or_a_trailing_slash():
    assert posting_key("https://Jobs.Example.com/a/1/?utm_source=x&id=7#apply") == (
        posting_key("https://jobs.example.com/a/1?id=7")
    )
    assert posting_key("https://jobs.example.com/a/1") != posting_key(
        "https://jobs.example.com/a/2"
    )


def test_the_reasons():
    old = Posting("Acme Inc.", "Designer", "https://x.example/1", career_id=3)

    assert duplicate_reason(Posting("Other", "Clerk", "https://x.example/1/"), old) == (
        "the same posting link"
    )
    assert duplicate_reason(Posting("ACME", "Senior Designer"), old) == (
        "the same company and a similar role"
    )
    assert duplicate_reason(Posting("acme", "UX person", career_id=3), old) == (
        "the same company and career guide"
    )
    # A different role at the same company is another application, not a repeat.
    assert duplicate_reason(Posting("Acme", "Accountant"), old) == ""
    assert duplicate_reason(Posting("Globex", "Designer"), old) == ""


@pytest.mark.django_db
def test_only_the_last_six_months_and_only_ones_own(alice, bob):
    with time_machine.travel(timezone.now() - timedelta(days=200)):
        application_create(owner=alice, company="Acme", role_title="Designer")
    recent = application_create(owner=alice, company="Acme Inc.", role_title="Designer")
    application_create(owner=bob, company="Acme", role_title="Designer")

    found = possible_duplicates(owner=alice, posting=Posting("ACME", "Lead Designer"))

    assert [duplicate.application for duplicate in found] == [recent]


NEW = "/tracker/new/"


def form(**fields) -> dict:
    return {"company": "Acme", "role_title": "Designer", "status": "saved"} | {
        "priority": "2",
        **fields,
    }


@pytest.mark.django_db
def test_adding_the_same_job_again_warns_with_a_link_and_saves_nothing(
    alice_client, alice
):
    first = application_create(owner=alice, company="Acme, Inc.", role_title="Designer")

    response = alice_client.post(
        NEW, form(company="ACME", role_title="Senior Designer")
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "You may have added this job already" in page
    assert f'href="{first.get_absolute_url()}"' in page
    assert "the same company and a similar role" in page
    assert 'name="save_anyway"' in page
    # What was typed stays in the form.
    assert 'value="Senior Designer"' in page
    assert Application.objects.count() == 1


@pytest.mark.django_db
def test_save_anyway_adds_it(alice_client, alice):
    application_create(owner=alice, company="Acme", role_title="Designer")

    response = alice_client.post(NEW, form(save_anyway="1"))

    assert response.status_code == 302
    assert Application.objects.count() == 2


@pytest.mark.django_db
def test_the_same_posting_link_warns_whatever_the_company(alice_client, alice):
    application_create(
        owner=alice,
        company="Recruit Co",
        role_title="Clerk",
        posting_url="https://jobs.example.com/42",
    )

    response = alice_client.post(
        NEW, form(company="Globex", posting_url="https://jobs.example.com/42/")
    )

    assert "the same posting link" in response.content.decode()


@pytest.mark.django_db
def test_the_same_career_guide_at_the_same_company_warns(alice_client, alice):
    career = CareerFactory()
    application_create(owner=alice, company="Acme", role_title="Clerk", career=career)

    response = alice_client.post(
        NEW, form(role_title="Office helper", career=str(career.pk))
    )

    assert "the same company and career guide" in response.content.decode()


@pytest.mark.django_db
def test_a_different_role_at_the_same_company_adds_without_a_warning(
    alice_client, alice
):
    application_create(owner=alice, company="Acme", role_title="Designer")

    response = alice_client.post(NEW, form(role_title="Accountant"))

    assert response.status_code == 302
    assert Application.objects.count() == 2


@pytest.mark.django_db
def test_someone_elses_applications_are_never_named(alice, bob):
    application_create(owner=alice, company="Zanzibar Widgets", role_title="Designer")
    client = Client()
    client.force_login(bob)

    response = client.post(NEW, form(company="Zanzibar Widgets"))

    assert response.status_code == 302
    assert Application.objects.filter(owner=bob).count() == 1
