"""The tracker's part of bringing a "Download my data" file back: check every
item first, then add them all (the caller holds the transaction).

Everything is added anew: new ids, a new address for every share link, no
calendar token, every document stored afresh after the same checks as an
upload. Links inside the file (an application's documents, history,
interviews, contacts and notes) are kept.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import PurePath

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models

from careers.models import Career
from core.dataimport import ImportPart, build, field_value, items, record
from tracker.document_checks import (
    DOCUMENT_TYPES,
    MAX_DOCUMENT_BYTES,
    sniff_document,
)
from tracker.fields import CSV_COLUMNS, OFFER_FIELDS
from tracker.models import (
    Application,
    Contact,
    Document,
    Interview,
    Note,
    Offer,
    ShareLink,
    StatusChange,
    TrackerProfile,
)
from tracker.services.documents import document_create
from tracker.sharing import new_token

User = get_user_model()


@dataclass(frozen=True)
class Part:
    """A kind of row listed under each application in the file."""

    key: str  # its list's key under the application
    model: type[models.Model]  # with an `application` foreign key
    names: dict[str, str]  # file key -> model field
    kind: str  # how the preview counts it
    # The model's check constraints, said in Python: validated in the database
    # they would cost a query per row of a file that may hold thousands.
    rule: Callable[[models.Model], tuple[str, str] | None] = lambda row: None
    # Times the file carries that the model sets itself (auto_now_add, auto_now):
    # written after the rows are added.
    times: tuple[str, ...] = ()


def _a_change(row: StatusChange) -> tuple[str, str] | None:
    if row.from_status == row.to_status:
        return "to", "the same status as from"
    return None


def _duration_in_range(row: Interview) -> tuple[str, str] | None:
    if not 1 <= row.duration_minutes <= 24 * 60:
        return "duration_minutes", "A duration is between 1 and 1440 minutes."
    return None


def _same(*names: str) -> dict[str, str]:
    return {name: name for name in names}


# The rows nested under each application.
PARTS = (
    Part(
        "status_history",
        StatusChange,
        {"from": "from_status", "to": "to_status", "changed_at": "changed_at"},
        "status changes",
        _a_change,
    ),
    Part(
        "interviews",
        Interview,
        _same("kind", "starts_at", "duration_minutes", "location", "notes", "outcome"),
        "interviews",
        _duration_in_range,
    ),
    Part(
        "contacts",
        Contact,
        _same("name", "role", "email", "phone", "notes"),
        "contacts",
    ),
    Part("notes_log", Note, _same("body", "created_at"), "notes"),
    # Every offer check constraint is a field validator too (choices, minimums),
    # which build() runs.
    Part(
        "offers",
        Offer,
        _same(*OFFER_FIELDS),
        "offers",
        times=("created_at", "updated_at"),
    ),
)

# The application's own fields in the file; career and documents are links.
APPLICATION_NAMES = _same(
    *(name for _, name in CSV_COLUMNS if name != "career"), "last_followed_up_on"
)
# Kept as in the file, written after saving (auto_now fields ignore a value).
APPLICATION_TIMES = ("created_at", "updated_at")

# Tracker settings the file carries; taken only by an account without its own.
SETTINGS = _same("quiet_after_days", "email_reminders", "weekly_goal")

SHARE_LINK_NAMES = _same("label", "created_at", "revoked_at")
DOCUMENT_NAMES = {
    "kind": "kind",
    "label": "label",
    "file_name": "original_name",
    "text": "text",
    "text_read_at": "text_read_at",
}


@dataclass
class PlannedApplication:
    application: Application
    times: dict
    parts: list[tuple[Part, list[models.Model]]]
    document_files: list[str]


@dataclass
class Plan:
    settings: TrackerProfile | None = None
    documents: list[tuple[str, Document, bytes, dict]] = field(default_factory=list)
    applications: list[PlannedApplication] = field(default_factory=list)
    share_links: list[ShareLink] = field(default_factory=list)


def _times(part: ImportPart, entry: dict, where: str, model, names) -> dict:
    times = {}
    for name in names:
        value, problem = field_value(model._meta.get_field(name), entry.get(name))
        if problem:
            part.error(f"{where}.{name}", problem)
        elif value is not None:
            times[name] = value
    return times


def _check_settings(part: ImportPart, plan: Plan, user, raw) -> None:
    if raw is None:
        return
    if TrackerProfile.objects.filter(user=user).exists():
        part.warn("tracker.settings", "your own tracker settings are kept")
        return
    plan.settings = build(
        part,
        TrackerProfile,
        raw,
        "tracker.settings",
        SETTINGS,
        fixed={"user": user},
        exclude=("user",),
        validate_constraints=False,  # the one check is said here
    )
    if plan.settings is None:
        return
    goal = plan.settings.weekly_goal
    if not 1 <= plan.settings.quiet_after_days <= 365:
        part.error(
            "tracker.settings.quiet_after_days", "Choose between 1 and 365 days."
        )
        plan.settings = None
    elif goal is not None and not 1 <= goal <= 100:
        part.error("tracker.settings.weekly_goal", "Choose between 1 and 100.")
        plan.settings = None
    else:
        part.adds("tracker settings")


def _check_document(part: ImportPart, plan: Plan, user, files, entry, where):
    document = build(
        part,
        Document,
        entry,
        where,
        DOCUMENT_NAMES,
        fixed={"owner": user, "content_type": "-", "size": 0},
        exclude=("owner", "file"),
    )
    if document is None:
        return
    name = entry.get("file")
    if not isinstance(name, str) or name not in files:
        part.warn(where, f"“{document.label}” has no file in this upload: left out")
        return
    data = files[name]
    suffix = PurePath(document.original_name).suffix.lower()
    upload = SimpleUploadedFile(document.original_name, data)
    if suffix not in DOCUMENT_TYPES:
        part.error(f"{where}.file", "not a PDF, Word (.docx) or plain text file")
    elif len(data) > MAX_DOCUMENT_BYTES:
        part.error(f"{where}.file", "over the 5 MB limit for a document")
    elif problem := sniff_document(upload):
        part.error(f"{where}.file", problem)
    else:
        document.content_type = DOCUMENT_TYPES[suffix]
        document.size = len(data)
        times = _times(part, entry, where, Document, ("uploaded_at",))
        plan.documents.append((name, document, data, times))
        part.adds("documents", document.label)


def _check_parts(part: ImportPart, entry: dict, where: str):
    planned = []
    for kind in PARTS:
        rows = []
        for number, raw in enumerate(
            items(part, entry.get(kind.key), f"{where}.{kind.key}")
        ):
            row = build(
                part,
                kind.model,
                raw,
                f"{where}.{kind.key}[{number}]",
                kind.names,
                exclude=("application",),
                validate_constraints=False,  # kind.rule says them
            )
            if row is not None and (broken := kind.rule(row)):
                part.error(f"{where}.{kind.key}[{number}].{broken[0]}", broken[1])
            elif row is not None:
                times = _times(
                    part, raw, f"{where}.{kind.key}[{number}]", kind.model, kind.times
                )
                rows.append((row, times))
                part.adds(kind.kind)
        planned.append((kind, rows))
    return planned


def _check_application(part, plan, user, careers, known_files, entry, where):
    application = build(
        part,
        Application,
        entry,
        where,
        APPLICATION_NAMES,
        fixed={"owner": user},
        exclude=("owner", "career"),
        validate_constraints=False,  # clean() mirrors them
    )
    if application is None:
        return
    slug = entry.get("career_slug")
    if slug is not None:
        application.career = careers.get(slug) if isinstance(slug, str) else None
        if application.career is None:
            part.warn(f"{where}.career_slug", f"no guide “{slug}” now: left unlinked")
    document_files = []
    for number, name in enumerate(
        items(part, entry.get("document_files"), f"{where}.document_files")
    ):
        if name not in known_files:
            part.error(
                f"{where}.document_files[{number}]", "not a document in this file"
            )
        else:
            document_files.append(name)
    times = _times(part, entry, where, Application, APPLICATION_TIMES)
    plan.applications.append(
        PlannedApplication(
            application, times, _check_parts(part, entry, where), document_files
        )
    )
    part.adds("applications", str(application))


def tracker_import_check(*, user: User, data, files: dict[str, bytes]):
    """Check the tracker's part of a data file: (what it adds, the plan)."""
    part, plan = ImportPart(), Plan()
    data = record(part, data, "tracker") if data is not None else {}
    if data is None:
        return part, plan
    _check_settings(part, plan, user, data.get("settings"))
    documents = items(part, data.get("documents"), "tracker.documents")
    known_files = {entry.get("file") for entry in documents if isinstance(entry, dict)}
    for number, entry in enumerate(documents):
        _check_document(part, plan, user, files, entry, f"tracker.documents[{number}]")
    applications = items(part, data.get("applications"), "tracker.applications")
    slugs = {
        entry.get("career_slug")
        for entry in applications
        if isinstance(entry, dict) and isinstance(entry.get("career_slug"), str)
    }
    careers = {career.slug: career for career in Career.objects.filter(slug__in=slugs)}
    for number, entry in enumerate(applications):
        _check_application(
            part,
            plan,
            user,
            careers,
            known_files,
            entry,
            f"tracker.applications[{number}]",
        )
    for number, entry in enumerate(
        items(part, data.get("share_links"), "tracker.share_links")
    ):
        link = build(
            part,
            ShareLink,
            entry,
            f"tracker.share_links[{number}]",
            SHARE_LINK_NAMES,
            # A new address: the old one stays dead, and nobody holds this one.
            fixed={"owner": user, "token": new_token()},
            exclude=("owner",),
        )
        if link is not None:
            plan.share_links.append(link)
            part.adds("share links", link.label)
    return part, plan


