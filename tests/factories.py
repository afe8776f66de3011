import copy
import uuid
from datetime import UTC
from decimal import Decimal
from functools import cache

import factory
from django.utils.text import slugify

from accounts.models import User
from assessments.models import (
    Assessment,
    Choice,
    Question,
    Recommendation,
    Result,
    Section,
)
from careers.catalogue.pack import read_pack
from careers.catalogue.records import Reference, normalize_title, occupation_row
from careers.industries import occupation_industries_link
from careers.models import (
    Career,
    CareerIndustry,
    CareerSkill,
    Industry,
    Occupation,
    OccupationGroup,
    OccupationTitle,
    Skill,
)

PASSWORD = "a-long-and-unusual-passphrase-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    name = factory.Faker("name")
    password = factory.django.Password(PASSWORD)


class CareerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Career

    title = factory.Sequence(lambda n: f"Career {n}")
    slug = factory.LazyAttribute(lambda career: slugify(career.title))
    summary = factory.LazyAttribute(lambda career: f"What a {career.title} does.")
    overview = "A paragraph about the work."
    status = Career.Status.PUBLISHED
    median_salary = 40_000
    salary_low = 30_000
    salary_high = 60_000
    growth_percent = Decimal("3.0")
    growth_label = "As fast as average"
    annual_openings = 1_000
    typical_education = Career.Education.HIGH_SCHOOL


@cache
def _pack() -> tuple[dict, Reference]:
    pack = read_pack()
    records = {record["code"]: record for record in pack["occupations"]}
    return records, Reference.from_pack(pack)


def occupation_from_pack(code: str = "43-4051.00", **fields) -> Occupation:
    """Create one occupation from the committed data pack, as the loader would
    (its group and titles too); `fields` override columns, e.g. a smaller
    `facts` to test an absent part."""
    records, reference = _pack()
    # A copy: tests change an occupation's facts, which must not reach the pack.
    row = occupation_row(copy.deepcopy(records[code]), reference)
    group, _ = OccupationGroup.objects.get_or_create(
        code=row.group_code,
        defaults={
            "name": reference.groups[row.group_code],
            "slug": slugify(reference.groups[row.group_code]),
        },
    )
    occupation = Occupation.objects.create(
        code=row.code, group=group, **(row.fields | fields)
    )
    OccupationTitle.objects.bulk_create(
        OccupationTitle(
            occupation=occupation,
            kind=kind,
            title=title,
            normalized=normalize_title(title),
        )
        for kind, title in row.titles
    )
    occupation_industries_link(occupations=[occupation])
    return occupation


def generated_career_for(occupation: Occupation, **fields) -> Career:
    """The generated guide the catalogue loader makes for an occupation."""
    return Career.objects.create(
        title=occupation.title,
        slug=occupation.slug,
        summary=f"A guide to the work of {occupation.title.lower()}.",
        status=Career.Status.PUBLISHED,
        source=Career.Source.GENERATED,
        occupation=occupation,
        **fields,
    )


class IndustryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Industry

    name = factory.Sequence(lambda n: f"Industry {n}")
    slug = factory.LazyAttribute(lambda industry: slugify(industry.name))


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill

    name = factory.Sequence(lambda n: f"Skill {n}")
    kind = Skill.Kind.TECHNICAL
    description = "Used every day."


class CareerIndustryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareerIndustry

    career = factory.SubFactory(CareerFactory)
    industry = factory.SubFactory(IndustryFactory)
    order = 1


class CareerSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareerSkill

    career = factory.SubFactory(CareerFactory)
    skill = factory.SubFactory(SkillFactory)
    importance = 3


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    title = factory.Sequence(lambda n: f"Assessment {n}")
    slug = factory.LazyAttribute(lambda assessment: slugify(assessment.title))
    kind = Assessment.Kind.READINESS
    career = factory.SubFactory(CareerFactory)
    intro = "A few questions about where you stand."
    estimated_minutes = 5
    is_published = True


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    assessment = factory.SubFactory(AssessmentFactory)
    title = factory.Sequence(lambda n: f"Section {n}")
    weight = 1
    order = factory.Sequence(lambda n: n)


