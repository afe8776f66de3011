"""Applications: adding, editing, moving between statuses, archiving, deleting.

Every status change goes through here, so each one is recorded in the history."""

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from careers.models import Career
from tracker.fields import FORM_FIELDS
from tracker.models import Application, Document, Status, StatusChange

User = get_user_model()

# The fields application_create and application_update accept besides status
# and documents_sent; anything else is a programming error.
EDITABLE_FIELDS = frozenset(FORM_FIELDS) - {"status", "documents_sent"}

# Statuses that mean the application was sent, so an empty applied_on can be
# filled in. Withdrawn is not one: people withdraw saved jobs they never applied to.
_SENT_STATUSES = frozenset(Status.values) - {Status.SAVED, Status.WITHDRAWN}


def _check_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Unknown application fields: {', '.join(sorted(unknown))}")


def _check_documents(owner: User, documents: Iterable[Document]) -> list[Document]:
    documents = list(documents)
    if any(document.owner_id != owner.pk for document in documents):
        raise PermissionError("Only the owner's documents can be attached.")
    return documents


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


def application_link_career(*, application: Application, career: Career) -> bool:
    """Link a guide to an application that has none; True when this linked it.

    Linking the guide already linked changes nothing, so a second click is
    harmless; a guide the person chose meanwhile (in another tab) is kept."""
    linked = (
        Application.objects.filter(pk=application.pk, career__isnull=True).update(
            career=career, updated_at=timezone.now()
        )
        == 1
    )
    if linked:
        application.career = career
    else:
        application.refresh_from_db(fields=["career"])
    return linked


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
