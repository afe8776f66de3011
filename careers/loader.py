"""Loading the guides that ship in careers/content/ into the database."""

from datetime import date
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.db.models import F, ProtectedError
from django.utils.text import slugify

from careers.models import (
    FAQ,
    Career,
    CareerIndustry,
    CareerSkill,
    Con,
    EducationOption,
    GuideSection,
    Industry,
    PathLevel,
    Pro,
    RelatedCareer,
    Responsibility,
    SalaryLevel,
    Skill,
    Step,
)
from core.content import (
    ContentError,
    LoadReport,
    content_digest,
    is_untouched_since_loaded,
    read_content,
)
from core.pagecache import pages_changed

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def guides_changed() -> None:
    """Staff or the loader changed published content: retire the cached pages
    anonymous visitors see, once the change commits."""
    pages_changed()


def _as_date(value) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _career_fields(document: dict) -> dict:
    salary = document.get("salary", {})
    outlook = document.get("outlook", {})
    growth = outlook.get("growth_percent")
    return {
        "title": document["title"],
        "status": document.get("status", Career.Status.DRAFT),
        "summary": document["summary"],
        "overview": document.get("overview", ""),
        "soc_code": document.get("soc_code", ""),
        "typical_education": document.get("typical_education", ""),
        "education_note": document.get("education_note", ""),
        "currency": salary.get("currency", "USD"),
        "median_salary": salary.get("median"),
        "salary_low": salary.get("low"),
        "salary_high": salary.get("high"),
        "salary_source": salary.get("source", ""),
        "salary_as_of": _as_date(salary.get("as_of")),
        "salary_note": salary.get("note", ""),
        "growth_percent": None if growth is None else Decimal(str(growth)),
        "growth_label": outlook.get("growth_label", ""),
        "annual_openings": outlook.get("annual_openings"),
    }


def _industry_fields(name: str) -> dict:
    industry, _ = Industry.objects.get_or_create(
        name=name, defaults={"slug": slugify(name)}
    )
    return {"industry": industry}


def _skill_fields(item: dict) -> dict:
    # A shared skill keeps whatever staff wrote about it.
    skill, _ = Skill.objects.get_or_create(
        name=item["name"],
        defaults={"kind": item["kind"], "description": item.get("description", "")},
    )
    return {"skill": skill, "importance": item["importance"]}


def _path_level_fields(item: dict) -> dict:
    return {**item, "focus_areas": "\n".join(item.get("focus_areas", []))}


# Each ordered list in a content file: its key, its model, and how one entry of the
# file becomes that model's fields.
CHILD_LISTS = [
    ("industries", CareerIndustry, _industry_fields),
    ("responsibilities", Responsibility, lambda text: {"text": text}),
    ("skills", CareerSkill, _skill_fields),
    ("education_options", EducationOption, dict),
    ("steps", Step, dict),
    ("salary_levels", SalaryLevel, dict),
    ("path_levels", PathLevel, _path_level_fields),
    ("pros", Pro, dict),
    ("cons", Con, dict),
    ("faqs", FAQ, dict),
    ("sections", GuideSection, dict),
]


def _write_children(career: Career, document: dict) -> None:
    """Replace every ordered list of the guide with the file's, numbered from 1."""
    for key, model, fields in CHILD_LISTS:
        model.objects.filter(career=career).delete()
        model.objects.bulk_create(
            model(career=career, order=order, **fields(entry))
            for order, entry in enumerate(document.get(key, []), start=1)
        )


def _write_related(career: Career, slugs: list[str], file_name: str) -> None:
    related = {c.slug: c for c in Career.objects.filter(slug__in=slugs)}
    missing = [slug for slug in slugs if slug not in related]
    if missing:
        raise ContentError(
            f"{file_name}: related careers not found: {', '.join(missing)}"
        )
    RelatedCareer.objects.filter(career=career).delete()
    RelatedCareer.objects.bulk_create(
        RelatedCareer(career=career, related=related[slug], order=order)
        for order, slug in enumerate(slugs, start=1)
    )


def _save_career(career: Career, document: dict, digest: str) -> None:
    for name, value in _career_fields(document).items():
        setattr(career, name, value)
    try:
        career.full_clean(exclude=["slug"] if career.pk else None)
    except Exception as error:
        raise ContentError(f"{document['_file']}: {error}") from error
    career.save()
    _write_children(career, document)
    Career.objects.filter(pk=career.pk).update(
        loaded_digest=digest, loaded_at=F("updated_at")
    )


def _remove_dropped_drafts(kept_slugs: set[str], report: LoadReport) -> None:
    """Delete the drafts whose content file is gone, if nobody edited them since
    the last load and nothing else still needs them (an assessment)."""
    dropped = (
        Career.objects.filter(
            source=Career.Source.EDITORIAL, status=Career.Status.DRAFT
        )
        .exclude(loaded_digest="")
        .exclude(slug__in=kept_slugs)
    )
    for career in dropped:
        if not is_untouched_since_loaded(career):
            continue
        try:
            with transaction.atomic():
                career.delete()
        except ProtectedError:
            continue
        report.removed.append(career.slug)


@transaction.atomic
def load_careers(*, content_dir: Path = CONTENT_DIR) -> LoadReport:
    """Load the shipped guides, never overwriting or deleting what staff changed.

    A guide is created when missing and refreshed when its file changed and nobody
    has saved it in the admin since the last load; otherwise it is left alone. A
    draft whose file was removed goes too, on the same condition.
    """
    report = LoadReport()
    written = []
    documents = read_content(content_dir)
    for document in documents:
        digest = content_digest(document)
        career = Career.objects.filter(slug=document["slug"]).first()
        if career is None:
            career = Career(slug=document["slug"])
            _save_career(career, document, digest)
            report.created.append(career.slug)
        elif career.loaded_digest == digest:
            report.unchanged.append(career.slug)
            continue
        elif is_untouched_since_loaded(career):
            _save_career(career, document, digest)
            report.updated.append(career.slug)
        else:
            report.kept_staff_edits.append(career.slug)
            continue
        written.append((career, document))
    for career, document in written:
        _write_related(career, document.get("related", []), document["_file"])
    _remove_dropped_drafts({document["slug"] for document in documents}, report)
    if written or report.removed:
        guides_changed()
    return report
