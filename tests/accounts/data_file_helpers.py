"""Helpers for the data file tests: a rich account, the export comparison,
uploading and confirming a file, and counting every table."""

import io
import json
import zipfile
from datetime import UTC, date, datetime
from decimal import Decimal

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.models import SkillRatings
from assessments.skills_match import skill_names
from careers.models import GuideView
from tests.factories import (
    AssessmentFactory,
    CareerFactory,
    ContactFactory,
    DocumentFactory,
    InterviewFactory,
    NoteFactory,
    OfferFactory,
    ResultFactory,
    docx_with_text,
    pdf_with_text,
)
from tracker.document_checks import DOCUMENT_TYPES
from tracker.models import Priority, TrackerProfile
from tracker.services import application_change_status, application_create
from tracker.sharing import (
    calendar_token_regenerate,
    share_link_create,
    share_link_revoke,
)

IMPORT_URL = "/accounts/profile/import/"
ZIP_URL = "/accounts/profile/export.zip"
JSON_URL = "/accounts/profile/export.json"


def rich_account(user):
    """Give `user` one of everything the export holds, with no field left at
    its default or empty, so a field the import dropped shows as a difference."""
    career = CareerFactory(title="Data Analyst", slug="data-analyst")
    user.target_career = career
    user.save()
    GuideView.objects.create(
        user=user, career=career, viewed_at=datetime(2026, 3, 1, 9, tzinfo=UTC)
    )
    pdf = pdf_with_text([["Ada Lovelace"]])
    resume = DocumentFactory(
        owner=user,
        label="Resume v3",
        file=SimpleUploadedFile("cv.pdf", pdf),
        original_name="cv.pdf",
        content_type="application/pdf",
        size=len(pdf),
        text="Ada Lovelace",
        text_read_at=datetime(2026, 3, 2, 10, tzinfo=UTC),
    )
    docx = docx_with_text(["Dear team"])
    letter = DocumentFactory(
        owner=user,
        kind="cover_letter",
        label="Letter",
        file=SimpleUploadedFile("letter.docx", docx),
        original_name="letter.docx",
        content_type=DOCUMENT_TYPES[".docx"],
        size=len(docx),
    )
    DocumentFactory(owner=user, label="Plain")
    application = application_create(
        owner=user,
        company="Acme",
        role_title="Analyst",
        career=career,
        posting_url="https://example.com/jobs/1",
        location="Columbus",
        work_mode="hybrid",
        employment_type="contract",
        salary_min=18,
        salary_max=Decimal("22.50"),
        salary_period="hour",
        salary_currency="USD",
        source="referral",
        follow_up_on=date(2026, 4, 1),
        posted_on=date(2026, 2, 20),
        closes_on=date(2026, 5, 1),
        priority=Priority.HIGH,
        job_description="Crunch numbers.",
        notes="Dream job",
        documents_sent=[resume, letter],
    )
    application_change_status(application=application, status="interviewing")
    application.archived = True
    application.last_followed_up_on = date(2026, 3, 10)
    application.save()
    InterviewFactory(
        application=application,
        kind="phone_screen",
        duration_minutes=45,
        location="Room 4",
        notes="Bring portfolio",
        outcome="passed",
    )
    ContactFactory(
        application=application,
        name="Dana",
        role="Recruiter",
        phone="555-0100",
        notes="Friendly",
    )
    NoteFactory(application=application, body="Called back")
    application_create(owner=user, company="Beta", role_title="Clerk")
    OfferFactory(
        application=application,
        base_pay=Decimal("21.75"),
        pay_period="hour",
        currency="USD",
        bonus=Decimal(1500),
        other_pay=Decimal("300.50"),
        starts_on=date(2026, 5, 4),
        answer_by=date(2026, 4, 10),
        state="39",
        benefits="Dental and 20 days' leave",
    )
    TrackerProfile.objects.update_or_create(
        user=user,
        defaults={"quiet_after_days": 10, "email_reminders": False, "weekly_goal": 4},
    )
    calendar_token_regenerate(user=user)
    share_link_create(owner=user, label="Sam, my coach")
    share_link_revoke(link=share_link_create(owner=user, label="Old coach"))
    ResultFactory(
        owner=user,
        assessment=AssessmentFactory(career=career),
        overall_score=72,
        band="ready",
        answers={"1": "3"},
        gaps=[{"skill": "SQL"}],
        recommendations=[{"title": "Practise SQL"}],
    )
    skill_id = next(iter(skill_names()))
    SkillRatings.objects.create(owner=user, ratings={skill_id: 4, "unknown.x": 2})
    return application


# Differ between accounts by design: who it is, when, ids, and earlier imports.
ACCOUNT_OWN = ("email", "date_joined", "last_login", "imports")


def comparable(export: dict) -> dict:
    """The export without what an import makes new (ids, the export's time, the
    account's own identity); everything else is compared as it is."""
    data = json.loads(json.dumps(export))
    del data["exported_at"]
    for key in ACCOUNT_OWN:
        del data["account"][key]
    for result in data["assessments"]["results"]:
        del result["id"]
    return data


def empty_values(record: dict, path: str = "") -> list[str]:
    """Every key under `record` whose value is empty: the rich account must
    have none, or dropping that field would go unnoticed."""
    found = []
    for key, value in record.items():
        where = f"{path}.{key}"
        if value in (None, "", [], {}):
            found.append(where)
        elif isinstance(value, dict):
            found += empty_values(value, where)
        elif isinstance(value, list) and isinstance(value[-1], dict):
            # The last: a history's first step has no "from" by design.
            found += empty_values(value[-1], f"{where}[-1]")
    return found


def zip_files(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def make_zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def upload(client, content: bytes, name: str = "foothold-data.zip"):
    return client.post(
        IMPORT_URL,
        {"action": "upload", "file": SimpleUploadedFile(name, content)},
    )


def pending_id(client) -> str:
    return client.session["account_import"]["id"]


def confirm(client, upload_id: str):
    return client.post(IMPORT_URL, {"action": "confirm", "upload": upload_id})


def table_counts() -> dict[str, int]:
    """Rows in every table of the project's apps, to prove nothing was written."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"accounts", "careers", "assessments", "tracker"}
    }


def stored_files(root) -> list:
    return (
        sorted(path for path in root.rglob("*") if path.is_file())
        if root.exists()
        else []
    )


def differences(left, right, path: str = "") -> list[str]:
    """Where two exports differ, as readable paths (empty when equal)."""
    if isinstance(left, dict) and isinstance(right, dict):
        found = []
        for key in sorted(set(left) | set(right)):
            if key not in left or key not in right:
                found.append(f"{path}.{key}: only in one")
            else:
                found += differences(left[key], right[key], f"{path}.{key}")
        return found
    if isinstance(left, list) and isinstance(right, list):
        if len(left) != len(right):
            return [f"{path}: {len(left)} items against {len(right)}"]
        return [
            found
            for number, (a, b) in enumerate(zip(left, right, strict=True))
            for found in differences(a, b, f"{path}[{number}]")
        ]
    return [] if left == right else [f"{path}: {left!r} != {right!r}"]
