"""Tracker workflows: every status change, follow-up and reminder goes through here."""

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from core.dates import LATEST_DATE
from tracker.fields import CSV_COLUMNS, FORM_FIELDS
from tracker.models import (
    Application,
    Document,
    Status,
    StatusChange,
    TrackerProfile,
)

User = get_user_model()

logger = logging.getLogger(__name__)

# The fields application_create and application_update accept besides status
# and documents_sent; anything else is a programming error.
EDITABLE_FIELDS = frozenset(FORM_FIELDS) - {"status", "documents_sent"}

# Statuses that mean the application was sent, so an empty applied_on can be
# filled in. Withdrawn is not one: people withdraw saved jobs they never applied to.
_SENT_STATUSES = frozenset(Status.values) - {Status.SAVED, Status.WITHDRAWN}

DEFAULT_FOLLOW_UP_DAYS = 7
UPCOMING_DAYS = 7


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Unknown application fields: {', '.join(sorted(unknown))}")


def _check_documents(owner: User, documents: Iterable[Document]) -> list[Document]:
    documents = list(documents)
    if any(document.owner_id != owner.pk for document in documents):
        raise PermissionError("Only the owner's documents can be attached.")
    return documents


# Profile


def tracker_profile_for(*, user: User) -> TrackerProfile:
    """Return the person's tracker settings, or unsaved defaults (no writes on GET)."""
    profile = TrackerProfile.objects.filter(user=user).first()
    return profile or TrackerProfile(user=user)


def tracker_profile_update(
    *, user: User, quiet_after_days: int, email_reminders: bool
) -> TrackerProfile:
    profile, _ = TrackerProfile.objects.update_or_create(
        user=user,
        defaults={
            "quiet_after_days": quiet_after_days,
            "email_reminders": email_reminders,
        },
    )
    return profile


# Applications


@transaction.atomic
def application_create(
    *,
    owner: User,
    company: str,
    role_title: str,
    status: str = Status.SAVED,
    documents_sent: Iterable[Document] = (),
    at: datetime | None = None,
    client_token: uuid.UUID | None = None,
    **fields: Any,
) -> Application:
    """Create an application and record its first status, dated `at` (default now)."""
    _check_fields(fields)
    documents = _check_documents(owner, documents_sent)
    now = at or timezone.now()
    application = Application(
        owner=owner,
        company=company,
        role_title=role_title,
        status=status,
        status_changed_at=now,
        client_token=client_token,
        **fields,
    )
    if status in _SENT_STATUSES and application.applied_on is None:
        application.applied_on = timezone.localdate(now)
    # clean() mirrors the check constraints, so skip the query per constraint
    # that validating them again would cost (it adds up in a 2,000-row import).
    application.full_clean(validate_constraints=False)
    application.save()
    StatusChange.objects.create(
        application=application, from_status="", to_status=status, changed_at=now
    )
    if documents:
        application.documents_sent.set(documents)
    return application


def _sent_before(*, owner: User, client_token: uuid.UUID) -> Application | None:
    return Application.objects.filter(owner=owner, client_token=client_token).first()


def application_create_once(
    *, owner: User, client_token: uuid.UUID | None, **fields: Any
) -> tuple[Application, bool]:
    """Create the application unless this owner already sent `client_token`:
    return it with True when added now, or the earlier one with False."""
    if client_token is None:
        return application_create(owner=owner, **fields), True
    if application := _sent_before(owner=owner, client_token=client_token):
        return application, False
    try:
        application = application_create(
            owner=owner, client_token=client_token, **fields
        )
    except IntegrityError:
        # The same post arrived twice at once and the other copy won the race.
        if application := _sent_before(owner=owner, client_token=client_token):
            return application, False
        raise
    return application, True


@transaction.atomic
def application_update(
    *,
    application: Application,
    status: str | None = None,
    documents_sent: Iterable[Document] | None = None,
    **fields: Any,
) -> Application:
    """Save edited fields; a changed status is recorded like any other change."""
    _check_fields(fields)
    for name, value in fields.items():
        setattr(application, name, value)
    application.full_clean()
    # Only the edited fields: the status is written by application_change_status,
    # so a stale form can never overwrite a move made meanwhile.
    application.save(update_fields=[*fields, "updated_at"])
    if documents_sent is not None:
        application.documents_sent.set(
            _check_documents(application.owner, documents_sent)
        )
    if status is not None:
        application_change_status(application=application, status=status)
    return application


@transaction.atomic
def application_change_status(
    *, application: Application, status: str, at: datetime | None = None
) -> StatusChange | None:
    """Move an application to `status` and record the change; None if unchanged."""
    if status not in Status.values:
        raise ValueError(f"Unknown status {status!r}")
    # Lock the row so two moves at once record a true from → to chain.
    current = Application.objects.select_for_update().get(pk=application.pk)
    if current.status == status:
        application.status = status
        return None
    at = at or timezone.now()
    change = StatusChange.objects.create(
        application=current, from_status=current.status, to_status=status, changed_at=at
    )
    application.status = status
    application.status_changed_at = at
    update_fields = ["status", "status_changed_at", "updated_at"]
    if status in _SENT_STATUSES and current.applied_on is None:
        application.applied_on = timezone.localdate(at)
        update_fields.append("applied_on")
    application.save(update_fields=update_fields)
    return change


