import shutil
import tomllib
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from careers.loader import CHILD_LISTS, CONTENT_DIR, load_careers
from careers.models import FAQ, Career, RelatedCareer
from core.content import ContentError
from tests.factories import AssessmentFactory, CareerFactory

CHILD_MODELS = [model for _, model, _ in CHILD_LISTS] + [RelatedCareer]


def shipped(slug="customer-service-clerk"):
    return tomllib.loads((CONTENT_DIR / f"{slug}.toml").read_text())


def snapshot():
    """Every guide row and child row, as plain values, to compare two loads."""
    rows = {"careers": list(Career.objects.order_by("pk").values())}
    for model in CHILD_MODELS:
        rows[model.__name__] = list(model.objects.order_by("pk").values())
    return rows


@pytest.fixture
def content_dir(tmp_path):
    """A copy of the shipped content that a test may change."""
    directory = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, directory)
    return directory


def test_loads_every_shipped_guide_and_list(clerk_guide):
    document = shipped()
    assert clerk_guide.is_published
    # BLS OEWS May 2025 and the 2024-34 projections for 43-4051.
    assert clerk_guide.median_salary == 44_770
    assert (clerk_guide.salary_low, clerk_guide.salary_high) == (31_750, 63_590)
    assert clerk_guide.growth_percent == Decimal("-5.5")
    assert clerk_guide.annual_openings == 341_700
    assert clerk_guide.salary_as_of == date(2025, 5, 1)
    assert [i.industry.name for i in clerk_guide.industries.all()] == [
        "Retail Trade",
        "Healthcare and Social Assistance",
        "Finance and Insurance",
        "Administrative and Support Services",
    ]
    counts = {
        "responsibilities": clerk_guide.responsibilities.count(),
        "skills": clerk_guide.skills.count(),
        "education_options": clerk_guide.education_options.count(),
        "steps": clerk_guide.steps.count(),
        "salary_levels": clerk_guide.salary_levels.count(),
        "path_levels": clerk_guide.path_levels.count(),
        "pros": clerk_guide.pros.count(),
        "cons": clerk_guide.cons.count(),
        "faqs": clerk_guide.faqs.count(),
        "sections": clerk_guide.sections.count(),
        "related": clerk_guide.related_links.count(),
    }
    assert counts == {key: len(document.get(key, [])) for key in counts}
    assert counts["steps"] == 6
    assert counts["salary_levels"] == counts["path_levels"] == 7
    # Related careers come from the occupation's related list, not the file.
    assert counts["related"] == 0


def test_the_clerk_is_the_only_shipped_guide(clerk_guide):
    assert list(Career.objects.values_list("slug", flat=True)) == [
        "customer-service-clerk"
    ]


def test_a_second_run_changes_nothing(clerk_guide):
    before = snapshot()

    report = load_careers()

    assert report.created == report.updated == []
    assert "customer-service-clerk" in report.unchanged
    assert snapshot() == before


def test_a_staff_edit_survives_a_reload_even_when_the_file_changed(
    clerk_guide, content_dir
):
    clerk_guide.summary = "Edited by staff in the admin."
    clerk_guide.save()
    faq = clerk_guide.faqs.first()
    faq.delete()
    guide_file = content_dir / "customer-service-clerk.toml"
    guide_file.write_text(
        guide_file.read_text().replace("median = 44770", "median = 45000", 1)
    )

    report = load_careers(content_dir=content_dir)

    clerk_guide.refresh_from_db()
    assert report.kept_staff_edits == ["customer-service-clerk"]
    assert clerk_guide.summary == "Edited by staff in the admin."
    assert clerk_guide.median_salary == 44_770
    assert not FAQ.objects.filter(pk=faq.pk).exists()
    assert clerk_guide.faqs.count() == len(shipped()["faqs"]) - 1


def test_an_untouched_guide_takes_the_new_shipped_content(clerk_guide, content_dir):
    guide_file = content_dir / "customer-service-clerk.toml"
    guide_file.write_text(
        guide_file.read_text().replace("median = 44770", "median = 45000", 1)
    )

    report = load_careers(content_dir=content_dir)

    clerk_guide.refresh_from_db()
    assert report.updated == ["customer-service-clerk"]
    assert clerk_guide.median_salary == 45_000
    assert clerk_guide.faqs.count() == len(shipped()["faqs"])


