import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import sign_in
from tests.factories import UserFactory
from tracker.models import Application


def add_application(page):
    page.goto("/tracker/")
    page.get_by_role("link", name="Add your first application").click()
    page.get_by_label("Company").fill("Acme")
    page.get_by_label("Role").fill("Product designer")
    page.get_by_label("Status").select_option("Applied")
    page.get_by_label("Job description").fill("Design the onboarding flow.")
    page.get_by_role("button", name="Add application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Product designer")
    expect(page.get_by_text("Added as Applied")).to_be_visible()


def test_add_an_application_then_move_it_on_the_board(page, live_server):
    sign_in(page, live_server, UserFactory(email="maya@example.com"))
    add_application(page)

    page.get_by_role("navigation", name="Tracker").get_by_role(
        "link", name="Board"
    ).click()
    applied = page.locator("section", has=page.locator("h2#column-applied"))
    expect(applied.get_by_role("link", name="Product designer")).to_be_visible()

    # With JavaScript, htmx swaps in the new board: no page load.
    page.evaluate("window.beforeMove = true")
    page.get_by_label("New status for Product designer at Acme").select_option(
        "Interviewing"
    )
    page.get_by_role("button", name="Move Product designer at Acme").click()
    interviewing = page.locator("section", has=page.locator("h2#column-interviewing"))
    expect(interviewing.get_by_role("link", name="Product designer")).to_be_visible()
    expect(applied.get_by_role("link", name="Product designer")).to_have_count(0)
    assert page.evaluate("window.beforeMove") is True
    # Screen readers hear the move through the live region that stays put.
    expect(page.locator("#board-status")).to_have_text(
        "Moved Product designer at Acme to Interviewing."
    )
    # Keyboard focus stays on the moved card.
    expect(page.get_by_label("New status for Product designer at Acme")).to_be_focused()

    application = Application.objects.get()
    assert application.status == "interviewing"
    assert [c.to_status for c in application.status_changes.all()] == [
        "applied",
        "interviewing",
    ]


@pytest.fixture
def page_without_javascript(browser, live_server, transactional_db):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_the_board_works_without_javascript(page_without_javascript, live_server):
    page = page_without_javascript
    sign_in(page, live_server, UserFactory(email="maya@example.com"))
    add_application(page)
    page.goto("/tracker/board/")
    page.get_by_label("New status for Product designer at Acme").select_option("Offer")
    page.get_by_role("button", name="Move Product designer at Acme").click()
    expect(page).to_have_url(re.compile(r"/tracker/board/#card-\d+$"))
    expect(page.get_by_text("Moved Product designer at Acme to Offer.")).to_be_visible()
    offer = page.locator("section", has=page.locator("h2#column-offer"))
    expect(offer.get_by_role("link", name="Product designer")).to_be_visible()
    assert Application.objects.get().status == "offer"


def test_a_moved_application_is_counted_on_the_stats_page(page, live_server):
    sign_in(page, live_server, UserFactory(email="maya@example.com"))
    add_application(page)
    page.goto("/tracker/board/")
    page.get_by_label("New status for Product designer at Acme").select_option(
        "Screening"
    )
    page.get_by_role("button", name="Move Product designer at Acme").click()
    screening = page.locator("section", has=page.locator("h2#column-screening"))
    expect(screening.get_by_role("link", name="Product designer")).to_be_visible()

    page.get_by_role("navigation", name="Tracker").get_by_role(
        "link", name="Stats"
    ).click()
    funnel = page.locator("#funnel-table")

    def cells(stage):
        return funnel.get_by_role("row", name=stage).get_by_role("cell")

    expect(cells("Applied")).to_have_text(["1", "—"])
    expect(cells("Screening")).to_have_text(["1", "100%"])
    expect(cells("Interviewing")).to_have_text(["0", "0%"])
    expect(page.get_by_role("img", name=re.compile("^Funnel"))).to_be_visible()
    expect(page.get_by_text("1 of 1 heard back")).to_be_visible()
