"""A new person takes the shipped readiness assessment in a real browser."""

import re

from playwright.sync_api import expect

from assessments.loader import load_assessments
from assessments.models import Result
from careers.loader import load_careers


def answer_every_question(page):
    """Pick the last option of each radio group (the strongest answer in our
    content), tick the first box of each checkbox group, type 50 into numbers."""
    for group in page.locator("form.assessment-form fieldset").all():
        radios = group.get_by_role("radio")
        boxes = group.get_by_role("checkbox")
        if radios.count():
            radios.last.check()
        elif boxes.count():
            boxes.first.check()
    for number in page.locator("form.assessment-form input[type=number]").all():
        number.fill("50")


def answer_to_the_end(page) -> int:
    """Answer each section and press Next until "See my result"; return how many
    sections there were."""
    sections = 0
    while True:
        sections += 1
        expect(page.locator(".progress__label")).to_contain_text(
            re.compile(rf"Section {sections} of \d+")
        )
        answer_every_question(page)
        finish = page.get_by_role("button", name="See my result")
        if finish.count():
            finish.click()
            return sections
        page.get_by_role("button", name="Next").click()


def test_a_new_person_completes_the_readiness_assessment(page, live_server):
    load_careers()
    load_assessments()

    page.goto("/careers/customer-service-clerk/")
    page.get_by_role("link", name="Check your readiness").first.click()
    page.get_by_role("link", name="Customer Service Clerk Career Readiness").click()
    page.get_by_role("link", name="Start the assessment").click()

    # Next without answering: the server names what is missing, at the field.
    page.get_by_role("button", name="Next").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator(".field--invalid").first).to_be_visible()

    sections = answer_to_the_end(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Your result")
    result = Result.objects.get()
    expect(page.locator(".result__number")).to_have_text(str(result.overall_score))
    expect(page.get_by_role("img", name="Score by section")).to_be_visible()
    expect(page.get_by_role("link", name="Sign up to keep it")).to_be_visible()
    assert sections == len(result.section_scores)