def application_archive(*, application: Application) -> Application:
    application.archived = True
    application.save(update_fields=["archived", "updated_at"])
    return application


def application_restore(*, application: Application) -> Application:
    application.archived = False
    application.save(update_fields=["archived", "updated_at"])
    return application


def application_delete(*, application: Application) -> None:
    """Delete an application with its history, events, contacts and notes."""
    application.delete()


# Follow-ups


def follow_up_mailto(*, application: Application) -> str:
    """Return a mailto: link with a polite follow-up email, to the first contact
    with an address (or to nobody, for the person to fill in)."""
    contacts = [contact for contact in application.contacts.all() if contact.email]
    to = contacts[0].email if contacts else ""
    greeting = f"Dear {contacts[0].name}," if contacts else "Hello,"
    applied = (
        f" on {application.applied_on:%-d %B %Y}" if application.applied_on else ""
    )
    subject = f"Following up: {application.role_title} application"
    body = (
        f"{greeting}\n\n"
        f"I applied for the {application.role_title} role at "
        f"{application.company}{applied} and wanted to follow up. I am still "
        "very interested in the position and would be glad to share anything "
        "else that helps.\n\n"
        "Could you let me know where things stand?\n\n"
        "Thank you,\n"
        f"{application.owner.get_full_name()}"
    )
    return f"mailto:{quote(to, safe='@')}?subject={quote(subject)}&body={quote(body)}"


def application_follow_up(
    *,
    application: Application,
    days: int = DEFAULT_FOLLOW_UP_DAYS,
    today: date | None = None,
) -> str:
    """Follow up now: plan the next check `days` ahead and return the email link."""
    today = today or timezone.localdate()
    application.last_followed_up_on = today
    application.follow_up_on = today + timedelta(days=days)
    application.save(
        update_fields=["last_followed_up_on", "follow_up_on", "updated_at"]
    )
    return follow_up_mailto(application=application)


def follow_up_done(*, application: Application, today: date | None = None) -> None:
    """Mark the planned follow-up as done: it leaves the follow-up lists."""
    application.last_followed_up_on = today or timezone.localdate()
    application.follow_up_on = None
    application.save(
        update_fields=["last_followed_up_on", "follow_up_on", "updated_at"]
    )


def follow_up_snooze(
    *, application: Application, days: int, today: date | None = None
) -> date:
    """Push the follow-up `days` past today (or past its date, if later).

    Raises ValueError when that is not a day between 1 and 90 days ahead, or
    would be past the last date people can enter."""
    if not 1 <= days <= 90:
        raise ValueError("Snooze between 1 and 90 days.")
    today = today or timezone.localdate()
    start = max(application.follow_up_on or today, today)
    # Compared before adding: a date saved before the range was enforced
    # (9999-12-30) would overflow.
    if start > LATEST_DATE - timedelta(days=days):
        raise ValueError(
            f"A follow-up cannot move past {LATEST_DATE:%-d %B %Y}: "
            "edit the application to set its date."
        )
    application.follow_up_on = start + timedelta(days=days)
    application.save(update_fields=["follow_up_on", "updated_at"])
    return application.follow_up_on


@dataclass
class DueFollowUps:
    overdue: list[Application] = field(default_factory=list)
    today: list[Application] = field(default_factory=list)
    this_week: list[Application] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.overdue or self.today or self.this_week)

    @property
    def due_now(self) -> list[Application]:
        return self.overdue + self.today


def due_follow_ups(*, user: User, today: date | None = None) -> DueFollowUps:
    """Return the person's follow-ups: overdue, due today, and the next six days."""
    today = today or timezone.localdate()
    applications = (
        Application.objects.for_user(user)
        .follow_up_due_by(today + timedelta(days=UPCOMING_DAYS - 1))
        .order_by("follow_up_on", "priority", "company", "id")
    )
    due = DueFollowUps()
    for application in applications:
        if application.follow_up_on < today:
            due.overdue.append(application)
        elif application.follow_up_on == today:
            due.today.append(application)
        else:
            due.this_week.append(application)
    return due


def gone_quiet_applications(
    *,
    user: User,
    now: datetime | None = None,
    profile: TrackerProfile | None = None,
) -> list[Application]:
    """Return the person's applications with no news for their quiet period."""
    profile = profile or tracker_profile_for(user=user)
    return list(
        Application.objects.for_user(user)
        .gone_quiet(
            now=now or timezone.now(), quiet_after_days=profile.quiet_after_days
        )
        .order_by("status_changed_at", "id")
    )


# Reminder digests


def _claim_digest_day(*, user: User, today: date) -> tuple[bool, date | None]:
    """Mark today's digest as sent for this person, atomically.

    Returns whether this run claimed the day, and the day claimed before it.
    The conditional UPDATE is what keeps two concurrent runs from both sending."""
    profile, _ = TrackerProfile.objects.get_or_create(user=user)
    previous = profile.last_digest_sent_on
    claimed = (
        TrackerProfile.objects.filter(pk=profile.pk)
        .filter(Q(last_digest_sent_on__isnull=True) | Q(last_digest_sent_on__lt=today))
        .update(last_digest_sent_on=today)
    )
    return bool(claimed), previous