def test_a_staff_edit_to_a_shared_skill_survives_a_reload(clerk_guide, content_dir):
    career_skill = clerk_guide.skills.select_related("skill").first()
    career_skill.skill.description = "Staff wording."
    career_skill.skill.save()
    guide_file = content_dir / "customer-service-clerk.toml"
    guide_file.write_text(
        guide_file.read_text().replace("median = 44770", "median = 45000")
    )

    load_careers(content_dir=content_dir)

    career_skill.skill.refresh_from_db()
    assert career_skill.skill.description == "Staff wording."


def with_related(content_dir, *slugs):
    """Give the clerk's file a related list (it ships without one)."""
    guide_file = content_dir / "customer-service-clerk.toml"
    text = guide_file.read_text()
    related = f"related = {list(slugs)!r}\n".replace("'", '"')
    guide_file.write_text(text.replace("\n[salary]", f"{related}\n[salary]", 1))


DRAFT = """slug = "old-draft"
title = "Old Draft"
status = "draft"
summary = "A guide that is no longer shipped."
"""


def test_an_unknown_related_career_is_refused_with_the_file_name(content_dir, db):
    with_related(content_dir, "no-such-guide")

    with pytest.raises(
        ContentError, match=r"customer-service-clerk\.toml.*no-such-guide"
    ):
        load_careers(content_dir=content_dir)

    assert not Career.objects.exists()  # all or nothing


def test_a_dropped_related_list_removes_the_guide_s_related_links(content_dir, db):
    # Published, so it stays when its file goes: only the list removes the link.
    (content_dir / "old-draft.toml").write_text(DRAFT.replace('"draft"', '"published"'))
    with_related(content_dir, "old-draft")
    load_careers(content_dir=content_dir)
    clerk = Career.objects.get(slug="customer-service-clerk")
    assert clerk.related_links.count() == 1

    load_careers()  # the shipped files: no related list, no old-draft.toml

    assert clerk.related_links.count() == 0
    assert Career.objects.filter(slug="old-draft").exists()


def test_a_draft_whose_file_was_removed_goes_on_the_next_load(content_dir, db):
    (content_dir / "old-draft.toml").write_text(DRAFT)
    load_careers(content_dir=content_dir)
    (content_dir / "old-draft.toml").unlink()

    report = load_careers(content_dir=content_dir)

    assert report.removed == ["old-draft"]
    assert not Career.objects.filter(slug="old-draft").exists()
    assert "Removed: old-draft" in report.summary()


def test_a_removed_file_s_draft_stays_when_staff_edited_it_or_it_is_in_use(
    content_dir, db
):
    (content_dir / "old-draft.toml").write_text(DRAFT)
    (content_dir / "used-draft.toml").write_text(
        DRAFT.replace("old-draft", "used-draft")
    )
    load_careers(content_dir=content_dir)
    edited = Career.objects.get(slug="old-draft")
    edited.summary = "Staff are still working on this."
    edited.save()
    AssessmentFactory(career=Career.objects.get(slug="used-draft"))
    staff_made = CareerFactory(slug="staff-made", status=Career.Status.DRAFT)
    (content_dir / "old-draft.toml").unlink()
    (content_dir / "used-draft.toml").unlink()

    report = load_careers(content_dir=content_dir)

    assert report.removed == []
    assert set(
        Career.objects.filter(
            slug__in=["old-draft", "used-draft", staff_made.slug]
        ).values_list("slug", flat=True)
    ) == {"old-draft", "used-draft", "staff-made"}


def test_a_broken_file_is_refused_with_its_name(content_dir, db):
    (content_dir / "broken.toml").write_text('title = "unterminated')

    with pytest.raises(ContentError, match=r"broken\.toml"):
        load_careers(content_dir=content_dir)


def test_the_command_reports_what_it_did(db, capsys):
    call_command("load_careers")
    call_command("load_careers")

    output = capsys.readouterr().out
    assert "Created: " in output
    assert "Unchanged: " in output
    assert "customer-service-clerk" in output
