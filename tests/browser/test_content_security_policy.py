"""Under the Content-Security-Policy, key pages run without a single violation:
the guide, the careers index, the tracker board (with an htmx move) and the admin."""

import pytest
from playwright.sync_api import expect

from careers.loader import load_careers
from careers.models import Career
from tests.browser.helpers import sign_in
from tests.factories import UserFactory
from tracker.services import application_create

REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.reportViolation(
    `${event.violatedDirective} blocked ${event.blockedURI} on ${location.pathname}`
  );
});
"""


@pytest.fixture
def violations(page):
    """Every CSP violation the browser reports, as an event or on the console."""
    found = []
    page.expose_function("reportViolation", lambda text: found.append(text))
    page.add_init_script(REPORT_VIOLATIONS)
    page.on(
        "console",
        lambda message: (
            found.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return found


def test_public_pages_run_without_violations(page, violations):
    load_careers()
    for url in [
        "/",
        "/careers/",
        "/careers/customer-service-clerk/",
        "/accounts/signin/",
    ]:
        response = page.goto(url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
    # The guide's script ran: it marks the contents entry being read.
    page.goto("/careers/customer-service-clerk/")
    page.get_by_role("navigation", name="On this page").get_by_role("link").nth(
        2
    ).click()
    expect(page.locator("[data-toc] [aria-current]")).to_have_count(1)
    assert violations == []


def test_an_htmx_move_on_the_board_runs_without_violations(
    page, live_server, violations
):
    maya = UserFactory(email="maya@example.com")
    application_create(
        owner=maya, company="Acme", role_title="Designer", status="applied"
    )
    sign_in(page, live_server, maya)

    page.goto("/tracker/board/")
    page.evaluate("window.beforeMove = true")
    page.get_by_label("New status for Designer at Acme").select_option("Interviewing")
    page.get_by_role("button", name="Move Designer at Acme").click()
    expect(page.locator("#board-status")).to_have_text(
        "Moved Designer at Acme to Interviewing."
    )
    # htmx did the move (no page load) and injected no <style> of its own.
    assert page.evaluate("window.beforeMove") is True
    assert page.evaluate("document.querySelectorAll('style').length") == 0
    assert violations == []


def test_the_admin_runs_without_violations(page, live_server, violations):
    load_careers()
    staff = UserFactory(email="editor@example.com", is_staff=True, is_superuser=True)
    sign_in(page, live_server, staff)
    career = Career.objects.get(slug="customer-service-clerk")

    page.goto("/admin/")
    page.goto("/admin/careers/career/")
    page.goto(f"/admin/careers/career/{career.pk}/change/")
    expect(page.locator("#id_title")).to_have_value("Customer Service Clerk")
    # The inlines' "Add another" links are made by the admin's JavaScript.
    add_rows = page.locator(".add-row a")
    expect(add_rows.first).to_be_visible()
    rows_before = page.locator(".dynamic-faqs").count()
    page.locator("#faqs-group .add-row a").click()
    expect(page.locator(".dynamic-faqs")).to_have_count(rows_before + 1)
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert violations == []
