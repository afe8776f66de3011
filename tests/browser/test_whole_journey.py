"""Issue 6, done when: one new person, landing page to dashboard, in a browser."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from accounts.models import User
from assessments.loader import load_assessments
from assessments.models import Result
from careers.loader import load_careers
from careers.models import Career
from tests.browser.test_assessment_journey import answer_to_the_end
from tests.factories import PASSWORD
from tracker.models import Application


def add_application(page, company, role):
    page.goto("/dashboard/")
    page.get_by_role("link", name="Add an application").or_(
        page.get_by_role("link", name="Track an application")
    ).first.click()
    # The new application starts from the target career.
    career = Career.objects.get(slug="customer-service-clerk")
    expect(page.get_by_label("Career guide")).to_have_value(str(career.pk))
    page.get_by_label("Company").fill(company)
    page.get_by_label("Role").fill(role)
    page.get_by_label("Status").select_option("Applied")
    page.get_by_role("button", name="Add application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(role)


def test_from_the_landing_page_to_a_dashboard_with_everything_on_it(page, live_server):
    load_careers()
    load_assessments()

    # Landing page → the guide.
    page.goto("/")
    page.get_by_role("link", name="Browse career guides").first.click()
    page.get_by_role("link", name="Customer Service Clerk").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Customer Service Clerk")

    # Its readiness assessment, taken signed out.
    page.get_by_role("link", name="Check your readiness").first.click()
    page.get_by_role("link", name="Customer Service Clerk Career Readiness").click()
    page.get_by_role("link", name="Start the assessment").click()
    answer_to_the_end(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your result")
    score = page.locator(".result__number").inner_text()

    # Sign up from the result page, keeping the result.
    page.get_by_role("link", name="Sign up to keep it").click()
    page.get_by_label("Email").fill("sam@example.com")
    page.get_by_label("Your name").fill("Sam Rivera")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your result")
    expect(page.get_by_text("Keep this result")).to_have_count(0)
    sam = User.objects.get(email="sam@example.com")
    assert Result.objects.get().owner == sam

    # Set the career as target from its guide.
    page.get_by_role("link", name="Read the customer service clerk guide").click()
    page.get_by_role("button", name="Make this my target").first.click()
    expect(
        page.get_by_text("Customer Service Clerk is now your target career.")
    ).to_be_visible()

    # Three applications; one moves to Interviewing with an interview date.
    for company in ("Acme Retail", "Bright Bank", "Civic Utilities"):
        add_application(page, company, "Customer Service Clerk")
    page.get_by_label("Move to").select_option("Interviewing")
    page.get_by_role("button", name="Change status").click()
    page.get_by_role("link", name="Add an interview").click()
    starts = timezone.localtime() + timedelta(days=3)
    page.get_by_label("Kind").select_option("Interview")
    page.get_by_label("Starts at").fill(starts.strftime("%Y-%m-%dT10:00"))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Customer Service Clerk")

    # All of it on the dashboard.
    page.goto("/dashboard/")
    target = page.locator("section", has=page.locator("#target-title"))
    expect(target.get_by_role("link", name="Customer Service Clerk")).to_be_visible()
    expect(target).to_contain_text("$")
    readiness = page.locator("section", has=page.locator("#readiness-title"))
    expect(readiness.locator(".result__number")).to_have_text(score)
    expect(readiness.locator(".next-step-list li")).to_have_count(
        min(2, len(Result.objects.get().recommendations))
    )
    pipeline = page.locator("section", has=page.locator("#pipeline-title"))
    expect(pipeline).to_contain_text("3 active applications")
    expect(pipeline.get_by_role("link", name="Interviewing 1")).to_be_visible()
    expect(pipeline.get_by_role("link", name="Applied 2")).to_be_visible()
    interviews = page.locator("section", has=page.locator("#interviews-title"))
    expect(interviews).to_contain_text("Customer Service Clerk at Civic Utilities")
    recent = page.locator("section", has=page.locator("#recent-title"))
    expect(recent.get_by_role("link", name="Customer Service Clerk")).to_be_visible()
    assert Application.objects.filter(owner=sam).count() == 3
