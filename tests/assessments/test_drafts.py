"""What a section page keeps in the session: only what an answer can be, so no
post, however large, grows a draft past 16 KB."""

import json
import secrets

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse

from assessments.forms import MAX_TYPED_LENGTH
from assessments.loader import load_assessments
from assessments.models import Assessment, Question
from careers.loader import load_careers

pytestmark = pytest.mark.django_db

DRAFT_LIMIT = 16 * 1024


def _take_url(number, slug="clerk-readiness"):
    return reverse("assessments:take", args=[slug, number])


def _draft(client, assessment) -> dict:
    return client.session[f"assessment_draft:{assessment.pk}"]["answers"]


def _stored_session_size(client) -> int:
    return len(Session.objects.get(session_key=client.session.session_key).session_data)


def _junk(length: int) -> str:
    # Random, so the session's compression cannot hide what was kept.
    return secrets.token_urlsafe(length)[:length]


def test_huge_values_posted_again_and_again_leave_a_small_session(
    client, small_assessment
):
    q = small_assessment["questions"]
    # The attack: 20 posts of two 450 KB values with action=back.
    for number in range(20):
        section = 1 + number % 2
        if section == 1:
            post = {
                f"q{q['crm'].pk}": _junk(450_000),
                f"q{q['typing'].pk}": _junk(450_000),
            }
        else:
            post = {
                f"q{q['escalate'].pk}": _junk(450_000),
                f"q{q['calm'].pk}": _junk(450_000),
            }
        response = client.post(_take_url(section), {**post, "action": "back"})
        assert response.status_code == 302

    assert _stored_session_size(client) < DRAFT_LIMIT
    assert not any(_draft(client, small_assessment["assessment"]).values())


def test_many_values_and_unknown_fields_are_not_kept(client, small_assessment):
    q, c = small_assessment["questions"], small_assessment["choices"]
    post = {
        # Just under the 2,000-field limit, every one long and unknown.
        f"q{q['channels'].pk}": [_junk(400) for _ in range(1_900)],
        f"q{q['calm'].pk}": "7",
        "q999999": _junk(50_000),
        "notes": _junk(50_000),
    }
    post[f"q{q['channels'].pk}"] += [str(c["listen"].pk)] * 50

    client.post(_take_url(2), {**post, "action": "back"})

    draft = _draft(client, small_assessment["assessment"])
    assert draft == {
        str(q["escalate"].pk): "",
        str(q["channels"].pk): [str(c["listen"].pk)],
        str(q["calm"].pk): "",
    }
    assert _stored_session_size(client) < DRAFT_LIMIT


def test_offered_choices_are_kept_and_anything_else_dropped(client, small_assessment):
    q, c = small_assessment["questions"], small_assessment["choices"]
    post = {
        f"q{q['escalate'].pk}": str(c["listen"].pk),  # another question's choice
        f"q{q['channels'].pk}": [
            str(c["transfer"].pk),
            "abc",
            str(c["listen"].pk),
            "99999999",
            str(c["transfer"].pk),
        ],
        f"q{q['calm'].pk}": "4",
        "action": "back",
    }

    client.post(_take_url(2), post)

    assert _draft(client, small_assessment["assessment"]) == {
        str(q["escalate"].pk): "",
        str(q["channels"].pk): [str(c["transfer"].pk), str(c["listen"].pk)],
        str(q["calm"].pk): "4",
    }


def test_a_typed_number_is_kept_as_typed_up_to_the_cap(client, small_assessment):
    q, c = small_assessment["questions"], small_assessment["choices"]
    typing = f"q{q['typing'].pk}"
    assessment = small_assessment["assessment"]
    longest = "9" * MAX_TYPED_LENGTH

    client.post(_take_url(1), {typing: "fast", "action": "back"})
    assert _draft(client, assessment)[str(q["typing"].pk)] == "fast"
    client.post(_take_url(1), {typing: longest, "action": "back"})
    assert _draft(client, assessment)[str(q["typing"].pk)] == longest
    client.post(_take_url(1), {typing: longest + "9", "action": "back"})
    assert _draft(client, assessment)[str(q["typing"].pk)] == ""

    # Kept but invalid: checked, with its message, when the person moves on.
    client.post(_take_url(1), {typing: longest, "action": "back"})
    post = {f"q{q['crm'].pk}": c["once"].pk, typing: longest, "action": "next"}
    response = client.post(_take_url(1), post)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter a whole number from 0 to 200 words per minute." in page
    assert f'value="{longest}"' in page


def _worst_post(question: Question) -> dict:
    """The largest answer a question keeps, among the junk a post could hold."""
    name = f"q{question.pk}"
    if question.kind == Question.Kind.NUMBER:
        return {name: "9" * MAX_TYPED_LENGTH}
    offered = [str(choice.pk) for choice in question.choices.all()]
    if question.kind == Question.Kind.MULTIPLE:
        return {name: [*offered, *(_junk(300) for _ in range(100))]}
    if question.kind == Question.Kind.RATING:
        return {name: "5"}
    return {name: offered[-1]}


@pytest.mark.parametrize(
    "slug", ["customer-service-clerk-readiness", "customer-service-clerk-skills-gap"]
)
def test_a_full_draft_of_each_shipped_assessment_stays_under_16_kb(client, slug):
    load_careers()
    load_assessments()
    assessment = Assessment.objects.get(slug=slug)
    sections = list(assessment.sections.prefetch_related("questions__choices"))

    for number, section in enumerate(sections, start=1):
        post = {"action": "back"}
        for question in section.questions.all():
            post |= _worst_post(question)
        client.post(_take_url(number, slug), post)

    draft = _draft(client, assessment)
    assert len(draft) == sum(section.questions.count() for section in sections)
    assert len(json.dumps(client.session[f"assessment_draft:{assessment.pk}"])) < (
        DRAFT_LIMIT
    )
