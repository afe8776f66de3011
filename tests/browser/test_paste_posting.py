"""Paste a posting, check the filled form, add it; paste it again and be warned
(issue 16). Without JavaScript, as the flow needs none."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import sign_in
from tests.factories import UserFactory
from tracker.models import Application

POSTING = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": "Warehouse Associate",
    "hiringOrganization": {"@type": "Organization", "name": "Northwind Traders, Inc."},
    "jobLocation": {"address": {"addressLocality": "Reno", "addressRegion": "NV"}},
    "baseSalary": {
        "currency": "USD",
        "value": {"minValue": 18, "maxValue": 22, "unitText": "HOUR"},
    },
    "url": "https://jobs.example.com/northwind/123",
    "description": "&lt;p&gt;Pick and pack orders.&lt;/p&gt;",
}
PAGE_SOURCE = (
    "<!doctype html><html><head><title>Warehouse Associate | Jobs</title>"
    f'<script type="application/ld+json">{json.dumps(POSTING)}</script></head>'
    "<body><h1>Warehouse Associate</h1></body></html>"
)


@pytest.fixture
def page_without_javascript(browser, live_server, transactional_db):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def paste_and_read(page):
    page.goto("/tracker/new/")
    page.get_by_label("Paste a job posting").fill(PAGE_SOURCE)
    page.get_by_role("button", name="Read it").click()
    expect(page.get_by_text("Read from the posting's job details")).to_be_visible()


def test_paste_review_save_then_paste_again_and_see_the_warning(
    page_without_javascript, live_server
):
    page = page_without_javascript
    sign_in(page, live_server, UserFactory(email="maya@example.com"))

    paste_and_read(page)
    expect(page.get_by_label("Company")).to_have_value("Northwind Traders, Inc.")
    expect(page.get_by_label("Role", exact=True)).to_have_value("Warehouse Associate")
    expect(page.get_by_label("Pay per")).to_have_value("hour")
    assert Application.objects.count() == 0
    page.get_by_role("button", name="Add application").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Warehouse Associate")
    expect(page.get_by_text("18 to 22 USD an hour")).to_be_visible()
    expect(page.get_by_text("About 37,440 to 45,760 USD a year")).to_be_visible()
    first = Application.objects.get()

    paste_and_read(page)
    page.get_by_role("button", name="Add application").click()

    warning = page.get_by_role("alert")
    expect(warning).to_contain_text("You may have added this job already")
    expect(warning).to_contain_text("the same posting link")
    expect(warning.get_by_role("link", name=str(first))).to_have_attribute(
        "href", first.get_absolute_url()
    )
    assert Application.objects.count() == 1

    page.get_by_role("button", name="Save anyway").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Warehouse Associate")
    assert Application.objects.count() == 2
