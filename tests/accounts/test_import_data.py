import json

import pytest

from accounts.models import DataImport
from tests.accounts.data_file_helpers import (
    IMPORT_URL,
    ZIP_URL,
    comparable,
    confirm,
    differences,
    empty_values,
    pending_id,
    rich_account,
    upload,
    zip_files,
)
from tests.factories import PASSWORD, UserFactory
from tracker.models import Application, ShareLink, TrackerProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def carol(db):
    """A new account, with nothing in it yet, to import into."""
    return UserFactory(email="carol@example.com", name="")


def download_zip(client) -> bytes:
    response = client.get(ZIP_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="foothold-data-'
    )
    return b"".join(response.streaming_content)


def test_export_import_export_gives_the_same_content(client, alice, carol):
    rich_account(alice)
    client.force_login(alice)
    first = download_zip(client)
    first_files = zip_files(first)
    before = json.loads(first_files.pop("foothold-data.json"))
    # Every field of the rich account is set, so a dropped one would differ.
    for record in (
        before["tracker"]["applications"][0],
        *(d for d in before["tracker"]["documents"] if d["label"] == "Resume v3"),
        before["tracker"]["settings"],
        before["assessments"]["results"][0],
        before["assessments"]["skill_ratings"][0],
        before["careers"]["guides_viewed"][0],
    ):
        assert empty_values(record) == []
    assert len(first_files) == 3

    client.force_login(carol)
    assert upload(client, first).status_code == 302
    response = confirm(client, pending_id(client))
    assert response.status_code == 302

    second = download_zip(client)
    second_files = zip_files(second)
    after = json.loads(second_files.pop("foothold-data.json"))
    assert differences(comparable(after), comparable(before)) == []
    assert comparable(after) == comparable(before)
    assert second_files == first_files  # each document's bytes
    assert after["account"]["email"] == "carol@example.com"


def test_ids_tokens_and_addresses_are_made_new(client, alice, carol):
    rich_account(alice)
    client.force_login(alice)
    content = download_zip(client)
    client.force_login(carol)
    upload(client, content)
    confirm(client, pending_id(client))

    alices = {r.public_id for r in alice.assessment_results.all()}
    carols = list(carol.assessment_results.all())
    assert carols
    assert not alices & {r.public_id for r in carols}
    assert {r.submission_id for r in carols}.isdisjoint(
        r.submission_id for r in alice.assessment_results.all()
    )
    assert {link.token for link in ShareLink.objects.filter(owner=carol)}.isdisjoint(
        link.token for link in ShareLink.objects.filter(owner=alice)
    )
    assert TrackerProfile.objects.get(user=carol).calendar_token == ""
    assert not Application.objects.filter(owner=carol, client_token__isnull=False)
    for document in carol.documents.all():
        assert f"/{carol.pk}/" in document.file.name
    assert set(carol.applications.values_list("pk", flat=True)).isdisjoint(
        alice.applications.values_list("pk", flat=True)
    )


def test_the_preview_lists_what_will_be_added(client, alice, carol):
    rich_account(alice)
    client.force_login(alice)
    content = download_zip(client)
    client.force_login(carol)
    upload(client, content)
    page = client.get(IMPORT_URL).content.decode()
    assert "Check before importing: foothold-data.zip" in page
    assert '<th scope="row">Applications</th><td>2</td>' in page
    assert "Analyst at Acme" in page
    assert '<th scope="row">Documents</th><td>3</td>' in page
    assert "Resume v3" in page
    assert '<th scope="row">Offers</th><td>1</td>' in page
    assert "Import 20 items" in page  # the button counts every item
    assert "Carol" not in page
    assert not carol.applications.exists()  # a preview writes nothing


def test_import_adds_beside_what_is_there_and_keeps_own_settings(client, alice, carol):
    rich_account(alice)
    client.force_login(alice)
    content = download_zip(client)
    TrackerProfile.objects.create(user=carol, quiet_after_days=30)
    client.force_login(carol)
    upload(client, content)
    confirm(client, pending_id(client))
    upload(client, content)  # the same file again, as a new upload
    page = client.get(IMPORT_URL).content.decode()
    assert "your own tracker settings are kept" in page
    confirm(client, pending_id(client))
    assert carol.applications.count() == 4
    assert TrackerProfile.objects.get(user=carol).quiet_after_days == 30


def test_a_retried_confirm_imports_once(client, alice, carol):
    rich_account(alice)
    client.force_login(alice)
    content = download_zip(client)
    client.force_login(carol)
    upload(client, content)
    upload_id = pending_id(client)
    confirm(client, upload_id)
    response = confirm(client, upload_id)
    assert response.status_code == 302
    assert carol.applications.count() == 2
    assert DataImport.objects.filter(owner=carol).count() == 1


def test_another_person_cannot_confirm_a_pending_import(client, alice, bob):
    rich_account(alice)
    client.force_login(alice)
    content = download_zip(client)
    upload(client, content)
    upload_id = pending_id(client)
    client.force_login(bob)
    response = confirm(client, upload_id)
    assert response.status_code == 302
    assert not bob.applications.exists()
    assert not DataImport.objects.exists()


def test_the_profile_links_both_downloads_and_the_import(client, alice):
    client.force_login(alice)
    page = client.get("/accounts/profile/").content.decode()
    assert 'href="/accounts/profile/export.json"' in page
    assert 'href="/accounts/profile/export.zip"' in page
    assert 'href="/accounts/profile/import/"' in page


def test_the_export_lists_earlier_imports(client, alice, carol):
    rich_account(alice)
    client.force_login(alice)
    content = download_zip(client)
    client.force_login(carol)
    upload(client, content, "mine.zip")
    confirm(client, pending_id(client))
    data = json.loads(client.get("/accounts/profile/export.json").content)
    [done] = data["account"]["imports"]
    assert done["file_name"] == "mine.zip"


def test_deleting_the_account_removes_its_pending_upload_and_imports(
    client, alice, carol, settings
):
    rich_account(alice)
    client.force_login(alice)
    content = download_zip(client)
    client.force_login(carol)
    upload(client, content)
    confirm(client, pending_id(client))
    upload(client, content)  # left waiting for its confirm
    kept = settings.MEDIA_ROOT / "accounts" / "imports"
    [waiting] = [path.name for path in kept.iterdir()]
    assert waiting.startswith(f"{carol.pk}-")
    client.post("/accounts/profile/delete/", {"password": PASSWORD})
    assert not list(kept.iterdir())
    assert not DataImport.objects.exists()
    assert not Application.objects.filter(owner_id=carol.pk).exists()


def test_a_new_upload_replaces_the_waiting_one(client, alice, settings):
    client.force_login(alice)
    content = client.get("/accounts/profile/export.json").content
    upload(client, content, "first.json")
    upload(client, content, "second.json")
    kept = list((settings.MEDIA_ROOT / "accounts" / "imports").iterdir())
    assert len(kept) == 1
    assert "second.json" in client.get(IMPORT_URL).content.decode()
    client.post(IMPORT_URL, {"action": "cancel"})
    assert not list((settings.MEDIA_ROOT / "accounts" / "imports").iterdir())
