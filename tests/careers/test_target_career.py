"""Making a guide your target career, from the guide page."""

import pytest
from django.urls import reverse

from accounts.models import User
from tests.factories import CareerFactory

pytestmark = pytest.mark.django_db


def test_make_this_my_target_from_a_guide(alice_client, alice):
    career = CareerFactory(title="Bank Teller")
    guide = alice_client.get(career.get_absolute_url()).content.decode()
    assert "Make this my target" in guide

    response = alice_client.post(
        reverse("set_target_career"),
        {"career": career.slug, "next": career.get_absolute_url()},
        follow=True,
    )

    assert User.objects.get(pk=alice.pk).target_career == career
    page = response.content.decode()
    assert "Bank Teller is now your target career." in page
    assert "Your target career" in page


def test_a_draft_or_unknown_career_cannot_be_the_target(alice_client, alice):
    draft = CareerFactory(status="draft")

    for slug in (draft.slug, "nope", ""):
        response = alice_client.post(
            reverse("set_target_career"), {"career": slug}, follow=True
        )
        assert "That career guide is not available." in response.content.decode()
    assert User.objects.get(pk=alice.pk).target_career is None


def test_the_target_form_keeps_its_address_under_accounts():
    assert reverse("set_target_career") == "/accounts/profile/target/"


def test_setting_a_target_needs_a_signed_in_person(client):
    career = CareerFactory()

    response = client.post(reverse("set_target_career"), {"career": career.slug})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))
