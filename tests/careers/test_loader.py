import shutil
import tomllib

import pytest
from django.core.management import call_command

from careers.loader import CHILD_LISTS, CONTENT_DIR, load_careers
from careers.models import FAQ, Career, RelatedCareer
from core.content import ContentError

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
    assert clerk_guide.median_salary == 38_400
    assert (clerk_guide.salary_low, clerk_guide.salary_high) == (29_000, 55_000)
    assert clerk_guide.growth_percent == 4
    assert clerk_guide.annual_openings == 348_600
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
    assert counts == {key: len(document[key]) for key in counts}
    assert counts["steps"] == 6
    assert counts["salary_levels"] == counts["path_levels"] == 7
    assert counts["related"] == 5


def test_related_careers_exist_and_unfinished_ones_are_drafts(clerk_guide):
    related = [link.related for link in clerk_guide.related_links.all()]
    assert [career.title for career in related] == [
        "Customer Service",
        "Customer Service Assistant",
        "Customer Service Associate",
        "Customer Service Representative",
        "Customer Service Correspondence Clerk",
    ]
    assert all(career.status == Career.Status.DRAFT for career in related)


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
        guide_file.read_text().replace("median = 38400", "median = 39000", 1)
    )

    report = load_careers(content_dir=content_dir)

    clerk_guide.refresh_from_db()
    assert report.kept_staff_edits == ["customer-service-clerk"]
    assert clerk_guide.summary == "Edited by staff in the admin."
    assert clerk_guide.median_salary == 38_400
    assert not FAQ.objects.filter(pk=faq.pk).exists()
    assert clerk_guide.faqs.count() == len(shipped()["faqs"]) - 1


def test_an_untouched_guide_takes_the_new_shipped_content(clerk_guide, content_dir):
    guide_file = content_dir / "customer-service-clerk.toml"
    guide_file.write_text(
        guide_file.read_text().replace("median = 38400", "median = 39000", 1)
    )

    report = load_careers(content_dir=content_dir)

    clerk_guide.refresh_from_db()
    assert report.updated == ["customer-service-clerk"]
    assert clerk_guide.median_salary == 39_000
    assert clerk_guide.faqs.count() == len(shipped()["faqs"])
    assert clerk_guide.related_links.count() == 5


def test_a_staff_edit_to_a_shared_skill_survives_a_reload(clerk_guide, content_dir):
    career_skill = clerk_guide.skills.select_related("skill").first()
    career_skill.skill.description = "Staff wording."
    career_skill.skill.save()
    guide_file = content_dir / "customer-service-clerk.toml"
    guide_file.write_text(
        guide_file.read_text().replace("median = 38400", "median = 39000")
    )

    load_careers(content_dir=content_dir)

    career_skill.skill.refresh_from_db()
    assert career_skill.skill.description == "Staff wording."


def test_an_unknown_related_career_is_refused_with_the_file_name(content_dir, db):
    (content_dir / "customer-service.toml").unlink()

    with pytest.raises(
        ContentError, match=r"customer-service-clerk\.toml.*customer-service"
    ):
        load_careers(content_dir=content_dir)

    assert not Career.objects.exists()  # all or nothing


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