class QuestionFactory(factory.django.DjangoModelFactory):
    """A question of any kind; number questions get a 0-100 range aiming at 50.

    Choices are not made here: add them with ChoiceFactory (yes/no questions
    need a "Yes" and a "No" choice too).
    """

    class Meta:
        model = Question

    section = factory.SubFactory(SectionFactory)
    prompt = factory.Sequence(lambda n: f"Question {n}?")
    kind = Question.Kind.SINGLE
    order = factory.Sequence(lambda n: n)
    weight = 1
    low_label = factory.Maybe(
        factory.LazyAttribute(lambda q: q.kind == Question.Kind.RATING),
        yes_declaration="Not at all",
        no_declaration="",
    )
    high_label = factory.Maybe(
        factory.LazyAttribute(lambda q: q.kind == Question.Kind.RATING),
        yes_declaration="Very",
        no_declaration="",
    )
    min_value = factory.Maybe(
        factory.LazyAttribute(lambda q: q.kind == Question.Kind.NUMBER),
        yes_declaration=0,
        no_declaration=None,
    )
    max_value = factory.Maybe(
        factory.LazyAttribute(lambda q: q.kind == Question.Kind.NUMBER),
        yes_declaration=100,
        no_declaration=None,
    )
    target_value = factory.Maybe(
        factory.LazyAttribute(lambda q: q.kind == Question.Kind.NUMBER),
        yes_declaration=50,
        no_declaration=None,
    )


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory)
    label = factory.Sequence(lambda n: f"Choice {n}")
    points = 1
    order = factory.Sequence(lambda n: n)


class RecommendationFactory(factory.django.DjangoModelFactory):
    """A section-level rule; pass question= (of the same section) for a
    question-level one."""

    class Meta:
        model = Recommendation

    section = factory.SubFactory(SectionFactory)
    below_score = 70
    title = factory.Sequence(lambda n: f"Advice {n}")
    advice = "Practise this and come back."
    guide_anchor = "skills"


class ResultFactory(factory.django.DjangoModelFactory):
    """A bare result row; use assessments.services.result_create to score
    real answers."""

    class Meta:
        model = Result

    assessment = factory.SubFactory(AssessmentFactory)
    owner = None
    submission_id = factory.LazyFunction(uuid.uuid4)
    overall_score = 50
    band = "getting_there"
    section_scores = factory.LazyFunction(
        lambda: [{"id": 0, "title": "Section", "weight": 1, "score": 50}]
    )


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A bare row: use tracker.services.application_create when the first
    status change must be recorded too."""

    class Meta:
        model = "tracker.Application"
        skip_postgeneration_save = True

    owner = factory.SubFactory(UserFactory)
    company = factory.Faker("company")
    role_title = factory.Faker("job")


class StatusChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tracker.StatusChange"

    application = factory.SubFactory(ApplicationFactory)
    from_status = ""
    to_status = "saved"


class InterviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tracker.Interview"

    application = factory.SubFactory(ApplicationFactory)
    kind = "interview"
    starts_at = factory.Faker("future_datetime", tzinfo=UTC)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tracker.Contact"

    application = factory.SubFactory(ApplicationFactory)
    name = factory.Faker("name")
    email = factory.Faker("email")


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tracker.Note"

    application = factory.SubFactory(ApplicationFactory)
    body = factory.Faker("sentence")


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tracker.Document"

    owner = factory.SubFactory(UserFactory)
    kind = "resume"
    label = factory.Sequence(lambda n: f"Resume v{n}")
    file = factory.django.FileField(filename="resume.txt", data=b"Plain text resume\n")
    original_name = "resume.txt"
    content_type = "text/plain; charset=utf-8"
    size = 18
