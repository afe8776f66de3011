"""Take each shipped assessment end to end with the test client, including a
validation error and Back/Next, and check the result against a hand-worked score."""

import pytest
from django.urls import reverse

from assessments.loader import load_assessments
from assessments.models import Assessment, Question, Result
from careers.loader import load_careers

pytestmark = pytest.mark.django_db

READINESS = "customer-service-clerk-readiness"
SKILLS_GAP = "customer-service-clerk-skills-gap"


@pytest.fixture
def shipped(db):
    load_careers()
    load_assessments()


def _choice(question, label_start):
    return next(c.pk for c in question.choices.all() if c.label.startswith(label_start))


def _best(question):
    return max(question.choices.all(), key=lambda c: c.points).pk


def _post_value(question, planned):
    """The form value for a planned answer: a label prefix, a list of label
    prefixes, a number or a rating; None means the best choice."""
    if question.kind == Question.Kind.MULTIPLE:
        return [_choice(question, label) for label in planned]
    if question.kind in (Question.Kind.SINGLE, Question.Kind.YES_NO):
        return _best(question) if planned is None else _choice(question, planned)
    return str(planned)


def _posts(assessment, plan):
    posts = []
    for section in assessment.sections.prefetch_related("questions__choices"):
        planned = plan.get(section.title, {})
        post = {}
        for position, question in enumerate(section.questions.all()):
            value = planned.get(position)
            if value is None and question.kind == Question.Kind.RATING:
                value = 5
            post[f"q{question.pk}"] = _post_value(question, value)
        posts.append(post)
    return posts


# Hand-worked: sections and weights are Education 1, Experience 2, Tools 2,
# Channels 2, Judgement scenarios 3, Availability 1 (11 parts).
READINESS_PLAN = {
    # Diploma 3/4 and no training 0/3: (0.75 + 0) / 2 = 37.5
    "Education": {0: "High school diploma", 1: "No, not yet"},
    # 6-12 months 2/4 (weight 2), a store 2/8, records yes 1:
    # (0.5 x 2 + 0.25 + 1) / 4 = 56.25
    "Experience": {0: "6 to 12 months", 1: ["A store"], 2: "Yes"},
    # CRM no 0, office 3 of required 4 → 2/3, typing 30/45 (weight 2), payments
    # yes 1: (0 + 0.667 + 0.667 x 2 + 1) / 5 = 60
    "Tools": {0: "No", 1: 3, 2: 30, 3: "Yes"},
    # Phone 5 → 1, email 3 → 0.5, chat 1 → 0: 50
    "Channels": {0: 5, 1: 3, 2: 1},
    # Every best answer: 100. Availability: any shift, weekends yes, holidays
    # no: 66.7. Overall (37.5 + 112.5 + 120 + 100 + 300 + 66.7) / 11 = 66.97.
    "Availability": {1: "Yes", 2: "No"},
}


def test_the_readiness_assessment_end_to_end(client, shipped):
    assessment = Assessment.objects.get(slug=READINESS)
    posts = _posts(assessment, READINESS_PLAN)
    take = [
        reverse("assessments:take", args=[READINESS, n])
        for n in range(1, len(posts) + 1)
    ]
    tools = 2

    # A typing speed out of range is refused at the field and kept.
    for number in range(tools):
        client.post(take[number], {**posts[number], "action": "next"})
    typing_field = next(name for name in posts[tools] if posts[tools][name] == "30")
    bad = client.post(take[tools], {**posts[tools], typing_field: "900"})
    assert (
        "Enter a whole number from 0 to 200 words per minute." in bad.content.decode()
    )
    assert 'value="900"' in bad.content.decode()
    # Back keeps what was typed; Next with a fixed value moves on.
    client.post(take[tools], {**posts[tools], typing_field: "30", "action": "back"})
    assert 'value="30"' in client.get(take[tools]).content.decode()

    for number in range(tools, len(posts)):
        response = client.post(take[number], {**posts[number], "action": "next"})
    result = Result.objects.get()
    assert response["Location"] == result.get_absolute_url()
    assert result.overall_score == 67
    assert result.band == "ready"
    assert {s["title"]: s["score"] for s in result.section_scores} == {
        "Education": 38,
        "Experience": 56,
        "Tools": 60,
        "Channels": 50,
        "Judgement scenarios": 100,
        "Availability": 67,
    }
    page = client.get(response["Location"]).content.decode()
    assert '<span class="result__number">67</span>' in page
    assert '<p class="band band--ready">Ready</p>' in page
    assert "Tools: 60 out of 100" in page
    # The biggest lift comes first: Channels could gain (100 - 50) x 2/11 = 9.1
    # points overall, more than Experience (43.75 x 2/11 = 8.0) or Tools (7.3).
    first = result.recommendations[0]
    assert (first["title"], first["lift"]) == (
        "Practice every channel, not just your favorite",
        9.1,
    )
    lifts = [item["lift"] for item in result.recommendations]
    assert lifts == sorted(lifts, reverse=True)


def test_the_skills_gap_analysis_end_to_end(client, shipped):
    assessment = Assessment.objects.get(slug=SKILLS_GAP)
    # Rate every skill 3. A skill of importance i asks for level i and earns
    # (min(3, i) - 1) / (i - 1); weights are the importances too.
    posts = _posts(assessment, {})
    posts = [dict.fromkeys(post, "3") for post in posts]
    take = [
        reverse("assessments:take", args=[SKILLS_GAP, n])
        for n in range(1, len(posts) + 1)
    ]
    for number, post in enumerate(posts):
        response = client.post(take[number], {**post, "action": "next"})

    result = Result.objects.get()
    skills = [
        q.required_level
        for section in assessment.sections.all()
        for q in section.questions.all()
    ]
    by_kind = {}
    for section in assessment.sections.prefetch_related("questions"):
        levels = [q.required_level for q in section.questions.all()]
        earned = sum(i * (min(3, i) - 1) / (i - 1) for i in levels)
        by_kind[section.title] = round(100 * earned / sum(levels))
    assert {s["title"]: s["score"] for s in result.section_scores} == by_kind
    assert len(skills) == 16
    # The biggest gaps (level 5 skills rated 3) come first, then level 4.
    assert [gap["size"] for gap in result.gaps][:1] == [2.0]
    sizes = [gap["size"] for gap in result.gaps]
    assert sizes == sorted(sizes, reverse=True)
    page = client.get(response["Location"]).content.decode()
    assert "Your biggest skill gaps" in page
    assert "You rated yourself 3 of 5; the job asks for 5" in page
