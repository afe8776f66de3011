from datetime import date

import pytest

from tests.factories import ApplicationFactory, DocumentFactory
from tracker.models import Application, Status, StatusChange
from tracker.services import application_create

pytestmark = pytest.mark.django_db


def make(owner, **fields):
    fields.setdefault("company", "Acme")
    fields.setdefault("role_title", "Designer")
    return application_create(owner=owner, **fields)


def companies(response):
    return [application.company for application, _ in response.context["rows"]]


def test_empty_list_explains_how_to_start(alice_client):
    page = alice_client.get("/tracker/").content.decode()
    assert "Start your tracker" in page
    assert 'href="/tracker/new/"' in page


def test_adding_an_application_records_its_first_status(alice_client, alice):
    response = alice_client.post(
        "/tracker/new/",
        {
            "company": "Acme",
            "role_title": "Product designer",
            "status": "applied",
            "priority": "1",
            "salary_min": "40000",
            "salary_max": "50000",
            "salary_currency": "eur",
            "job_description": "Design things.",
        },
    )
    application = Application.objects.get(owner=alice)
    assert response.status_code == 302
    assert response["Location"] == f"/tracker/{application.pk}/"
    assert application.salary_currency == "EUR"
    assert application.applied_on is not None
    assert list(application.status_changes.values_list("from_status", "to_status")) == [
        ("", "applied")
    ]
    page = alice_client.get(response["Location"]).content.decode()
    assert "Added Product designer at Acme." in page
    assert "Added as Applied" in page
    assert "40,000 to 50,000 EUR" in page


