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


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "tracker.Offer"

    application = factory.SubFactory(ApplicationFactory, status="offer")
    base_pay = Decimal("48000")
    pay_period = "year"
    currency = "USD"


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


def pdf_with_text(pages: list[list[str]]) -> bytes:
    """A minimal, valid PDF: each page shows its lines in Helvetica."""

    def escaped(line: str) -> str:
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    count = len(pages)
    # Objects: 1 catalogue, 2 page tree, 3 font, then a page and its content each.
    kids = " ".join(f"{4 + 2 * n} 0 R" for n in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
    ]
    for n, lines in enumerate(pages):
        shown = " T* ".join(f"({escaped(line)}) Tj" for line in lines)
        stream = f"BT /F1 11 Tf 14 TL 72 740 Td {shown} ET".encode("cp1252")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * n)
        )
        objects.append(
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def docx_with_text(paragraphs: list[str]) -> bytes:
    """A minimal Word document: word/document.xml with one run per paragraph."""
    import io
    import zipfile
    from xml.sax.saxutils import escape

    namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(
        f"<w:p><w:r><w:t xml:space='preserve'>{escape(text)}</w:t></w:r></w:p>"
        for text in paragraphs
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{namespace}"><w:body>{body}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.'
            'wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()
