import re

from playwright.sync_api import expect

from careers.loader import load_careers
from careers.models import Career


def test_reader_finds_a_guide_uses_the_contents_and_opens_an_faq(page):
    load_careers()
    faq = Career.objects.get(slug="customer-service-clerk").faqs.first()

    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/careers/")
    page.get_by_label("Typical education").select_option(
        "High school diploma or equivalent"
    )
    page.get_by_label("Sort by").select_option("Median pay (highest first)")
    page.get_by_role("button", name="Show careers").click()
    expect(page.get_by_label("Sort by")).to_have_value("pay")
    page.get_by_role("link", name="Customer Service Clerk").click()
    expect(page).to_have_title(re.compile("^Customer Service Clerk"))
    expect(page.get_by_text("$44,770").first).to_be_visible()

    contents = page.get_by_role("navigation", name="On this page")
    contents.get_by_role("link", name="Frequently asked questions").click()
    expect(page).to_have_url(re.compile("#faq$"))
    expect(page.locator("#faq-title")).to_be_in_viewport()
    # The table of contents stays in view and marks the chapter being read.
    expect(contents).to_be_in_viewport()
    expect(
        contents.get_by_role("link", name="Frequently asked questions")
    ).to_have_attribute("aria-current", "true")

    answer = page.locator("details.faq").first.locator(".faq__answer")
    expect(answer).to_be_hidden()
    page.get_by_text(faq.question, exact=True).click()
    expect(answer).to_be_visible()
    expect(answer).to_contain_text(faq.answer.split(".")[0])


def test_the_guide_fits_a_small_phone_without_sideways_scrolling(page):
    load_careers()
    page.set_viewport_size({"width": 320, "height": 640})

    page.goto("/careers/customer-service-clerk/")

    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_printed_guide_drops_navigation_and_shows_every_answer(page):
    load_careers()
    page.goto("/careers/customer-service-clerk/")

    page.emulate_media(media="print")

    expect(page.get_by_role("navigation", name="On this page")).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    answers = page.locator(".faq__answer")
    for index in range(answers.count()):
        expect(answers.nth(index)).to_be_visible()
