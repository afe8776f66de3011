"""Phone first (issue 17): at 375 x 667 the first screen shows the work, not the
navigation, and one thumb reaches it; at 1280 px the desktop layout stays."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.helpers import sign_in
from tests.browser.test_accessibility import COLOUR_RULES, run_axe, violations_report
from tests.factories import UserFactory
from tracker.models import Status
from tracker.services import application_create

PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}

# (name, path, who): the pages issue 17 names; "sam" has three applications.
PHONE_PAGES = [
    ("landing", "/", None),
    ("guide", "/careers/{guide}/", None),
    ("careers", "/careers/", None),
    ("dashboard", "/dashboard/", "alice"),
    ("tracker", "/tracker/", "sam"),
    ("board", "/tracker/board/", "alice"),
    ("assessment section", "/assessments/{readiness}/section/1/", None),
    ("result", "/assessments/results/{readiness_result}/", "alice"),
]


@pytest.fixture
def phone_data(site_data):
    """The site's records, and Sam, whose tracker holds three applications."""
    sam = UserFactory(email="sam@example.com", name="Sam Carter")
    today = timezone.localdate()
    for company, role, status in [
        ("Northwind", "Support team lead", Status.INTERVIEWING),
        ("Contoso", "Service desk analyst", Status.APPLIED),
        ("Fabrikam", "Customer care advisor", Status.SAVED),
    ]:
        application_create(
            owner=sam,
            company=company,
            role_title=role,
            status=status,
            follow_up_on=today + timedelta(days=3),
        )
    site_data["users"]["sam"] = sam
    return site_data


def visit(page, live_server, data, path, who):
    page.context.clear_cookies()
    if who:
        sign_in(page, live_server, data["users"][who])
    page.goto(path.format(**data))


def box(locator) -> dict:
    return locator.bounding_box()


def test_phone_pages_have_a_compact_header_and_no_accessibility_violations(
    page, live_server, phone_data
):
    page.set_viewport_size(PHONE)
    heights, too_wide, report = {}, {}, []
    for name, path, who in PHONE_PAGES:
        page.emulate_media(color_scheme="light")
        visit(page, live_server, phone_data, path, who)
        heights[name] = box(page.locator(".site-header"))["height"]
        expect(page.locator(".site-nav")).to_be_hidden()
        expect(page.locator(".site-menu > summary")).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[name] = width
        report += violations_report(f"{name}, phone", run_axe(page))
        page.emulate_media(color_scheme="dark")
        report += violations_report(f"{name}, phone, dark", run_axe(page, COLOUR_RULES))

    assert {name: h for name, h in heights.items() if h > 64} == {}
    assert too_wide == {}
    assert report == [], "\n".join(report)


def test_the_menu_opens_without_javascript(browser, live_server, phone_data):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport=PHONE
    )
    page = context.new_page()
    try:
        visit(page, live_server, phone_data, "/careers/", "alice")
        menu = page.locator(".site-menu")
        careers = menu.get_by_role("link", name="Careers")
        expect(careers).to_be_hidden()
        menu.locator("summary").click()
        expect(careers).to_be_visible()
        expect(careers).to_have_attribute("aria-current", "page")
        expect(menu.get_by_role("link", name="Profile")).to_be_visible()
        menu.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        page.locator(".site-menu summary").click()
        expect(
            page.locator(".site-menu").get_by_role("link", name="Sign in")
        ).to_be_visible()
    finally:
        context.close()


def test_on_a_phone_the_first_application_card_is_on_the_first_screen(
    page, live_server, phone_data
):
    page.set_viewport_size(PHONE)
    visit(page, live_server, phone_data, "/tracker/", "sam")

    cards = page.locator(".app-card")
    expect(cards).to_have_count(3)
    expect(page.locator("table")).to_be_hidden()
    first = cards.first
    expect(first).to_contain_text("Customer care advisor")
    expect(first).to_contain_text("Fabrikam")
    expect(first).to_contain_text("Saved")
    expect(first).to_contain_text("Follow up")
    assert box(first)["y"] + box(first)["height"] <= PHONE["height"]

    # The tabs are one row that scrolls, not three rows of links.
    tabs = page.get_by_role("navigation", name="Tracker").locator("ul")
    assert box(tabs)["height"] < 60
    assert tabs.evaluate("row => row.scrollWidth > row.clientWidth")


def test_the_add_button_stays_under_the_thumb(page, live_server, phone_data):
    page.set_viewport_size(PHONE)
    visit(page, live_server, phone_data, "/tracker/board/", "alice")
    add = page.get_by_role("link", name="Add an application")
    for scroll in (0, 600):
        page.evaluate(f"window.scrollTo(0, {scroll})")
        position = box(add)
        assert position["y"] + position["height"] <= PHONE["height"]
        assert position["y"] > PHONE["height"] - 100
        assert position["height"] >= 44


def test_the_current_tracker_tab_is_scrolled_into_view(page, live_server, phone_data):
    page.set_viewport_size(PHONE)
    visit(page, live_server, phone_data, "/tracker/settings/", "alice")
    tabs = page.get_by_role("navigation", name="Tracker")
    assert tabs.locator("ul").evaluate("row => row.scrollWidth > row.clientWidth")
    # Settings is the last tab, off the right edge until the row scrolls to it.
    expect(tabs.get_by_role("link", name="Settings")).to_be_in_viewport()


