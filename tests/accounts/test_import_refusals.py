"""Bad data files are refused with a clear message and nothing written."""

import json
import os
import zipfile

import pytest
from django.conf import settings
from django.db import DatabaseError

from accounts.models import DataImport
from tests.accounts.data_file_helpers import (
    IMPORT_URL,
    JSON_URL,
    ZIP_URL,
    confirm,
    make_zip,
    pending_id,
    rich_account,
    stored_files,
    table_counts,
    upload,
    zip_files,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def carol(db):
    return UserFactory(email="carol@example.com", name="")


@pytest.fixture
def alices_files(client, alice):
    """Alice's export: (the JSON data, the zip's document files)."""
    rich_account(alice)
    client.force_login(alice)
    files = zip_files(b"".join(client.get(ZIP_URL).streaming_content))
    data = json.loads(files.pop("foothold-data.json"))
    client.logout()
    return data, files


def documents_on_disk():
    return stored_files(settings.MEDIA_ROOT / "tracker")


def refused_at_upload(client, content, name="data.json") -> str:
    """Upload a file that must be refused outright; return the page."""
    counts, on_disk = table_counts(), documents_on_disk()
    response = upload(client, content, name)
    assert response.status_code == 400
    assert table_counts() == counts
    assert documents_on_disk() == on_disk
    assert "account_import" not in client.session
    return response.content.decode()


def refused_at_confirm(client, content, name="data.zip") -> str:
    """Upload a readable file with a bad item; the preview names it and the
    confirm adds nothing. Return the preview page."""
    counts, on_disk = table_counts(), documents_on_disk()
    assert upload(client, content, name).status_code == 302
    page = client.get(IMPORT_URL).content.decode()
    assert "Nothing is imported until every item is right" in page
    assert 'name="action" value="confirm"' not in page
    response = confirm(client, pending_id(client))
    assert response.status_code == 400
    assert "Nothing was imported" in response.content.decode()
    assert table_counts() == counts
    assert documents_on_disk() == on_disk
    return page


def test_a_file_that_is_not_json_is_refused(client, carol):
    client.force_login(carol)
    page = refused_at_upload(client, b"company,role\nAcme,Analyst\n", "data.csv")
    assert "it is not JSON" in page


def test_json_that_is_not_an_export_is_refused(client, carol):
    client.force_login(carol)
    page = refused_at_upload(client, b'{"hello": "world"}')
    assert "not a Foothold data file" in page


def test_another_version_is_refused_clearly(client, carol, alices_files):
    data, _ = alices_files
    client.force_login(carol)
    page = refused_at_upload(client, json.dumps({**data, "version": 1}).encode())
    assert "version 1 of Foothold&#x27;s export" in page
    assert "reads version 2 only" in page


def test_one_bad_field_deep_inside_names_the_item(client, carol, alices_files):
    data, files = alices_files
    data["tracker"]["applications"][0]["interviews"][0]["starts_at"] = "soon"
    data["tracker"]["applications"][1]["applied_on"] = "2026-02-30"
    client.force_login(carol)
    page = refused_at_confirm(
        client, make_zip({"foothold-data.json": json.dumps(data), **files})
    )
    assert (
        "tracker.applications[0].interviews[0].starts_at: not a date and time" in page
    )
    assert "tracker.applications[1].applied_on: not a date" in page


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("company", ["Acme"], "tracker.applications[0].company: not a text"),
        ("priority", 9, "tracker.applications[0].priority: Value 9 is not"),
        ("salary_min", "lots", "tracker.applications[0].salary_min: not a number"),
        ("status", "hired", "tracker.applications[0].status: Value"),
        ("archived", "yes", "tracker.applications[0].archived: not true or false"),
        ("notes", "a\x00b", "tracker.applications[0].notes: contains a NUL"),
    ],
)
def test_each_kind_of_bad_value_is_a_named_error(
    client, carol, alices_files, key, value, message
):
    data, _ = alices_files
    data["tracker"]["applications"][0][key] = value
    client.force_login(carol)
    page = refused_at_confirm(client, json.dumps(data).encode(), "data.json")
    assert message in page


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("base_pay", -5, "offers[0].base_pay: Ensure this value is greater than"),
        ("pay_period", "fortnight", "offers[0].pay_period: Value"),
        ("state", "99", "offers[0].state: Value"),
        ("answer_by", "soon", "offers[0].answer_by: not a date"),
    ],
)
def test_a_bad_offer_is_a_named_error(client, carol, alices_files, key, value, message):
    data, _ = alices_files
    data["tracker"]["applications"][0]["offers"][0][key] = value
    client.force_login(carol)
    page = refused_at_confirm(client, json.dumps(data).encode(), "data.json")
    assert f"tracker.applications[0].{message}" in page


def test_a_weekly_goal_out_of_range_is_a_named_error(client, carol, alices_files):
    data, _ = alices_files
    data["tracker"]["settings"]["weekly_goal"] = 500
    client.force_login(carol)
    page = refused_at_confirm(client, json.dumps(data).encode(), "data.json")
    assert "tracker.settings.weekly_goal: Choose between 1 and 100." in page


def test_a_document_failing_the_magic_byte_check_is_refused(
    client, carol, alices_files
):
    data, files = alices_files
    [pdf_name] = [name for name in files if name.endswith(".pdf")]
    files[pdf_name] = b"not a PDF at all"
    client.force_login(carol)
    page = refused_at_confirm(
        client, make_zip({"foothold-data.json": json.dumps(data), **files})
    )
    assert "This file is named .pdf but is not a PDF." in page


