"""Journeys done with the keyboard alone (Tab, arrows, Enter, Space), and where
focus goes after a form is sent back with errors."""

import re

from playwright.sync_api import expect

from tests.browser.helpers import sign_in
from tests.factories import PASSWORD, UserFactory
from tracker.models import Application, Status
from tracker.services import application_create


def tab_to(page, target, *, most=80):
    """Press Tab until `target` has focus, as a keyboard user would."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{target} never got focus in {most} presses of Tab")


def test_sign_in_by_keyboard(page):
    UserFactory(email="maya@example.com", name="Maya Lin")
    page.goto("/careers/")
    tab_to(page, page.get_by_role("link", name="Sign in"))
    page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile("^Sign in"))

    # The email box has focus as the page opens.
    expect(page.get_by_label("Email address")).to_be_focused()
    page.keyboard.type("maya@example.com")
    page.keyboard.press("Tab")
    page.keyboard.type("not my password")
    page.keyboard.press("Enter")
    expect(page.locator("[data-error-summary]")).to_be_focused()

    tab_to(page, page.get_by_label("Password"))
    page.keyboard.type(PASSWORD)
    tab_to(page, page.get_by_role("button", name="Sign in"))
    page.keyboard.press("Space")

    # Back where the journey started, signed in.
    expect(page).to_have_url(re.compile("/careers/$"))
    expect(page.locator("summary", has_text="Maya")).to_be_visible()


def test_move_an_application_on_the_board_by_keyboard(page, live_server):
    maya = UserFactory(email="maya@example.com")
    application_create(
        owner=maya, company="Acme", role_title="Support lead", status=Status.APPLIED
    )
    sign_in(page, live_server, maya)
    page.goto("/tracker/board/")

    status = page.get_by_label("New status for Support lead at Acme")
    tab_to(page, status)
    # Applied → Screening → Interviewing, without opening the list.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(status).to_have_value("interviewing")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Move Support lead at Acme")).to_be_focused()
    page.keyboard.press("Enter")

    interviewing = page.locator("section", has=page.locator("h2#column-interviewing"))
    expect(interviewing.get_by_role("link", name="Support lead")).to_be_visible()
    expect(page.locator("#board-status")).to_have_text(
        "Moved Support lead at Acme to Interviewing."
    )
    # Focus stays on the moved card, so the next move is one keypress away.
    expect(status).to_be_focused()
    assert Application.objects.get().status == Status.INTERVIEWING


def test_error_summary_takes_focus_and_its_links_lead_into_the_fields(page):
    page.goto("/accounts/signup/")
    page.get_by_label("Email address").fill("maya@example")
    page.get_by_label("Password").fill("short")
    page.keyboard.press("Enter")

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_count(2)
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Email address")).to_be_focused()


def test_an_error_summary_link_shows_the_field_with_its_label(page, live_server):
    sign_in(page, live_server, UserFactory())
    page.set_viewport_size({"width": 800, "height": 600})
    page.goto("/tracker/new/")
    page.get_by_label("Company").fill("Acme")
    page.get_by_label("Role").fill("Support lead")
    page.get_by_label("Currency").fill("E1R")
    page.get_by_role("button", name="Add application").click()

    page.locator("[data-error-summary]").get_by_role("link").click()
    currency = page.get_by_label("Currency")
    expect(currency).to_be_focused()
    # A bare fragment link would scroll the box to the top edge, label hidden.
    expect(page.locator("label[for=id_salary_currency]")).to_be_in_viewport()


def test_import_problems_take_focus(page, live_server):
    sign_in(page, live_server, UserFactory())
    page.goto("/tracker/import/")
    page.get_by_label("CSV file").set_input_files(
        {
            "name": "jobs.csv",
            "mimeType": "text/csv",
            "buffer": b"Company,Role,Status\n,Analyst,Nonsense\n",
        }
    )
    page.get_by_role("button", name="Upload and check").click()
    problems = page.locator("#import-errors")
    expect(problems).to_contain_text("1 of 1 row needs fixing")
    expect(problems).to_be_focused()


def answer_section_by_keyboard(page):
    """Tab through one section: Space picks a radio button or ticks the first box
    of a group, numbers are typed, and Enter on the submit button sends it."""
    answered_groups = set()
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " return {tag: e.tagName, type: e.type || '', name: e.name || '',"
            " text: e.textContent.trim()}; }"
        )
        if focused["tag"] == "BUTTON" and focused["text"] in ("Next", "See my result"):
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
        if focused["type"] in ("radio", "checkbox") and (
            focused["name"] not in answered_groups
        ):
            page.keyboard.press("Space")
            answered_groups.add(focused["name"])
        elif focused["type"] == "number":
            page.keyboard.type("45")
    raise AssertionError("never reached the section's submit button")


def test_take_an_assessment_and_make_its_career_the_target_by_keyboard(
    page, live_server
):
    from assessments.loader import load_assessments
    from careers.loader import load_careers

    load_careers()
    load_assessments()
    maya = UserFactory(email="maya@example.com")
    sign_in(page, live_server, maya)
    page.goto("/careers/customer-service-clerk/")

    tab_to(page, page.get_by_role("button", name="Make this my target"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("is now your target career")).to_be_visible()

    tab_to(page, page.get_by_role("link", name="Check your readiness").first)
    page.keyboard.press("Enter")
    tab_to(
        page, page.get_by_role("link", name="Customer Service Clerk Career Readiness")
    )
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("link", name="Start the assessment"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    for _ in range(20):
        answer_section_by_keyboard(page)
        if "/results/" in page.url:
            break
    expect(page.get_by_role("heading", level=1)).to_have_text("Your result")

    page.goto("/dashboard/")
    readiness = page.locator("section", has=page.locator("#readiness-title"))
    expect(readiness.locator(".result__number")).to_be_visible()
