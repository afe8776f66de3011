"""Offers: recorded on an application at Offer, compared side by side with
yearly totals and where each base pay sits among BLS's percentiles."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from tests.factories import OfferFactory, generated_career_for, occupation_from_pack
from tracker.models import Offer
from tracker.selectors import answer_by_due
from tracker.services import application_change_status, application_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(db):
    return generated_career_for(occupation_from_pack("43-4051.00"))


@pytest.fixture
def at_offer(alice, guide):
    return application_create(
        owner=alice,
        company="Umbrella",
        role_title="Customer service representative",
        status="offer",
        career=guide,
    )


FILLED = {
    "base_pay": "48922",
    "pay_period": "year",
    "currency": "usd",
    "bonus": "2000",
    "other_pay": "500.50",
    "starts_on": "2026-02-02",
    "answer_by": "2026-01-16",
    "state": "39",
    "benefits": "Health cover from day one.",
}


def test_an_offer_is_recorded_on_an_application_at_offer(alice_client, at_offer):
    response = alice_client.post(f"/tracker/{at_offer.pk}/offers/new/", FILLED)
    offer = Offer.objects.get()
    assert response.url == f"/tracker/{at_offer.pk}/#offer-{offer.pk}"
    assert offer.application == at_offer
    assert offer.currency == "USD"
    assert offer.other_pay == Decimal("500.50")
    assert offer.state_name == "Ohio"
    page = alice_client.get(at_offer.get_absolute_url()).content.decode()
    assert "48,922 USD a year" in page
    assert "51,422.50 USD" in page  # the yearly total
    assert "Compare offers" in page


def test_the_form_offers_the_applications_currency(alice_client, alice):
    application = application_create(
        owner=alice,
        company="Globex",
        role_title="Clerk",
        status="offer",
        salary_currency="CAD",
    )
    response = alice_client.get(f"/tracker/{application.pk}/offers/new/")
    assert response.context["form"]["currency"].value() == "CAD"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("base_pay", "", "Enter the base pay they offered."),
        ("base_pay", "-5", "plain digits"),
        ("base_pay", "1E5", "plain digits"),
        ("bonus", "lots", "plain digits"),
        ("currency", "US$", "three-letter code"),
        ("answer_by", "2200-01-01", "Enter a date from 1970 to 2100."),
        ("starts_on", "1900-01-01", "Enter a date from 1970 to 2100."),
        ("state", "99", "Select a valid choice"),
        ("pay_period", "fortnight", "Select a valid choice"),
    ],
)
def test_bad_input_gets_a_field_error_and_saves_nothing(
    alice_client, at_offer, field, value, message
):
    response = alice_client.post(
        f"/tracker/{at_offer.pk}/offers/new/", FILLED | {field: value}
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Offer.objects.exists()


def test_later_statuses_keep_offers_as_a_record(alice_client, at_offer):
    offer = OfferFactory(application=at_offer)
    application_change_status(application=at_offer, status="accepted")

    add = alice_client.post(f"/tracker/{at_offer.pk}/offers/new/", FILLED)
    edit = alice_client.post(f"/tracker/offers/{offer.pk}/edit/", FILLED)
    page = alice_client.get(at_offer.get_absolute_url()).content.decode()

    assert add.status_code == edit.status_code == 302
    assert Offer.objects.get().base_pay == Decimal(48000)
    assert "48,000 USD a year" in page
    assert "Kept as a record" in page
    assert f"/tracker/offers/{offer.pk}/edit/" not in page
    assert "Add an offer" not in page
    # Deleting stays possible: it is the person's own data.
    alice_client.post(f"/tracker/offers/{offer.pk}/delete/")
    assert not Offer.objects.exists()


def test_editing_and_deleting_an_offer(alice_client, at_offer):
    offer = OfferFactory(application=at_offer)
    alice_client.post(
        f"/tracker/offers/{offer.pk}/edit/", FILLED | {"base_pay": "50000"}
    )
    offer.refresh_from_db()
    assert offer.base_pay == 50000
    confirm = alice_client.get(f"/tracker/offers/{offer.pk}/delete/")
    assert "Delete this offer?" in confirm.content.decode()
    alice_client.post(f"/tracker/offers/{offer.pk}/delete/")
    assert not Offer.objects.exists()


def test_another_persons_offers_answer_404(client, bob, at_offer):
    offer = OfferFactory(application=at_offer)
    client.force_login(bob)
    for url in (
        f"/tracker/{at_offer.pk}/offers/new/",
        f"/tracker/offers/{offer.pk}/edit/",
        f"/tracker/offers/{offer.pk}/delete/",
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, FILLED).status_code == 404
    assert Offer.objects.get() == offer
    assert "Umbrella" not in client.get("/tracker/offers/").content.decode()


def test_compare_adds_bonus_and_other_pay_into_yearly_totals(
    alice_client, alice, at_offer
):
    hourly = OfferFactory(
        application=at_offer,
        base_pay=Decimal("22.50"),
        pay_period="hour",
        bonus=Decimal(1500),
        other_pay=Decimal(250),
    )
    yearly = OfferFactory(
        application=at_offer, base_pay=Decimal(47000), bonus=Decimal("3000.50")
    )

    response = alice_client.get("/tracker/offers/")

    rows = {row.offer.pk: row.offer for row in response.context["rows"]}
    page = response.content.decode()
    # 22.50 * 2,080 = 46,800; + 1,500 + 250.
    assert rows[hourly.pk].yearly_base == Decimal("46800")
    assert rows[hourly.pk].yearly_total == Decimal("48550")
    assert rows[yearly.pk].yearly_total == Decimal("50000.50")
    assert "22.50 USD an hour" in page
    assert [row.number for row in response.context["rows"]] == [
        "Offer 1 of 2",
        "Offer 2 of 2",
    ]
    assert "46,800 USD" in page
    assert "48,550 USD" in page
    assert "50,000.50 USD" in page


def test_compare_places_base_pay_nationally_and_in_the_state(alice_client, at_offer):
    OfferFactory(application=at_offer, base_pay=Decimal(48922), state="39")
    OfferFactory(application=at_offer, base_pay=Decimal(48922), currency="EUR")

    page = alice_client.get("/tracker/offers/").content.decode()

    assert (
        "About the 62nd percentile for customer service representatives in Ohio, "
        "BLS May 2025"
    ) in page
    # Nationally: 50 + 4,152 / 7,010 * 25 = 64.8.
    assert (
        "About the 65th percentile for customer service representatives in the "
        "United States, BLS May 2025"
    ) in page
    assert "Add the state the job is in" in page
    assert "this pay is in EUR and BLS figures are in US dollars" in page


def test_compare_says_when_figures_are_for_a_wider_group(alice_client, alice):
    chiefs = generated_career_for(occupation_from_pack("11-1011.00"))
    application = application_create(
        owner=alice, company="Initech", role_title="CEO", status="offer", career=chiefs
    )
    OfferFactory(application=application, base_pay=Decimal(200_000), state="25")

    page = alice_client.get("/tracker/offers/").content.decode()

    assert "for the wider group “Chief Executives”" in page
    assert (
        "Cannot say for chief executives in Massachusetts: BLS did not publish its "
        "percentiles (BLS May 2025)"
    ) in page


def test_compare_says_how_to_link_an_occupation(alice_client, alice):
    application = application_create(
        owner=alice, company="Hooli", role_title="Agent", status="offer"
    )
    OfferFactory(application=application)
    page = alice_client.get("/tracker/offers/").content.decode()
    assert "No career guide linked" in page
    assert f"/tracker/{application.pk}/edit/#id_career" in page


def test_compare_shows_live_offers_only(alice_client, alice, at_offer):
    OfferFactory(application=at_offer, base_pay=Decimal(41111))
    accepted = application_create(
        owner=alice, company="Done", role_title="Clerk", status="accepted"
    )
    OfferFactory(application=accepted, base_pay=Decimal(42222))
    response = alice_client.get("/tracker/offers/")
    page = response.content.decode()
    assert [row.number for row in response.context["rows"]] == [""]
    assert "41,111" in page
    assert "42,222" not in page


def test_compare_with_no_offers_says_what_to_do(alice_client):
    page = alice_client.get("/tracker/offers/").content.decode()
    assert "No offers to compare yet" in page


@time_machine.travel("2026-01-14 12:00Z", tick=False)
def test_answer_by_dates_are_due_items_on_the_follow_ups_page(
    alice_client, alice, bob, at_offer
):
    overdue = OfferFactory(application=at_offer, answer_by=date(2026, 1, 12))
    today = OfferFactory(application=at_offer, answer_by=date(2026, 1, 14))
    this_week = OfferFactory(application=at_offer, answer_by=date(2026, 1, 20))
    later = OfferFactory(application=at_offer, answer_by=date(2026, 1, 21))
    accepted = application_create(
        owner=alice, company="Done", role_title="Clerk", status="accepted"
    )
    OfferFactory(application=accepted, answer_by=date(2026, 1, 13))
    bobs = application_create(owner=bob, company="Bob's", role_title="Welder")
    OfferFactory(application=bobs, answer_by=date(2026, 1, 13))

    response = alice_client.get(reverse("tracker:follow_ups"))
    page = response.content.decode()

    assert [offer.pk for offer in response.context["answers"]] == [
        overdue.pk,
        today.pk,
        this_week.pk,
    ]
    assert f'id="answer-{later.pk}"' not in page
    assert "<strong>Overdue:</strong> the answer was due" in page
    assert "<strong>Today:</strong> answer by" in page
    assert "Tuesday 20 January" in page
    assert "Bob&#x27;s" not in page


def test_answer_by_due_is_live_offers_of_the_person_soonest_first(alice, bob):
    mine = application_create(
        owner=alice, company="B", role_title="Clerk", status="offer"
    )
    first = OfferFactory(application=mine, answer_by=date(2026, 3, 1))
    second = OfferFactory(application=mine, answer_by=date(2026, 3, 2))
    OfferFactory(application=mine, answer_by=date(2026, 3, 3))
    OfferFactory(application=mine, answer_by=None)
    OfferFactory(
        application=application_create(
            owner=bob, company="A", role_title="Clerk", status="offer"
        ),
        answer_by=date(2026, 3, 1),
    )
    assert answer_by_due(user=alice, on_or_before=date(2026, 3, 2)) == [first, second]