def _write_application(planned: PlannedApplication, documents: dict) -> None:
    application = planned.application
    history = [
        row
        for kind, rows in planned.parts
        if kind.model is StatusChange
        for row, _ in rows
    ]
    if history:
        application.status_changed_at = history[-1].changed_at
    application.save()
    if planned.times:
        Application.objects.filter(pk=application.pk).update(**planned.times)
    if not history:
        StatusChange.objects.create(
            application=application,
            from_status="",
            to_status=application.status,
            changed_at=planned.times.get("created_at", application.status_changed_at),
        )
    for kind, rows in planned.parts:
        for row, _ in rows:
            row.application = application
        kind.model.objects.bulk_create([row for row, _ in rows])
        for row, times in rows:
            if times:
                kind.model.objects.filter(pk=row.pk).update(**times)
    application.documents_sent.set(
        [documents[name] for name in planned.document_files if name in documents]
    )


def tracker_import_write(*, user: User, plan: Plan, part: ImportPart) -> None:
    """Add what tracker_import_check planned (inside the caller's transaction)."""
    try:
        _write(user=user, plan=plan, part=part)
    except BaseException:
        # The transaction rolls the rows back; the stored files go here.
        for undo in part.undo:
            undo()
        part.undo.clear()
        raise


def _write(*, user: User, plan: Plan, part: ImportPart) -> None:
    if plan.settings is not None:
        plan.settings.save()
    documents = {}
    # Stored last-first: the documents list reads newest first among equals.
    for name, planned, data, times in reversed(plan.documents):
        document = document_create(
            owner=user,
            kind=planned.kind,
            label=planned.label,
            upload=SimpleUploadedFile(planned.original_name, data),
            content_type=planned.content_type,
        )
        part.undo.append(partial(document.file.storage.delete, document.file.name))
        Document.objects.filter(pk=document.pk).update(
            text=planned.text, text_read_at=planned.text_read_at, **times
        )
        documents[name] = document
    for planned in plan.applications:
        _write_application(planned, documents)
    ShareLink.objects.bulk_create(plan.share_links)
