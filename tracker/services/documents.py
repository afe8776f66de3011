"""Documents: storing and deleting the person's resumes and cover letters."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

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
