"""A repeated post never adds twice: the add form and the CSV import carry an id
made when they are drawn, behind a unique constraint per owner."""

import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from tests.factories import UserFactory
from tracker.models import Application, CsvImport, StatusChange
from tracker.services import application_create, application_create_once
from tracker.views.transfer import SESSION_KEY

pytestmark = pytest.mark.django_db

IMPORT_URL = "/tracker/import/"


def drawn_token(client) -> str:
    page = client.get("/tracker/new/").content.decode()
    return re.search(r'name="client_token" value="([0-9a-f-]{36})"', page).group(1)


def test_the_add_form_carries_a_fresh_token_each_time(alice_client):
    first, second = drawn_token(alice_client), drawn_token(alice_client)

    assert uuid.UUID(first) != uuid.UUID(second)


def test_posting_the_same_add_form_twice_adds_it_once(alice_client, alice):
    data = {
        "company": "Acme",
        "role_title": "Designer",
        "status": "applied",
        "priority": "2",
        "client_token": drawn_token(alice_client),
    }

    first = alice_client.post("/tracker/new/", data)
    again = alice_client.post("/tracker/new/", data, follow=True)

    application = Application.objects.get()
    assert first.status_code == 302
    assert first["Location"] == application.get_absolute_url()
    assert again.redirect_chain == [(application.get_absolute_url(), 302)]
    assert StatusChange.objects.filter(application=application).count() == 1
    assert str(application.client_token) == data["client_token"]


def test_a_form_without_a_token_still_adds(alice_client):
    data = {"company": "Acme", "role_title": "Designer", "status": "saved"}
    data["priority"] = "2"

    alice_client.post("/tracker/new/", data)
    # The second is the same job, so it is saved past the duplicate warning.
    alice_client.post("/tracker/new/", {**data, "save_anyway": "1"})

    assert Application.objects.count() == 2


def test_the_same_token_from_two_people_adds_one_each(alice, bob):
    token = uuid.uuid4()

    mine, created_mine = application_create_once(
        owner=alice, client_token=token, company="Acme", role_title="Designer"
    )
    theirs, created_theirs = application_create_once(
        owner=bob, client_token=token, company="Acme", role_title="Designer"
    )

    assert created_mine
    assert created_theirs
    assert mine.pk != theirs.pk


def test_the_database_refuses_a_second_row_with_the_same_token(alice):
    token = uuid.uuid4()
    application_create(owner=alice, client_token=token, company="A", role_title="B")

    with pytest.raises(IntegrityError):
        application_create(owner=alice, client_token=token, company="A", role_title="B")


def test_losing_the_race_returns_the_winners_application(alice, monkeypatch):
    """Two copies of one post pass the first check together; the second insert
    hits the constraint and answers with the first's application."""
    from tracker.services import applications as services

    token = uuid.uuid4()
    winner = application_create(
        owner=alice, client_token=token, company="A", role_title="B"
    )
    real_sent_before = services._sent_before
    calls = []

    def missed_the_first_time(**kwargs):
        calls.append(1)
        return None if len(calls) == 1 else real_sent_before(**kwargs)

    monkeypatch.setattr(services, "_sent_before", missed_the_first_time)

    application, created = application_create_once(
        owner=alice, client_token=token, company="A", role_title="B"
    )

    assert (application.pk, created) == (winner.pk, False)
    assert Application.objects.count() == 1


def upload_and_confirm_data(client, text: str) -> dict:
    client.post(
        IMPORT_URL,
        {
            "action": "upload",
            "file": SimpleUploadedFile("jobs.csv", text.encode(), "text/csv"),
        },
    )
    return {"action": "confirm", "upload": client.session[SESSION_KEY]["id"]}


def test_confirming_an_import_twice_imports_it_once(alice_client, alice):
    confirm = upload_and_confirm_data(
        alice_client, "company,role\nAcme,Designer\nGlobex,Analyst\n"
    )

    first = alice_client.post(IMPORT_URL, confirm)
    again = alice_client.post(IMPORT_URL, confirm, follow=True)

    assert first.status_code == 302
    assert Application.objects.count() == 2
    assert CsvImport.objects.get().row_count == 2
    assert "already imported" in again.content.decode()


def test_a_second_confirm_racing_the_first_adds_nothing(alice):
    """The import's record is written first in its transaction, so a copy that
    got past the view's check still fails as a whole."""
    from tracker.imports import AlreadyImported, import_applications, parse_import

    parsed = parse_import("company,role\nAcme,Designer\n")
    submission = uuid.uuid4()
    import_applications(owner=alice, parsed=parsed, submission_id=submission)

    with pytest.raises(AlreadyImported):
        import_applications(owner=alice, parsed=parsed, submission_id=submission)

    assert Application.objects.count() == 1


def test_another_persons_import_id_is_not_theirs(alice_client, alice):
    CsvImport.objects.create(
        owner=UserFactory(), submission_id=uuid.uuid4(), row_count=1
    )
    confirm = upload_and_confirm_data(alice_client, "company,role\nAcme,Designer\n")
    CsvImport.objects.update(submission_id=confirm["upload"])

    alice_client.post(IMPORT_URL, confirm)

    assert Application.objects.filter(owner=alice).count() == 1
