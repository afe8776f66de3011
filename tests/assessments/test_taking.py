"""Taking an assessment with the test client: sections, Back/Next, validation,
the saved result and its address."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from assessments.models import Result

pytestmark = pytest.mark.django_db


def _take_url(number, slug="clerk-readiness"):
    return reverse("assessments:take", args=[slug, number])


def _finish(client, worked_answers):
    client.post(_take_url(1), {**worked_answers[0], "action": "next"})
    return client.post(_take_url(2), {**worked_answers[1], "action": "next"})


def test_the_worked_attempt_scores_42_getting_there(client, worked_answers):
    response = _finish(client, worked_answers)

    result = Result.objects.get()
    assert response.status_code == 302
    assert response["Location"] == result.get_absolute_url()
    assert result.overall_score == 42
    assert result.band == "getting_there"
    assert [(s["title"], s["score"]) for s in result.section_scores] == [
        ("Tools", 58),
        ("Judgement", 33),
    ]
    page = client.get(response["Location"]).content.decode()
    assert "42" in page
    assert "Getting there" in page
    assert "Tools: 58 out of 100" in page  # the chart's text alternative
    assert "Judgement: 33 out of 100" in page


def test_advice_is_ordered_by_lift_and_links_into_the_guide(client, worked_answers):
    response = _finish(client, worked_answers)
    result = Result.objects.get()

    # Escalation: 1 of 3 equal questions in Judgement (2 of 3 parts):
    # (1 - 0) x 1/3 x 100 x 2/3 = 22.2. Tools: (100 - 58.3) x 1/3 = 13.9.
    assert [item["title"] for item in result.recommendations] == [
        "Learn when to escalate",
        "Get faster at the keyboard",
    ]
    page = client.get(response["Location"]).content.decode()
    guide = result.assessment.career.get_absolute_url()
    assert f'href="{guide}#tools-and-technologies"' in page
    assert 'href="/careers/"' in page
    assert page.index("Learn when to escalate") < page.index(
        "Get faster at the keyboard"
    )


def test_section_page_shows_progress(client, small_assessment):
    page = client.get(_take_url(2)).content.decode()

    assert "Section 2 of 2" in page
    assert "<progress" in page


def test_invalid_answer_re_renders_with_the_message_and_keeps_the_input(
    client, small_assessment, worked_answers
):
    typing = small_assessment["questions"]["typing"]
    post = {**worked_answers[0], f"q{typing.pk}": "fast", "action": "next"}

    response = client.post(_take_url(1), post)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter a whole number from 0 to 200 words per minute." in page
    assert 'value="fast"' in page
    crm = small_assessment["questions"]["crm"]
    assert _is_checked(page, f"q{crm.pk}", worked_answers[0][f"q{crm.pk}"])


def test_a_missing_required_answer_is_named(client, small_assessment):
    response = client.post(_take_url(1), {"action": "next"})

    assert response.status_code == 200
    assert "Choose an answer." in response.content.decode()


def test_back_and_next_keep_answers(client, small_assessment, worked_answers):
    q = small_assessment["questions"]
    client.post(_take_url(1), {**worked_answers[0], "action": "next"})
    # Half of section 2, then Back: nothing is validated, nothing is lost.
    half = {f"q{q['calm'].pk}": "4", "action": "back"}
    response = client.post(_take_url(2), half)
    assert response["Location"] == _take_url(1)

    first = client.get(_take_url(1)).content.decode()
    assert 'value="30"' in first
    second = client.get(_take_url(2)).content.decode()
    assert _is_checked(second, f"q{q['calm'].pk}", "4")
    assert not _is_checked(second, f"q{q['calm'].pk}", "3")


def _is_checked(page, name, value):
    pattern = rf'<input[^>]*name="{name}"[^>]*value="{value}"[^>]*checked'
    return re.search(pattern, page) is not None


def test_answers_survive_leaving_and_coming_back(client, worked_answers):
    client.post(_take_url(1), {**worked_answers[0], "action": "next"})

    detail = client.get(reverse("assessments:detail", args=["clerk-readiness"]))
    assert "Continue where you left off" in detail.content.decode()
    assert 'value="30"' in client.get(_take_url(1)).content.decode()


def test_start_again_clears_the_answers(client, worked_answers):
    client.post(_take_url(1), {**worked_answers[0], "action": "next"})

    client.post(reverse("assessments:start", args=["clerk-readiness"]))

    assert 'value="30"' not in client.get(_take_url(1)).content.decode()


def test_finishing_with_an_unanswered_section_sends_you_back_to_it(
    client, worked_answers
):
    # Section 1 was never answered: the last page cannot finish.
    response = client.post(_take_url(2), {**worked_answers[1], "action": "next"})

    assert response.status_code == 302
    assert response["Location"] == _take_url(1) + "?check=1"
    page = client.get(response["Location"]).content.decode()
    assert "still need your attention" in page
    assert "Choose an answer." in page
    assert not Result.objects.exists()


def test_a_repeated_final_submission_saves_one_result(client, worked_answers):
    client.post(_take_url(1), {**worked_answers[0], "action": "next"})
    page = client.get(_take_url(2)).content.decode()
    submission_id = page.split('name="submission_id" value="')[1].split('"')[0]
    final = {**worked_answers[1], "action": "next", "submission_id": submission_id}

    first = client.post(_take_url(2), final)
    again = client.post(_take_url(2), final)

    assert Result.objects.count() == 1
    assert first["Location"] == again["Location"]


def test_a_repeated_final_submission_signed_in_saves_one_result(
    alice_client, alice, worked_answers
):
    alice_client.post(_take_url(1), {**worked_answers[0], "action": "next"})
    page = alice_client.get(_take_url(2)).content.decode()
    submission_id = page.split('name="submission_id" value="')[1].split('"')[0]
    final = {**worked_answers[1], "action": "next", "submission_id": submission_id}

    first = alice_client.post(_take_url(2), final)
    again = alice_client.post(_take_url(2), final)

    assert Result.objects.get().owner == alice
    assert first["Location"] == again["Location"]


@pytest.mark.parametrize("owned", [True, False])
@pytest.mark.parametrize("stranger", ["anonymous", "bob"])
def test_someone_elses_submission_id_does_not_lead_to_their_result(
    client, alice, bob, worked_answers, owned, stranger
):
    # Alice's result, signed in or taken signed out in her own browser.
    alices_browser = Client()
    if owned:
        alices_browser.force_login(alice)
    _finish(alices_browser, worked_answers)
    theirs = Result.objects.get()
    if stranger == "bob":
        client.force_login(bob)
    posts = [{**post, "submission_id": theirs.submission_id} for post in worked_answers]

    first = client.post(_take_url(1), {**posts[0], "action": "next"})
    last = client.post(_take_url(2), {**posts[1], "action": "next"})

    # Both pages were taken as the stranger's own attempt, with its own id.
    assert first["Location"] == _take_url(2)
    own = Result.objects.exclude(pk=theirs.pk).get()
    assert last["Location"] == own.get_absolute_url()
    assert own.owner == (bob if stranger == "bob" else None)
    assert own.submission_id != theirs.submission_id


@pytest.mark.parametrize("bad", ["99999999999999999999999", "-1", "abc", ""])
def test_any_posted_choice_gets_a_field_error_not_a_500(client, small_assessment, bad):
    crm = small_assessment["questions"]["crm"]
    response = client.post(_take_url(1), {f"q{crm.pk}": bad, "action": "next"})

    assert response.status_code == 200
    assert "error" in response.content.decode()


def test_unknown_section_is_404(client, small_assessment):
    assert client.get(_take_url(3)).status_code == 404
    assert client.get(_take_url(0)).status_code == 404


def test_drafts_are_404_for_the_public_and_previewed_by_staff(
    client, admin_client, small_assessment
):
    assessment = small_assessment["assessment"]
    assessment.is_published = False
    assessment.save()
    url = assessment.get_absolute_url()

    assert client.get(url).status_code == 404
    assert client.get(_take_url(1)).status_code == 404
    preview = admin_client.get(url)
    assert preview.status_code == 200
    assert "Draft preview" in preview.content.decode()


def test_index_lists_published_assessments_with_time_and_career(
    client, small_assessment
):
    assessment = small_assessment["assessment"]
    page = client.get(reverse("assessments:index")).content.decode()

    assert assessment.title in page
    assert "About 5 minutes" in page
    assert assessment.career.title.lower() in page
    assert "5 questions" in page


def test_index_filters_by_career(client, small_assessment):
    from tests.factories import AssessmentFactory

    other = AssessmentFactory(title="Nurse readiness")
    slug = small_assessment["assessment"].career.slug

    page = client.get(reverse("assessments:index"), {"career": slug}).content
    assert b"Clerk readiness" in page
    assert b"Nurse readiness" not in page
    every = client.get(reverse("assessments:index"), {"career": "nope"}).content
    assert other.title.encode() in every
    # No career heads the page when the asked-for one has no assessments.
    assert b"<h1>Assessments</h1>" in every


def test_published_assessments_are_in_the_sitemap(client, small_assessment):
    from tests.factories import AssessmentFactory

    draft = AssessmentFactory(title="Unfinished", is_published=False)

    sitemap = client.get("/sitemap.xml").content.decode()

    assert small_assessment["assessment"].get_absolute_url() in sitemap
    assert reverse("assessments:index") in sitemap
    assert draft.get_absolute_url() not in sitemap


def test_the_target_careers_assessments_come_first(alice_client, alice):
    from tests.factories import AssessmentFactory, CareerFactory

    AssessmentFactory(title="Aardvark keeper readiness")
    target = CareerFactory(title="Zoo clerk")
    AssessmentFactory(title="Zoo clerk readiness", career=target)
    alice.target_career = target
    alice.save()

    page = alice_client.get(reverse("assessments:index")).content.decode()

    assert page.index("Zoo clerk readiness") < page.index("Aardvark keeper readiness")
    assert "Your target career" in page
