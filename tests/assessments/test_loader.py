import re
import shutil
import tomllib

import pytest
from django.core.management import call_command

from assessments.loader import CONTENT_DIR, load_assessments
from assessments.models import Assessment, Choice, Question, Recommendation, Section
from assessments.skills_gap import build_skills_gap
from careers.loader import load_careers
from careers.models import Skill
from core.content import ContentError
from tests.factories import AssessmentFactory, CareerFactory, CareerSkillFactory

READINESS = "customer-service-clerk-readiness"
SKILLS_GAP = "customer-service-clerk-skills-gap"
ROW_MODELS = [Assessment, Section, Question, Choice, Recommendation]


def snapshot():
    """Every assessment row and child row, as plain values, to compare two loads."""
    return {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in ROW_MODELS
    }


@pytest.fixture
def guide(db):
    """The shipped Customer Service Clerk guide, which the assessments belong to."""
    load_careers()
    from careers.models import Career

    return Career.objects.get(slug="customer-service-clerk")


@pytest.fixture
def loaded(guide):
    load_assessments()
    return {a.slug: a for a in Assessment.objects.all()}


@pytest.fixture
def content_dir(tmp_path):
    """A copy of the shipped content that a test may change."""
    directory = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, directory)
    return directory


def edit(content_dir, slug, old, new):
    path = content_dir / f"{slug}.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_loads_both_published_assessments_of_the_clerk_guide(loaded, guide):
    assert set(loaded) == {READINESS, SKILLS_GAP}
    assert all(a.is_published and a.career == guide for a in loaded.values())
    assert loaded[READINESS].kind == Assessment.Kind.READINESS
    assert loaded[SKILLS_GAP].kind == Assessment.Kind.SKILLS_GAP
    assert all(a.loaded_at == a.updated_at and a.loaded_digest for a in loaded.values())


def test_a_second_run_changes_nothing(loaded):
    before = snapshot()

    report = load_assessments()

    assert report.created == report.updated == report.kept_staff_edits == []
    assert sorted(report.unchanged) == [READINESS, SKILLS_GAP]
    assert snapshot() == before


def test_an_untouched_assessment_takes_the_changed_file(loaded, content_dir):
    edit(content_dir, READINESS, "estimated_minutes = 10", "estimated_minutes = 12")
    edit(content_dir, READINESS, "target = 45", "target = 50")

    report = load_assessments(content_dir=content_dir)

    assessment = Assessment.objects.get(slug=READINESS)
    assert report.updated == [READINESS]
    assert report.unchanged == [SKILLS_GAP]
    assert assessment.estimated_minutes == 12
    typing = Question.objects.get(
        section__assessment=assessment, kind=Question.Kind.NUMBER
    )
    assert typing.target_value == 50
    # The file's content replaced the old rows instead of adding to them.
    assert Question.objects.filter(section__assessment=assessment).count() == 20
    assert load_assessments(content_dir=content_dir).unchanged == [
        READINESS,
        SKILLS_GAP,
    ]


def test_a_staff_edit_survives_a_reload_even_when_the_file_changed(loaded, content_dir):
    assessment = loaded[READINESS]
    assessment.title = "Edited by staff"
    assessment.save()
    question = Question.objects.filter(section__assessment=assessment).first()
    question.delete()
    edit(content_dir, READINESS, "estimated_minutes = 10", "estimated_minutes = 12")

    report = load_assessments(content_dir=content_dir)

    assessment.refresh_from_db()
    assert report.kept_staff_edits == [READINESS]
    assert assessment.title == "Edited by staff"
    assert assessment.estimated_minutes == 10
    assert not Question.objects.filter(pk=question.pk).exists()
    assert Question.objects.filter(section__assessment=assessment).count() == 19


def test_a_change_to_the_guides_skills_refreshes_an_untouched_skills_gap(loaded, guide):
    career_skill = guide.skills.get(skill__name="Microsoft Office")
    career_skill.importance = 5
    career_skill.save()

    report = load_assessments()

    assert report.updated == [SKILLS_GAP]
    question = Question.objects.get(
        section__assessment__slug=SKILLS_GAP, skill=career_skill.skill
    )
    assert question.required_level == question.weight == 5


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("target = 45", "target = 250", "target_value"),
        ('kind = "rating"', 'kind = "slider"', "kind"),
        ('guide_anchor = "becoming"', 'guide_anchor = "nowhere"', "guide_anchor"),
        ('question = "crm"', 'question = "no-such-key"', "question"),
        ("weight = 3", "weight = 0", "weight"),
        ('career = "customer-service-clerk"', 'career = "astronaut"', "career"),
        ("estimated_minutes = 10", "estimated_mins = 10", "estimated_mins"),
    ],
)
def test_bad_content_is_refused_with_the_file_and_field_and_nothing_is_written(
    guide, content_dir, old, new, field
):
    edit(content_dir, READINESS, old, new)

    with pytest.raises(ContentError) as error:
        load_assessments(content_dir=content_dir)

    assert f"{READINESS}.toml" in str(error.value)
    assert field in str(error.value)
    for model in ROW_MODELS:  # all or nothing, even for the valid skills gap file
        assert not model.objects.exists()


def test_bad_skill_advice_names_the_skill(guide, content_dir):
    edit(
        content_dir,
        SKILLS_GAP,
        '[skill_advice."Typing speed"]',
        '[skill_advice."Juggling"]',
    )

    with pytest.raises(ContentError, match=rf"{SKILLS_GAP}\.toml.*Juggling"):
        load_assessments(content_dir=content_dir)


