"""Results: who may see them, claiming on sign-up or sign-in, history, export."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assessments.models import Result
from tests.factories import PASSWORD, ResultFactory

pytestmark = pytest.mark.django_db


def _take(client, worked_answers, slug="clerk-readiness"):
    client.post(
        reverse("assessments:take", args=[slug, 1]),
        {**worked_answers[0], "action": "next"},
    )
    response = client.post(
        reverse("assessments:take", args=[slug, 2]),
        {**worked_answers[1], "action": "next"},
    )
    return response["Location"]


def test_an_anonymous_result_is_open_to_its_address_and_offers_to_keep_it(
    client, worked_answers
):
    url = _take(client, worked_answers)

    page = client.get(url).content.decode()
    assert "Keep this result" in page
    assert f"{reverse('accounts:sign_up')}?next={url}" in page


def test_signing_up_from_the_result_claims_it(client, worked_answers):
    url = _take(client, worked_answers)

    response = client.post(
        reverse("accounts:sign_up") + f"?next={url}",
        {
            "email": "new@example.com",
            "name": "New Person",
            "password": PASSWORD,
            "next": url,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == url
    result = Result.objects.get()
    assert result.owner.email == "new@example.com"
    assert "Keep this result" not in client.get(url).content.decode()


def test_signing_in_claims_results_taken_in_this_browser(client, alice, worked_answers):
    url = _take(client, worked_answers)

    client.post(
        reverse("accounts:sign_in"),
        {"username": alice.email, "password": PASSWORD, "next": url},
    )

    assert Result.objects.get().owner == alice


def test_a_claimed_result_is_404_for_everyone_else(client, alice, bob, worked_answers):
    url = _take(client, worked_answers)
    client.force_login(alice)  # the login signal claims the session's results
    assert Result.objects.get().owner == alice
    assert client.get(url).status_code == 200

    client.force_login(bob)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404


def test_another_browsers_sign_in_does_not_claim_a_result(
    client, alice, bob, worked_answers
):
    _take(client, worked_answers)
    other_browser = client.__class__()

    other_browser.force_login(bob)

    assert Result.objects.get().owner is None


def test_signed_in_results_belong_to_the_taker(alice_client, alice, worked_answers):
    _take(alice_client, worked_answers)

    assert Result.objects.get().owner == alice


def test_unknown_result_is_404(client):
    url = reverse("assessments:result", args=["00000000-0000-4000-8000-000000000000"])
    assert client.get(url).status_code == 404


def test_history_needs_an_account(client):
    response = client.get(reverse("assessments:history"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))


def test_history_shows_only_your_own_attempts(
    alice_client, bob, small_assessment, worked_answers
):
    ResultFactory(
        assessment=small_assessment["assessment"], owner=bob, overall_score=97
    )
    _take(alice_client, worked_answers)

    page = alice_client.get(reverse("assessments:history")).content.decode()

    assert "42 out of 100" in page
    assert "97 out of 100" not in page
    assert "<td>97</td>" not in page


def test_history_charts_scores_and_names_sections_up_and_down(
    alice_client, small_assessment, worked_answers
):
    _take(alice_client, worked_answers)
    q, c = small_assessment["questions"], small_assessment["choices"]
    better_tools = {**worked_answers[0], f"q{q['crm'].pk}": c["daily"].pk}
    worse_judgement = {**worked_answers[1], f"q{q['calm'].pk}": "1"}
    _take(alice_client, [better_tools, worse_judgement])

    page = alice_client.get(reverse("assessments:history")).content.decode()

    # Tools 58 -> 83 (0.5 -> 1 on the CRM question); Judgement 33 -> 8.
    assert "Tools: 58 → 83 (+25)" in page
    assert "Judgement: 33 → 8 (-25)" in page
    assert "<polyline" in page
    assert page.count("<circle") == 2


def test_results_are_in_the_account_export_and_go_with_the_account(
    alice_client, alice, worked_answers
):
    _take(alice_client, worked_answers)

    export = json.loads(alice_client.get(reverse("accounts:export")).content)
    assert export["assessments"]["results"][0]["overall_score"] == 42

    alice.delete()
    assert not Result.objects.exists()


def test_a_result_band_is_one_of_the_scoring_bands():
    result = ResultFactory(band=Result.Band.READY)
    assert result.band_label == "Ready"

    result.band = "excellent"
    with pytest.raises(ValidationError) as error:
        result.full_clean()

    assert "band" in error.value.message_dict
