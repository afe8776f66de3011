"""Printed results: the .print-* helpers in foothold.css, as the stats page uses."""

import re

import time_machine
from playwright.sync_api import expect

from tests.browser.helpers import sign_in
from tests.factories import UserFactory
from tracker.models import Status
from tracker.services import application_change_status, application_create


@time_machine.travel("2026-03-14 12:00Z", tick=True)
def test_printed_stats_say_whose_and_when_and_drop_the_controls(page, live_server):
    maya = UserFactory(name="Maya Lin")
    application = application_create(
        owner=maya, company="Acme", role_title="Support lead", status=Status.APPLIED
    )
    application_change_status(application=application, status=Status.SCREENING)
    sign_in(page, live_server, maya)
    page.goto("/tracker/stats/")
    printed_on = page.get_by_text(re.compile("^Maya Lin’s job search, printed"))
    expect(printed_on).to_be_hidden()

    page.emulate_media(media="print")

    expect(printed_on).to_have_text(
        "Maya Lin’s job search, printed from Foothold on 14 March 2026."
    )
    expect(page.get_by_role("navigation", name="Tracker")).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    # Wide tables print whole rather than cut off at the edge of a scroll box.
    expect(page.locator(".table-scroll").first).to_have_css("overflow-x", "visible")
    expect(page.locator("#funnel-table")).to_be_visible()


def test_a_printed_result_keeps_the_scores_and_advice_and_drops_the_buttons(page):
    from tests.factories import ResultFactory

    result = ResultFactory(
        overall_score=61,
        band="getting_there",
        section_scores=[{"id": 1, "title": "Tools", "weight": 1, "score": 61}],
        recommendations=[
            {"title": "Practise typing", "advice": "Daily.", "url": "", "lift": 9.0}
        ],
    )
    page.goto(result.get_absolute_url())
    keep = page.get_by_role("heading", name="Keep this result")
    retake = page.get_by_role("button", name="Retake the assessment")
    expect(keep).to_be_visible()

    page.emulate_media(media="print")

    expect(keep).to_be_hidden()
    expect(retake).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".result__number")).to_have_text("61")
    expect(page.get_by_role("img", name="Score by section")).to_be_visible()
    expect(page.get_by_role("heading", name="Practise typing")).to_be_visible()