def test_a_broken_file_is_refused_with_its_name(guide, content_dir):
    (content_dir / "broken.toml").write_text('title = "unterminated')

    with pytest.raises(ContentError, match=r"broken\.toml"):
        load_assessments(content_dir=content_dir)


def test_the_skills_gap_rates_every_guide_skill_technical_then_soft(loaded, guide):
    assessment = loaded[SKILLS_GAP]
    sections = list(assessment.sections.all())
    assert [s.title for s in sections] == ["Technical skills", "Soft skills"]
    questions = list(
        Question.objects.filter(section__assessment=assessment).select_related(
            "skill", "section"
        )
    )
    guide_skills = {cs.skill_id: cs for cs in guide.skills.select_related("skill")}
    assert len(questions) == len(guide_skills) == 16
    assert {q.skill_id for q in questions} == set(guide_skills)
    kinds = [q.skill.kind for q in questions]
    assert kinds == sorted(kinds, key=[Skill.Kind.TECHNICAL, Skill.Kind.SOFT].index)
    for question in questions:
        importance = guide_skills[question.skill_id].importance
        assert question.kind == Question.Kind.RATING
        assert question.required_level == question.weight == importance
        assert question.help_text == question.skill.description
        assert question.low_label
        assert question.high_label
        assert question.recommendations.get().below_score == 100
    for section in sections:
        assert section.recommendations.filter(question__isnull=True).count() == 1
    typing = next(q for q in questions if q.skill.name == "Typing speed")
    assert typing.recommendations.get().guide_anchor == "tools-and-technologies"


def test_regenerating_follows_the_guide_and_keeps_ids_and_staff_advice(db):
    career = CareerFactory()
    kept = CareerSkillFactory(career=career, importance=2)
    dropped = CareerSkillFactory(career=career, importance=4)
    assessment = AssessmentFactory(career=career, kind=Assessment.Kind.SKILLS_GAP)
    build_skills_gap(assessment, career)
    question = Question.objects.get(skill=kept.skill)
    rule = question.recommendations.get()
    rule.advice = "Staff wrote this."
    rule.save()
    kept.importance = 5
    kept.save()
    dropped.delete()
    added = CareerSkillFactory(career=career, skill__kind=Skill.Kind.SOFT, importance=3)

    build_skills_gap(assessment, career)

    questions = list(Question.objects.filter(section__assessment=assessment))
    assert {q.skill_id for q in questions} == {kept.skill_id, added.skill_id}
    question.refresh_from_db()
    assert question.required_level == question.weight == 5
    assert question.recommendations.get().advice == "Staff wrote this."
    assert [s.title for s in assessment.sections.all()] == [
        "Technical skills",
        "Soft skills",
    ]
    assert Recommendation.objects.filter(section__assessment=assessment).count() == 4


def test_the_readiness_assessment_uses_every_kind_and_the_typing_bar(loaded):
    assessment = loaded[READINESS]
    questions = Question.objects.filter(section__assessment=assessment)
    assert 15 <= questions.count() <= 25
    assert {q.kind for q in questions} == set(Question.Kind.values)
    typing = questions.get(kind=Question.Kind.NUMBER)
    assert (typing.min_value, typing.max_value, typing.target_value) == (0, 200, 45)
    assert typing.unit == "words per minute"
    assert typing.recommendations.get().guide_anchor == "tools-and-technologies"
    for question in questions.filter(kind=Question.Kind.YES_NO):
        assert [(c.label, c.points) for c in question.choices.all()] == [
            ("Yes", 1),
            ("No", 0),
        ]
    scenarios = assessment.sections.get(title="Judgement scenarios")
    assert scenarios.weight == max(s.weight for s in assessment.sections.all())
    for question in scenarios.questions.all():
        points = sorted(c.points for c in question.choices.all())
        assert points[-1] > points[-2] > 0 == points[0]  # one best, one partly right
    every_section_has_advice = all(
        s.recommendations.filter(question__isnull=True).exists()
        for s in assessment.sections.all()
    )
    assert every_section_has_advice


def test_every_recommendation_links_to_a_place_that_exists(loaded, client, guide):
    page = client.get(guide.get_absolute_url()).content.decode()
    anchors = set(re.findall(r'id="([^"]+)"', page))
    rules = Recommendation.objects.all()
    assert rules.count() > 20
    for rule in rules:
        assert rule.guide_anchor or rule.link_url, rule.title
        if rule.guide_anchor:
            assert rule.guide_anchor in anchors, rule.title
        if rule.link_url:
            assert client.get(rule.link_url).status_code in (200, 302), rule.link_url


def test_the_shipped_files_have_no_duplicated_advice():
    texts = []
    for path in CONTENT_DIR.glob("*.toml"):
        document = tomllib.loads(path.read_text())
        texts += [
            entry["advice"] for entry in document.get("skill_advice", {}).values()
        ]
        for section in document.get("sections", []):
            texts += [rule["advice"] for rule in section.get("recommendations", [])]
    assert len(texts) == len(set(texts)) >= 30


def test_the_command_reports_what_it_did(guide, capsys):
    call_command("load_assessments")
    call_command("load_assessments")

    output = capsys.readouterr().out
    assert f"Created: {READINESS}, {SKILLS_GAP}" in output
    assert f"Unchanged: {READINESS}, {SKILLS_GAP}" in output
