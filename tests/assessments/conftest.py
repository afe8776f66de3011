import pytest

from assessments.models import Question
from tests.factories import (
    AssessmentFactory,
    ChoiceFactory,
    QuestionFactory,
    RecommendationFactory,
    SectionFactory,
)


@pytest.fixture
def small_assessment(db):
    """Two sections using every question kind, with a hand-worked score.

    Tools (weight 1): a single choice (best 4, partial 2, none 0) and typing
    speed (0 to 200, full marks at 45). Judgement (weight 2): yes/no, a
    multiple choice (+2, +2, -1) and a self-rating.
    """
    assessment = AssessmentFactory(title="Clerk readiness", slug="clerk-readiness")
    tools = SectionFactory(assessment=assessment, title="Tools", weight=1, order=1)
    judgement = SectionFactory(
        assessment=assessment, title="Judgement", weight=2, order=2
    )
    crm = QuestionFactory(section=tools, prompt="Which CRM have you used?", order=1)
    choices = {
        "daily": ChoiceFactory(question=crm, label="Every day", points=4, order=1),
        "once": ChoiceFactory(question=crm, label="Once or twice", points=2, order=2),
        "never": ChoiceFactory(question=crm, label="Never", points=0, order=3),
    }
    typing = QuestionFactory(
        section=tools,
        prompt="How fast do you type?",
        kind=Question.Kind.NUMBER,
        min_value=0,
        max_value=200,
        target_value=45,
        unit="words per minute",
        order=2,
    )
    escalate = QuestionFactory(
        section=judgement,
        prompt="Would you escalate a refund above your limit?",
        kind=Question.Kind.YES_NO,
        order=1,
    )
    choices["yes"] = ChoiceFactory(question=escalate, label="Yes", points=1, order=1)
    choices["no"] = ChoiceFactory(question=escalate, label="No", points=0, order=2)
    channels = QuestionFactory(
        section=judgement,
        prompt="What do you do first with an angry caller?",
        kind=Question.Kind.MULTIPLE,
        order=2,
    )
    choices["listen"] = ChoiceFactory(
        question=channels, label="Listen to the end", points=2, order=1
    )
    choices["apologise"] = ChoiceFactory(
        question=channels, label="Apologise for the trouble", points=2, order=2
    )
    choices["transfer"] = ChoiceFactory(
        question=channels, label="Transfer them at once", points=-1, order=3
    )
    calm = QuestionFactory(
        section=judgement,
        prompt="How calm do you stay under pressure?",
        kind=Question.Kind.RATING,
        order=3,
    )
    RecommendationFactory(
        section=tools,
        title="Get faster at the keyboard",
        below_score=90,
        guide_anchor="tools-and-technologies",
    )
    RecommendationFactory(
        section=judgement,
        question=escalate,
        title="Learn when to escalate",
        below_score=100,
        guide_anchor="",
        link_url="/careers/",
        link_text="Read the guides",
    )
    return {
        "assessment": assessment,
        "sections": [tools, judgement],
        "questions": {
            "crm": crm,
            "typing": typing,
            "escalate": escalate,
            "channels": channels,
            "calm": calm,
        },
        "choices": choices,
    }


@pytest.fixture
def worked_answers(small_assessment):
    """The posts, section by section, of the hand-worked attempt.

    Tools: once (2/4 = 0.5) and 30 wpm (30/45 = 0.667): (0.5 + 0.667) / 2 = 58.3.
    Judgement: no (0), listen + transfer ((2 - 1) / 4 = 0.25), calm 4 of 5
    ((4 - 1) / 4 = 0.75): (0 + 0.25 + 0.75) / 3 = 33.3.
    Overall: (58.3 * 1 + 33.3 * 2) / 3 = 41.7, so 42: Getting there (40+).
    """
    q, c = small_assessment["questions"], small_assessment["choices"]
    return [
        {f"q{q['crm'].pk}": c["once"].pk, f"q{q['typing'].pk}": "30"},
        {
            f"q{q['escalate'].pk}": c["no"].pk,
            f"q{q['channels'].pk}": [c["listen"].pk, c["transfer"].pk],
            f"q{q['calm'].pk}": "4",
        },
    ]
