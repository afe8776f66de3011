import re

from playwright.sync_api import expect

from accounts.models import User
from tests.factories import PASSWORD


def test_new_person_signs_up_lands_signed_in_then_signs_out(page):
    page.goto("/")
    page.get_by_role("link", name="Sign up").first.click()
    expect(page).to_have_title(re.compile("Create your account"))

    page.get_by_label("Email address").fill("maya@example.com")
    page.get_by_label("Your name").fill("Maya Lin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    expect(
        page.get_by_text("Welcome to Foothold. Your account is ready.")
    ).to_be_visible()
    assert User.objects.filter(email="maya@example.com").exists()

    account_menu = page.locator("summary", has_text="Maya")
    account_menu.click()
    page.get_by_role("button", name="Sign out").click()

    expect(page.get_by_text("You have signed out.")).to_be_visible()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    expect(page.locator("summary", has_text="Maya")).to_have_count(0)


def test_sign_up_errors_show_at_the_field_and_keep_what_was_typed(page):
    page.goto("/accounts/signup/")
    page.get_by_label("Email address").fill("maya@example")
    page.get_by_label("Your name").fill("Maya Lin")
    page.get_by_label("Password").fill("short")
    page.get_by_role("button", name="Create account").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(page.get_by_label("Your name")).to_have_value("Maya Lin")
    expect(page.get_by_label("Password")).to_have_attribute("aria-invalid", "true")
