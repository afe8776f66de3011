import re

from playwright.sync_api import expect

from careers.loader import load_careers
from careers.models import Career
from tests.factories import generated_career_for, occupation_from_pack


def test_typing_a_job_title_suggests_guides_and_one_opens(page):
    load_careers()
    clerk = occupation_from_pack("43-4051.00")
    Career.objects.filter(slug="customer-service-clerk").update(occupation=clerk)
    for code in ["41-9041.00", "43-4171.00"]:
        generated_career_for(occupation_from_pack(code))

    page.goto("/careers/")
    page.get_by_role("searchbox", name="Job title", exact=True).press_sequentially(
        "call center representative", delay=20
    )
    suggestions = page.locator("#title-search-suggestions")
    first = suggestions.get_by_role("link").first
    expect(first).to_contain_text("Customer Service Clerk")
    expect(first).to_contain_text("matched: Call Center Representative")
    # htmx fetched them: the page itself did not change.
    expect(page).to_have_url(re.compile("/careers/$"))
    first.click()
    expect(page).to_have_title(re.compile("^Customer Service Clerk"))


def test_the_header_search_finds_a_guide_from_any_page(page):
    load_careers()
    page.goto("/")
    page.get_by_role("searchbox", name="Find a career by job title").fill(
        "customer service clerk"
    )
    page.get_by_role("search", name="Search careers").get_by_role(
        "button", name="Search"
    ).click()
    expect(page).to_have_url(re.compile(r"/careers/search/\?q=customer"))
    page.get_by_role("link", name="Customer Service Clerk").click()
    expect(page).to_have_title(re.compile("^Customer Service Clerk"))
