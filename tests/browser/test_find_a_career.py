"""Issue 14, done when: search "call center representative", open the guide,
compare it with a second career, run the matcher, open a change plan and make
it the target, in a browser."""

import re

from playwright.sync_api import expect

from accounts.models import User
from assessments.catalogue import generate_skills_gaps
from assessments.models import SkillRatings
from careers.catalogue.similarity import refresh_similar
from careers.models import Career
from tests.browser.helpers import sign_in
from tests.factories import UserFactory, generated_career_for, occupation_from_pack

REPRESENTATIVES = "Customer Service Representatives"
RECEPTIONISTS = "Receptionists and Information Clerks"


def rate_every_skill(page, level: str) -> None:
    """Rate each skill of each page of Match my skills, then go on."""
    while True:
        for radio in page.locator(f"input.rating[value='{level}']").all():
            radio.check()
        last = page.get_by_role("button", name="See my matches")
        if last.count():
            last.click()
            return
        page.get_by_role("button", name="Next").click()


def test_find_a_career_from_a_job_title_to_a_target(page, live_server):
    for code in ("43-4051.00", "43-4171.00", "41-9041.00", "43-3031.00"):
        generated_career_for(occupation_from_pack(code))
    refresh_similar()
    generate_skills_gaps()
    sam = UserFactory(email="sam@example.com", name="Sam Rivera")
    sign_in(page, live_server, sam)

    # Search by what people call the work.
    page.goto("/careers/")
    search = page.get_by_role("searchbox", name="Job title", exact=True)
    search.fill("call center representative")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/careers/search/\?q=call"))
    result = page.get_by_role("link", name=REPRESENTATIVES).first
    expect(
        page.get_by_text("matched: Call Center Representative").first
    ).to_be_visible()
    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(REPRESENTATIVES)

    # Compare it with a second career.
    page.get_by_role("link", name=re.compile("^Compare customer service")).click()
    page.get_by_label("Career to add").select_option(label=RECEPTIONISTS)
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("columnheader", name=RECEPTIONISTS)).to_be_visible()

    # Back to the guide, and from it to the matcher.
    page.get_by_role("link", name=REPRESENTATIVES).first.click()
    page.get_by_role("link", name="Match my skills").last.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Match my skills")
    page.get_by_role("link", name="Rate my skills").click()
    expect(page.get_by_text("Page 1 of 7 · 0% rated")).to_be_visible()
    rate_every_skill(page, "3")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "The careers that fit your skills"
    )
    expect(page.locator(".match").first).to_contain_text("% fit")
    assert SkillRatings.objects.get(owner=sam).ratings["2.A.1.a"] == 3

    # Plan the change to one of the matches, from the work the person does now.
    page.get_by_role("link", name=f"Plan a change to {RECEPTIONISTS}").click()
    page.get_by_label("From (now)").select_option(label=REPRESENTATIVES)
    page.get_by_role("button", name="Plan the change").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"From {REPRESENTATIVES.lower()} to {RECEPTIONISTS.lower()}"
    )

    # Make it the target.
    page.get_by_role("button", name="Make this my target").click()
    expect(page.get_by_text("Your target career").first).to_be_visible()
    target = Career.objects.get(title=RECEPTIONISTS)
    assert User.objects.get(pk=sam.pk).target_career == target
