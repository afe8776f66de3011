"""A job seeker adds an application, moves it along on the board and sees it
counted on the stats page."""

import re

from playwright.sync_api import expect

from tests.factories import PASSWORD, UserFactory


def sign_in(page, email):
    page.goto("/accounts/signin/?next=/tracker/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_title(re.compile("Your applications"))


def test_add_move_on_the_board_and_see_it_in_stats(page):
    UserFactory(email="maya@example.com", name="Maya Lin")
    sign_in(page, "maya@example.com")

    page.get_by_role("link", name="Add your first application").click()
    page.get_by_label("Company").fill("Acme")
    page.get_by_label("Role", exact=True).fill("Designer")
    page.get_by_label("Status").select_option(label="Applied")
    page.get_by_role("button", name=re.compile("Save|Add")).click()
    expect(page.get_by_text("Added Designer at Acme.")).to_be_visible()

    page.get_by_role("navigation", name="Tracker").get_by_role(
        "link", name="Board"
    ).click()
    page.get_by_label("New status for Designer at Acme").select_option(
        label="Screening"
    )
    page.get_by_role("button", name="Move Designer at Acme").click()
    screening = page.get_by_role("region", name=re.compile("^Screening"))
    expect(screening.get_by_role("link", name="Designer")).to_be_visible()

    page.get_by_role("navigation", name="Tracker").get_by_role(
        "link", name="Stats"
    ).click()
    funnel = page.locator("#funnel-table")

    def cells(stage):
        return funnel.get_by_role("row", name=stage).get_by_role("cell")

    expect(cells("Applied")).to_have_text(["1", "—"])
    expect(cells("Screening")).to_have_text(["1", "100%"])
    expect(cells("Interviewing")).to_have_text(["0", "0%"])
    expect(page.get_by_role("img", name=re.compile("Funnel"))).to_be_visible()
