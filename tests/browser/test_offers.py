"""Record two offers on an application linked to a generated guide, compare
them, and read where the base pay sits among BLS's percentiles."""

from playwright.sync_api import expect

from tests.browser.helpers import sign_in
from tests.factories import UserFactory, generated_career_for, occupation_from_pack
from tracker.models import Offer
from tracker.services import application_create


def record_offer(page, application, **fields):
    page.goto(application.get_absolute_url())
    page.get_by_role("link", name="Add an offer").click()
    page.get_by_label("Base pay", exact=True).fill(fields["base_pay"])
    page.get_by_label("Base pay per").select_option(fields["period"])
    page.get_by_label("Bonus a year").fill(fields.get("bonus", ""))
    page.get_by_label("Other pay a year").fill(fields.get("other_pay", ""))
    page.get_by_label("State the job is in").select_option(fields["state"])
    page.get_by_label("Answer by").fill(fields.get("answer_by", ""))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Added the offer of")).to_be_visible()


def test_record_two_offers_and_compare_them(page, live_server):
    maya = UserFactory(email="maya@example.com")
    guide = generated_career_for(occupation_from_pack("43-4051.00"))
    application = application_create(
        owner=maya,
        company="Umbrella",
        role_title="Customer service representative",
        status="offer",
        career=guide,
    )
    sign_in(page, live_server, maya)

    record_offer(
        page,
        application,
        base_pay="48922",
        period="Year",
        bonus="2000",
        state="Ohio",
        answer_by="2026-01-16",
    )
    record_offer(
        page,
        application,
        base_pay="23.50",
        period="Hour",
        other_pay="600",
        state="Texas",
    )
    page.get_by_role("link", name="Compare offers").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Compare offers")
    table = page.get_by_role("table", name="Your offers")
    expect(table.get_by_role("columnheader")).to_have_count(2)
    total = table.get_by_role("row", name="Total a year")
    # 48,922 + 2,000; and 23.50 * 2,080 + 600.
    expect(total).to_contain_text("50,922 USD")
    expect(total).to_contain_text("49,480 USD")
    expect(table.get_by_role("row", name="Against pay in its state")).to_contain_text(
        "About the 62nd percentile for customer service representatives in Ohio, "
        "BLS May 2025"
    )
    expect(table.get_by_role("row", name="Against national pay")).to_contain_text(
        "percentile for customer service representatives in the United States, "
        "BLS May 2025"
    )
    assert Offer.objects.filter(application=application).count() == 2