def test_filters_fold_behind_a_button_counting_the_active_ones(
    page, live_server, phone_data
):
    page.set_viewport_size(PHONE)
    visit(page, live_server, phone_data, "/tracker/?q=a&status=saved", "sam")
    toggle = page.locator(".filter-fold summary")
    expect(toggle).to_have_text("Filter 2 active")
    search = page.get_by_label("Search company or role")
    expect(search).to_be_hidden()
    toggle.click()
    expect(search).to_have_value("a")

    visit(page, live_server, phone_data, "/tracker/", "sam")
    expect(page.locator(".filter-fold summary")).to_have_text("Filter")


def test_board_empty_columns_take_one_line_and_moves_work_without_javascript(
    browser, live_server, phone_data
):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport=PHONE
    )
    page = context.new_page()
    try:
        visit(page, live_server, phone_data, "/tracker/board/", "sam")
        accepted = page.locator("section", has=page.locator("h2#column-accepted"))
        assert box(accepted)["height"] < 50
        expect(accepted.get_by_text("Nothing here.")).to_be_hidden()

        page.get_by_label(
            "New status for Support team lead at Northwind"
        ).select_option("Offer")
        page.get_by_role("button", name="Move Support team lead at Northwind").click()
        offer = page.locator("section", has=page.locator("h2#column-offer"))
        expect(offer.get_by_role("link", name="Support team lead")).to_be_visible()
        assert box(offer)["height"] > 100
    finally:
        context.close()


def test_a_guide_shows_two_key_facts_on_the_first_screen_and_a_jump_to_row(
    page, live_server, phone_data
):
    page.set_viewport_size(PHONE)
    visit(page, live_server, phone_data, "/careers/{guide}/", None)
    facts = page.locator(".fact-card")
    for index in (0, 1):
        fact = box(facts.nth(index))
        assert fact["y"] + fact["height"] <= PHONE["height"], f"key fact {index + 1}"
    assert box(facts.nth(0))["y"] == box(facts.nth(1))["y"]  # side by side

    jump = page.get_by_role("navigation", name="Jump to")
    jump.get_by_role("link", name="Salary and outlook").click()
    expect(page.locator("#salary")).to_be_in_viewport()
    # The row stays at the top of the screen while the chapter is read.
    assert box(jump)["y"] == 0
    heading = box(page.locator("#salary-title"))
    assert heading["y"] >= box(jump)["height"]


def test_guide_charts_stay_readable_at_320_px(page, live_server, phone_data):
    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, live_server, phone_data, "/careers/{guide}/", None)
    sizes = page.locator(".chart__svg text").evaluate_all(
        """texts => texts.map(text => {
            const svg = text.ownerSVGElement;
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return parseFloat(getComputedStyle(text).fontSize) * scale;
        })"""
    )
    assert sizes
    assert min(sizes) >= 13


def test_assessment_answers_are_full_width_choices(page, live_server, phone_data):
    page.set_viewport_size(PHONE)
    visit(page, live_server, phone_data, "/assessments/{readiness}/section/1/", None)
    form = box(page.locator("form.assessment-form fieldset").first)
    choice = page.locator("form.assessment-form label:has(input[type=radio])").first
    assert box(choice)["width"] >= form["width"] - 1
    assert box(choice)["height"] >= 44
    # A tap anywhere on the choice chooses it, not only on its small circle.
    page.mouse.click(
        box(choice)["x"] + box(choice)["width"] - 10, box(choice)["y"] + 10
    )
    expect(choice.locator("input")).to_be_checked()


def test_the_desktop_layout_is_unchanged(page, live_server, phone_data):
    page.set_viewport_size(DESKTOP)
    visit(page, live_server, phone_data, "/tracker/", "sam")
    header = box(page.locator(".site-header"))
    main_nav = page.get_by_role("navigation", name="Main")
    for name in ("Careers", "Assessments", "Tracker"):
        link = main_nav.get_by_role("link", name=name)
        expect(link).to_be_visible()
        assert box(link)["y"] < header["y"] + header["height"]  # inline, in the bar
    expect(page.locator(".site-menu")).to_be_hidden()
    expect(page.locator("summary", has_text="Sam")).to_be_visible()

    expect(page.get_by_role("table")).to_be_visible()
    expect(page.locator(".app-cards")).to_be_hidden()
    expect(page.get_by_label("Search company or role")).to_be_visible()
    expect(page.locator(".filter-fold summary")).to_be_hidden()
    add = page.get_by_role("link", name="Add an application")
    assert box(add)["y"] < 200  # in the tabs' row, not at the bottom

    visit(page, live_server, phone_data, "/careers/{guide}/", None)
    expect(page.get_by_role("navigation", name="On this page")).to_be_visible()
    expect(page.locator(".guide__header .eyebrow")).to_be_visible()


def test_the_careers_search_and_filters_fit_the_first_screen(
    page, live_server, phone_data
):
    page.set_viewport_size(PHONE)
    visit(page, live_server, phone_data, "/careers/", None)
    search = box(page.get_by_role("button", name="Search", exact=True))
    assert search["y"] + search["height"] <= PHONE["height"]
    # The fields and the filters fold behind a button each, both on the first screen.
    for toggle in ["Browse by field", "Filter and sort"]:
        summary = page.locator("summary", has_text=toggle)
        assert box(summary)["y"] + box(summary)["height"] <= PHONE["height"]
    expect(page.get_by_label("Typical education")).to_be_hidden()
    page.locator("summary", has_text="Filter and sort").click()
    expect(page.get_by_label("Typical education")).to_be_visible()

    page.set_viewport_size(DESKTOP)
    expect(page.locator("summary", has_text="Filter and sort")).to_be_hidden()
    expect(page.get_by_label("Typical education")).to_be_visible()
    expect(page.get_by_role("navigation", name="Browse by field")).to_be_visible()