def test_a_json_file_over_its_limit_is_refused(client, carol):
    client.force_login(carol)
    content = (
        b'{"format": "foothold-account-export", "pad": "'
        + b"x" * (5 * 1024 * 1024)
        + b'"}'
    )
    page = refused_at_upload(client, content)
    assert "The JSON file is over the 5 MB limit" in page


def test_the_import_takes_a_request_over_the_site_cap(client, carol, alices_files):
    """A 7 MB zip passes the site's 6 MB cap on this view; the 7 MB document
    in it is then refused by the document limit."""
    data, files = alices_files
    [txt_name] = [name for name in files if name.endswith(".txt")]
    files[txt_name] = os.urandom(7 * 1024 * 1024)
    content = make_zip({"foothold-data.json": json.dumps(data), **files})
    assert len(content) > settings.MAX_REQUEST_BYTES
    client.force_login(carol)
    page = refused_at_confirm(client, content)
    assert "over the 5 MB limit for a document" in page


def test_a_request_over_the_import_limit_gets_the_413_page(client, carol):
    client.force_login(carol)
    response = client.post(IMPORT_URL, {}, CONTENT_LENGTH=str(22 * 1024 * 1024))
    assert response.status_code == 413
    assert "up to 21 MB" in response.content.decode()
    elsewhere = client.post(
        "/accounts/profile/", {}, CONTENT_LENGTH=str(7 * 1024 * 1024)
    )
    assert elsewhere.status_code == 413
    assert "up to 6 MB" in elsewhere.content.decode()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(client, carol, tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("foothold-data.json", "{}")
        with archive.open("documents/1.txt", "w") as entry:
            for _ in range(101):
                entry.write(bytes(1024 * 1024))
    content = path.read_bytes()
    assert len(content) < 1024 * 1024
    client.force_login(carol)
    page = refused_at_upload(client, content, "bomb.zip")
    assert "unpacks to more than 100 MB" in page


def test_a_zip_with_too_many_entries_is_refused(client, carol):
    entries = {f"documents/{n}.txt": b"x" for n in range(501)}
    client.force_login(carol)
    page = refused_at_upload(
        client, make_zip({"foothold-data.json": b"{}", **entries}), "many.zip"
    )
    assert "more than 500 files" in page


@pytest.mark.parametrize(
    "name", ["../evil.txt", "documents/../../evil.txt", "/etc/passwd", "a\\b.txt"]
)
def test_a_path_traversal_name_is_refused(client, carol, name):
    client.force_login(carol)
    page = refused_at_upload(
        client, make_zip({"foothold-data.json": b"{}", name: b"x"}), "evil.zip"
    )
    assert "which is not a name Foothold writes" in page
    assert not (settings.MEDIA_ROOT.parent / "evil.txt").exists()


def test_a_damaged_zip_is_refused(client, carol):
    client.force_login(carol)
    page = refused_at_upload(client, b"PK\x03\x04 broken", "broken.zip")
    assert "This zip file is damaged" in page


def test_a_failure_while_writing_adds_nothing_and_removes_stored_files(
    client, carol, alices_files, monkeypatch
):
    data, files = alices_files
    client.force_login(carol)
    upload(client, make_zip({"foothold-data.json": json.dumps(data), **files}))
    counts, on_disk = table_counts(), documents_on_disk()

    def fail(**kwargs):
        raise DatabaseError("disk full")

    # Assessments write after the tracker has stored its documents.
    monkeypatch.setattr("assessments.account_import.assessments_import_write", fail)
    response = confirm(client, pending_id(client))
    assert response.status_code == 400
    assert "Nothing was imported" in response.content.decode()
    assert table_counts() == counts
    assert documents_on_disk() == on_disk
    assert not DataImport.objects.exists()


def test_the_json_alone_imports_without_the_documents(client, carol, alice):
    rich_account(alice)
    client.force_login(alice)
    content = client.get(JSON_URL).content
    client.force_login(carol)
    upload(client, content, "foothold-data.json")
    page = client.get(IMPORT_URL).content.decode()
    assert "“Resume v3” has no file in this upload: left out" in page
    confirm(client, pending_id(client))
    assert carol.applications.count() == 2
    assert not carol.documents.exists()
    assert not carol.applications.get(company="Acme").documents_sent.exists()


def test_unknown_guides_and_assessments_are_left_out_with_a_warning(
    client, carol, alices_files
):
    data, files = alices_files
    data["tracker"]["applications"][0]["career_slug"] = "retired-guide"
    data["assessments"]["results"][0]["assessment_slug"] = "retired-quiz"
    data["careers"]["guides_viewed"][0]["guide"] = "retired-guide"
    client.force_login(carol)
    upload(client, make_zip({"foothold-data.json": json.dumps(data), **files}))
    page = client.get(IMPORT_URL).content.decode()
    assert "no guide “retired-guide” now: left unlinked" in page
    assert "no assessment “retired-quiz” now: left out" in page
    assert "careers.guides_viewed[0].guide: no guide “retired-guide” now" in page
    confirm(client, pending_id(client))
    assert carol.applications.get(company="Acme").career is None
    assert not carol.assessment_results.exists()


def test_the_rows_check_constraints_are_named_errors(client, carol, alices_files):
    data, _ = alices_files
    application = data["tracker"]["applications"][0]
    application["interviews"][0]["duration_minutes"] = 2000
    application["status_history"][1]["to"] = application["status_history"][1]["from"]
    data["tracker"]["settings"]["quiet_after_days"] = 400
    client.force_login(carol)
    page = refused_at_confirm(client, json.dumps(data).encode(), "data.json")
    assert (
        "tracker.applications[0].interviews[0].duration_minutes: A duration is "
        "between 1 and 1440 minutes." in page
    )
    assert "tracker.applications[0].status_history[1].to: the same status" in page
    assert "tracker.settings.quiet_after_days: Choose between 1 and 365" in page