def test_invalid_input_shows_field_errors_and_keeps_what_was_typed(alice_client):
    response = alice_client.post(
        "/tracker/new/",
        {
            "company": "",
            "role_title": "Product designer",
            "status": "hired",
            "priority": "9",
            "salary_min": "60000",
            "salary_max": "lots",
            "posting_url": "not a url",
            "applied_on": "31/02/2026",
            "job_description": "Keep this text",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["company"] == ["Enter the company's name."]
    assert set(errors) >= {
        "status",
        "priority",
        "salary_max",
        "posting_url",
        "applied_on",
    }
    page = response.content.decode()
    assert "Please fix" in page
    assert 'value="Product designer"' in page
    assert "Keep this text" in page
    assert not Application.objects.exists()


def test_salary_range_must_be_in_order(alice_client):
    response = alice_client.post(
        "/tracker/new/",
        {
            "company": "Acme",
            "role_title": "Designer",
            "status": "saved",
            "priority": "2",
            "salary_min": "60000",
            "salary_max": "50000",
        },
    )
    assert response.context["form"].errors["salary_max"] == [
        "Must be at least the lowest salary."
    ]
    assert not Application.objects.exists()


def test_only_ones_own_documents_can_be_ticked_as_sent(alice_client, alice, bob):
    mine = DocumentFactory(owner=alice, label="Mine")
    theirs = DocumentFactory(owner=bob, label="Theirs")
    page = alice_client.get("/tracker/new/").content.decode()
    assert "Mine" in page
    assert "Theirs" not in page
    data = {"company": "Acme", "role_title": "Dev", "status": "saved", "priority": 2}
    response = alice_client.post("/tracker/new/", {**data, "documents_sent": theirs.pk})
    assert "documents_sent" in response.context["form"].errors
    alice_client.post("/tracker/new/", {**data, "documents_sent": mine.pk})
    assert list(Application.objects.get().documents_sent.all()) == [mine]


def test_edit_saves_and_records_a_changed_status(alice_client, alice):
    application = make(alice)
    response = alice_client.post(
        f"/tracker/{application.pk}/edit/",
        {
            "company": "Acme Ltd",
            "role_title": "Designer",
            "status": "screening",
            "priority": "2",
            "follow_up_on": "2026-04-01",
        },
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.company == "Acme Ltd"
    assert application.follow_up_on == date(2026, 4, 1)
    assert [c.to_status for c in application.status_changes.all()] == [
        "saved",
        "screening",
    ]


def test_status_form_on_the_detail_page_records_the_change(alice_client, alice):
    application = make(alice)
    response = alice_client.post(
        f"/tracker/{application.pk}/status/", {"status": "applied"}, follow=True
    )
    assert "Moved to Applied." in response.content.decode()
    assert "Saved → Applied" in response.content.decode()
    assert StatusChange.objects.filter(to_status="applied").count() == 1


def test_a_bad_status_value_is_refused_with_a_message(alice_client, alice):
    application = make(alice)
    response = alice_client.post(
        f"/tracker/{application.pk}/status/", {"status": "hired"}, follow=True
    )
    assert response.status_code == 200
    assert "Choose one of the listed statuses." in response.content.decode()
    application.refresh_from_db()
    assert application.status == "saved"


def test_archive_hides_it_from_the_list_and_restore_brings_it_back(alice_client, alice):
    application = make(alice, company="Globex")
    alice_client.post(f"/tracker/{application.pk}/archive/")
    assert companies(alice_client.get("/tracker/")) == []
    assert companies(alice_client.get("/tracker/?archived=archived")) == ["Globex"]
    alice_client.post(f"/tracker/{application.pk}/restore/")
    assert companies(alice_client.get("/tracker/")) == ["Globex"]


def test_delete_asks_first_then_removes_everything(alice_client, alice):
    application = make(alice)
    page = alice_client.get(f"/tracker/{application.pk}/delete/").content.decode()
    assert "cannot be undone" in page
    assert Application.objects.exists()
    response = alice_client.post(f"/tracker/{application.pk}/delete/")
    assert response["Location"] == "/tracker/"
    assert not Application.objects.exists()
    assert not StatusChange.objects.exists()


def test_search_and_filters(alice_client, alice):
    make(alice, company="Acme", role_title="Designer", work_mode="remote")
    make(alice, company="Globex", role_title="Acme liaison", source="referral")
    make(alice, company="Initech", role_title="Tester", status=Status.APPLIED)
    assert sorted(companies(alice_client.get("/tracker/?q=acme"))) == [
        "Acme",
        "Globex",
    ]
    assert companies(alice_client.get("/tracker/?status=applied")) == ["Initech"]
    assert companies(alice_client.get("/tracker/?work_mode=remote")) == ["Acme"]
    assert companies(alice_client.get("/tracker/?source=referral")) == ["Globex"]
    page = alice_client.get("/tracker/?q=nothing-matches").content.decode()
    assert "No applications match these filters." in page


def test_sortable_columns(alice_client, alice):
    for company in ["Beta", "Alpha", "Gamma"]:
        make(alice, company=company)
    assert companies(alice_client.get("/tracker/?sort=company")) == [
        "Alpha",
        "Beta",
        "Gamma",
    ]
    response = alice_client.get("/tracker/?sort=-company")
    assert companies(response) == ["Gamma", "Beta", "Alpha"]
    page = response.content.decode()
    assert 'aria-sort="descending"' in page
    assert 'href="?sort=company"' in page


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=-1",
        "page=99999",
        "sort=password",
        "sort=owner__email",
        "status=hired",
        "archived=maybe",
        "work_mode=%00",
        "q=" + "x" * 500,
    ],
)
def test_bad_list_parameters_never_fail(alice_client, alice, query):
    make(alice, company="Acme")
    response = alice_client.get(f"/tracker/?{query}")
    assert response.status_code == 200


def test_unknown_filter_values_are_ignored_not_applied(alice_client, alice):
    make(alice, company="Acme")
    assert companies(alice_client.get("/tracker/?status=hired&sort=owner")) == ["Acme"]


def test_pagination(alice_client, alice):
    ApplicationFactory.create_batch(30, owner=alice)
    first = alice_client.get("/tracker/")
    second = alice_client.get("/tracker/?page=2")
    assert len(first.context["rows"]) == 25
    assert len(second.context["rows"]) == 5
    assert "Page 1 of 2" in first.content.decode()


def test_detail_shows_details_timeline_and_parts(alice_client, alice):
    application = make(
        alice, company="Acme", job_description="Must know Figma.", location="Berlin"
    )
    alice_client.post(f"/tracker/{application.pk}/status/", {"status": "applied"})
    alice_client.post(
        f"/tracker/{application.pk}/contacts/new/",
        {"name": "Dana Recruiter", "email": "dana@acme.example"},
    )
    alice_client.post(
        f"/tracker/{application.pk}/interviews/new/",
        {
            "kind": "phone_screen",
            "starts_at": "2026-05-04T14:30",
            "duration_minutes": "30",
            "outcome": "pending",
        },
    )
    alice_client.post(f"/tracker/{application.pk}/notes/new/", {"body": "Call went ok"})
    page = alice_client.get(f"/tracker/{application.pk}/").content.decode()
    for text in [
        "Must know Figma.",
        "Berlin",
        "Saved → Applied",
        "Dana Recruiter",
        "Phone screen",
        "Call went ok",
        "mailto:dana@acme.example?subject=",
    ]:
        assert text in page, text


def test_invalid_part_forms_keep_what_was_typed(alice_client, alice):
    application = make(alice)
    response = alice_client.post(
        f"/tracker/{application.pk}/interviews/new/",
        {
            "kind": "interview",
            "starts_at": "next tuesday",
            "duration_minutes": "0",
            "location": "Room 4",
            "outcome": "pending",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"starts_at", "duration_minutes"}
    assert 'value="Room 4"' in response.content.decode()
    response = alice_client.post(
        f"/tracker/{application.pk}/contacts/new/",
        {"name": "Dana", "email": "not-an-email"},
    )
    assert "email" in response.context["form"].errors
    assert 'value="Dana"' in response.content.decode()
    response = alice_client.post(f"/tracker/{application.pk}/notes/new/", {"body": ""})
    assert response.context["form"].errors["body"] == [
        "Write something to save a note."
    ]


def test_parts_can_be_edited_and_deleted(alice_client, alice):
    application = make(alice)
    alice_client.post(f"/tracker/{application.pk}/notes/new/", {"body": "First"})
    note = application.note_entries.get()
    alice_client.post(f"/tracker/notes/{note.pk}/edit/", {"body": "Second"})
    note.refresh_from_db()
    assert note.body == "Second"
    alice_client.post(f"/tracker/notes/{note.pk}/delete/")
    assert not application.note_entries.exists()


def test_settings_page_saves_quiet_days_and_refuses_bad_values(alice_client, alice):
    response = alice_client.post("/tracker/settings/", {"quiet_after_days": "0"})
    assert response.context["form"].errors["quiet_after_days"] == [
        "Choose at least 1 day."
    ]
    response = alice_client.post("/tracker/settings/", {"quiet_after_days": "abc"})
    assert response.status_code == 200
    assert 'value="abc"' in response.content.decode()
    alice_client.post(
        "/tracker/settings/", {"quiet_after_days": "21", "email_reminders": "on"}
    )
    assert alice.tracker_profile.quiet_after_days == 21
    assert alice.tracker_profile.email_reminders is True


def test_profile_page_links_to_tracker_settings(alice_client):
    page = alice_client.get("/accounts/profile/").content.decode()
    assert 'href="/tracker/settings/"' in page
