import re

import pytest
from playwright.sync_api import expect

from tests.accounts.data_file_helpers import rich_account
from tests.browser.helpers import sign_in
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _files_in_a_temporary_directory(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_download_the_zip_then_bring_it_back_into_a_new_account(
    page, live_server, tmp_path
):
    alice = UserFactory(email="alice@example.com", name="Alice Moreno")
    rich_account(alice)
    sign_in(page, live_server, alice)
    page.goto("/accounts/profile/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download with my documents (zip)").click()
    saved = tmp_path / "mine.zip"
    download.value.save_as(saved)

    page.context.clear_cookies()
    carol = UserFactory(email="carol@example.com", name="")
    sign_in(page, live_server, carol)
    page.goto("/accounts/profile/")
    page.get_by_role("link", name="Bring my data back").click()
    expect(page).to_have_title(re.compile("Bring your data back"))
    page.get_by_label("Your data file", exact=True).set_input_files(saved)
    page.get_by_role("button", name="Upload and check").click()

    preview = page.locator("#import-additions")
    expect(
        preview.get_by_role("row", name=re.compile("Applications 2"))
    ).to_be_visible()
    expect(preview).to_contain_text("Analyst at Acme")
    expect(preview).to_contain_text("Resume v3")
    page.get_by_role("button", name=re.compile(r"Import \d+ items")).click()

    expect(
        page.get_by_text(re.compile(r"Imported \d+ items into your account"))
    ).to_be_visible()
    assert carol.applications.count() == 2
    assert carol.documents.count() == 3
    page.goto("/tracker/")
    expect(page.get_by_role("cell", name="Beta")).to_be_visible()