def send_follow_up_digest(*, user: User, today: date | None = None) -> bool:
    """Email the person what is due today and overdue, once per day."""
    today = today or timezone.localdate()
    if not tracker_profile_for(user=user).email_reminders:
        return False
    due = due_follow_ups(user=user, today=today)
    if not due.due_now:
        return False
    claimed, previous = _claim_digest_day(user=user, today=today)
    if not claimed:
        return False
    count = len(due.due_now)
    subject = f"Foothold: {count} follow-up{'s' if count != 1 else ''} due"
    body = render_to_string(
        "tracker/email/follow_up_digest.txt",
        {"user": user, "due": due, "today": today, "site_url": settings.SITE_URL},
    )
    try:
        EmailMessage(subject=subject, body=body, to=[user.email]).send()
    except Exception:
        # Give the day back so the next run tries again.
        TrackerProfile.objects.filter(user=user, last_digest_sent_on=today).update(
            last_digest_sent_on=previous
        )
        raise
    return True


def send_follow_up_digests(*, today: date | None = None) -> int:
    """Email every person with follow-ups due a digest; return how many were sent."""
    today = today or timezone.localdate()
    user_ids = (
        Application.objects.follow_up_due_by(today)
        .exclude(owner__tracker_profile__last_digest_sent_on__gte=today)
        .exclude(owner__tracker_profile__email_reminders=False)
        .values_list("owner_id", flat=True)
        .distinct()
        .order_by("owner_id")
    )
    sent = 0
    for user in User.objects.filter(pk__in=list(user_ids), is_active=True):
        try:
            sent += send_follow_up_digest(user=user, today=today)
        except Exception:
            logger.exception("Could not send the follow-up digest to user %s", user.pk)
    return sent


# Documents


@transaction.atomic
def document_create(
    *, owner: User, kind: str, label: str, upload: UploadedFile, content_type: str
) -> Document:
    """Store an uploaded (already validated) file as one of the person's documents."""
    document = Document(
        owner=owner,
        kind=kind,
        label=label,
        original_name=upload.name[:255],
        content_type=content_type,
        size=upload.size,
    )
    document.file.save(upload.name, upload, save=False)
    document.save()
    return document


def document_delete(*, document: Document) -> None:
    """Delete a document row; its file follows once the deletion is committed."""
    document.delete()


def document_file_delete(*, instance: Document, **kwargs) -> None:
    """post_delete receiver: remove the file after the row's deletion commits,
    however the row went (this service, the admin, or an account cascade)."""
    storage, name = instance.file.storage, instance.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))


# Account data


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _exported(application: Application, name: str):
    """One field of the application as JSON: the guide by its title, dates in ISO."""
    if name == "career":
        return application.career.title if application.career_id else None
    value = getattr(application, name)
    return value.isoformat() if hasattr(value, "isoformat") else value


def tracker_export_user_data(*, user: User) -> dict:
    """Return the person's tracker data, ready for JSON."""
    applications = (
        Application.objects.for_user(user)
        .order_by("created_at", "id")
        .select_related("career")
        .prefetch_related(
            "status_changes", "interviews", "contacts", "note_entries", "documents_sent"
        )
    )
    profile = tracker_profile_for(user=user)
    return {
        "settings": {
            "quiet_after_days": profile.quiet_after_days,
            "email_reminders": profile.email_reminders,
        },
        "applications": [
            {
                **{name: _exported(application, name) for _, name in CSV_COLUMNS},
                "last_followed_up_on": _iso(application.last_followed_up_on),
                "created_at": _iso(application.created_at),
                "updated_at": _iso(application.updated_at),
                "status_history": [
                    {
                        "from": change.from_status,
                        "to": change.to_status,
                        "changed_at": _iso(change.changed_at),
                    }
                    for change in application.status_changes.all()
                ],
                "interviews": [
                    {
                        "kind": interview.kind,
                        "starts_at": _iso(interview.starts_at),
                        "duration_minutes": interview.duration_minutes,
                        "location": interview.location,
                        "notes": interview.notes,
                        "outcome": interview.outcome,
                    }
                    for interview in application.interviews.all()
                ],
                "contacts": [
                    {
                        "name": contact.name,
                        "role": contact.role,
                        "email": contact.email,
                        "phone": contact.phone,
                        "notes": contact.notes,
                    }
                    for contact in application.contacts.all()
                ],
                "notes_log": [
                    {"body": note.body, "created_at": _iso(note.created_at)}
                    for note in application.note_entries.all()
                ],
                "documents_sent": [
                    document.label for document in application.documents_sent.all()
                ],
            }
            for application in applications
        ],
        "documents": [
            {
                "kind": document.kind,
                "label": document.label,
                "file_name": document.original_name,
                "content_type": document.content_type,
                "size": document.size,
                "uploaded_at": _iso(document.uploaded_at),
            }
            for document in Document.objects.for_user(user)
        ],
    }
