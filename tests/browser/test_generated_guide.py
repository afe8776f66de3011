"""A generated guide in a real browser: the visitor picks their state, sees it
marked, and finds it remembered next time; the state table sorts."""

from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.factories import generated_career_for, occupation_from_pack


def test_a_reader_picks_their_state_and_it_is_remembered(page):
    career = generated_career_for(occupation_from_pack("43-4051.00"))

    page.goto(career.get_absolute_url())
    page.get_by_label("Your state").select_option(label="Ohio")

    row = page.locator("tr[data-state='39']")
    bar = page.locator("g[data-state='39']")
    expect(row).to_have_class("is-chosen")
    expect(bar).to_have_class("state-chart__row is-chosen")
    expect(page.locator("[data-state-summary]")).to_have_text("Ohio: median $45,610")
    assert page.locator(".is-chosen").count() == 2
    # Kept in the browser, not in a cookie or the address.
    assert page.context.cookies() == []
    address = urlsplit(page.url)
    assert address.path == career.get_absolute_url()
    assert address.query == address.fragment == ""

    page.reload()

    expect(page.get_by_label("Your state")).to_have_value("39")
    expect(page.locator("tr[data-state='39']")).to_have_class("is-chosen")
    expect(page.locator("g[data-state='39']")).to_have_class(
        "state-chart__row is-chosen"
    )


def test_the_state_table_sorts_by_median_pay(page):
    career = generated_career_for(occupation_from_pack("43-4051.00"))
    page.goto(career.get_absolute_url())
    table = page.locator("table.state-table")

    table.get_by_role("button", name="Median").click()

    expect(table.locator("th[aria-sort]")).to_have_attribute("aria-sort", "ascending")
    expect(table.locator("tbody tr").first.locator("th")).to_have_text("Puerto Rico")
    table.get_by_role("button", name="Median").click()
    expect(table.locator("tbody tr").first.locator("th")).to_have_text("Washington")
