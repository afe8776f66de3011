"""The tracker's part of the account export (the person's own data, as JSON)."""

from collections.abc import Iterator
from decimal import Decimal
from pathlib import PurePath

from django.contrib.auth import get_user_model

from tracker.fields import CSV_COLUMNS, OFFER_FIELDS
from tracker.models import Application, Document, Offer
from tracker.selectors import tracker_profile_for

User = get_user_model()


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _exported(application: Application, name: str):
    """One field of the application as JSON: the guide by its title, dates in ISO."""
    if name == "career":
        return application.career.title if application.career_id else None
    return _json_value(getattr(application, name))


def offer_export(offer: Offer) -> dict:
    """One offer as JSON: the fields people fill in (OFFER_FIELDS) and when."""
    return {
        **{name: _json_value(getattr(offer, name)) for name in OFFER_FIELDS},
        "created_at": _iso(offer.created_at),
        "updated_at": _iso(offer.updated_at),
    }


def _json_value(value):
    """Amounts as numbers (45000, 18.5), dates in ISO, the rest as they are."""
    if isinstance(value, Decimal):
        return int(value) if value == int(value) else float(value)
    return value.isoformat() if hasattr(value, "isoformat") else value


def _document_files(user: User) -> list[tuple[str, Document]]:
    """Each document with the name its file has in the export's zip, in the
    export's order: numbered, so a person's own file name is never a path."""
    return [
        (
            f"documents/{number}{PurePath(document.original_name).suffix.lower()}",
            document,
        )
        for number, document in enumerate(Document.objects.for_user(user), start=1)
    ]


def tracker_export_user_files(*, user: User) -> Iterator[tuple[str, bytes | None]]:
    """The documents' files for the export's zip, by their names in it."""
    for name, document in _document_files(user):
        try:
            with document.file.open("rb") as handle:
                yield name, handle.read()
        except FileNotFoundError:
            yield name, None


def tracker_export_user_data(*, user: User) -> dict:
    """Return the person's tracker data, ready for JSON."""
    documents = _document_files(user)
    file_names = {document.pk: name for name, document in documents}
    applications = (
        Application.objects.for_user(user)
        .order_by("created_at", "id")
        .select_related("career")
        .prefetch_related(
            "status_changes",
            "interviews",
            "contacts",
            "note_entries",
            "documents_sent",
            "offers",
        )
    )
    profile = tracker_profile_for(user=user)
    return {
        "settings": {
            "quiet_after_days": profile.quiet_after_days,
            "email_reminders": profile.email_reminders,
            "weekly_goal": profile.weekly_goal,
        },
        "applications": [
            {
                **{name: _exported(application, name) for _, name in CSV_COLUMNS},
                # The guide by its address too: titles change, slugs stay.
                "career_slug": application.career.slug
                if application.career_id
                else None,
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
                "offers": [offer_export(offer) for offer in application.offers.all()],
                # The same documents by their "file" below: labels can repeat.
                "document_files": [
                    file_names[document.pk]
                    for document in application.documents_sent.all()
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
                # Read from the file for resume matching (None: never read).
                "text": document.text if document.text_read_at else None,
                "text_read_at": _iso(document.text_read_at),
                # Its name in the zip download (the JSON alone has no files).
                "file": name,
            }
            for name, document in documents
        ],
    }
