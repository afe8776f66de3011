"""Documents: storing, reading and deleting the person's resumes and cover
letters."""

from pathlib import PurePath

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from tracker.matching import UnreadableDocument, extract_text
from tracker.models import Document

User = get_user_model()


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


def document_text(*, document: Document) -> str:
    """The document's text: read from its file the first time, then kept."""
    if document.text_read_at is None:
        try:
            with document.file.open("rb") as handle:
                data = handle.read()
        except FileNotFoundError:
            return ""  # nothing kept: read again once the file is back
        try:
            text = extract_text(data, suffix=PurePath(document.file.name).suffix)
        except UnreadableDocument:
            text = ""
        # PostgreSQL's text cannot hold NUL, which some PDFs' text contains.
        document.text = text.replace("\x00", "")
        document.text_read_at = timezone.now()
        document.save(update_fields=["text", "text_read_at"])
    return document.text
