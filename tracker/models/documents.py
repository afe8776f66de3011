"""Documents: the resume and cover-letter versions a person uploads."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.urls import reverse

from core.querysets import OwnedQuerySet
from tracker.storage import private_storage


class DocumentKind(models.TextChoices):
    RESUME = "resume", "Resume"
    COVER_LETTER = "cover_letter", "Cover letter"


def document_upload_to(document: "Document", filename: str) -> str:
    """A random name per file: the person's own file name is kept in the row,
    never trusted as a path."""
    suffix = PurePath(filename).suffix.lower()
    return f"tracker/documents/{document.owner_id}/{uuid.uuid4().hex}{suffix}"


class Document(models.Model):
    """A resume or cover-letter version, served only to its owner."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(choices=DocumentKind, max_length=20)
    label = models.CharField(
        "name or version",
        max_length=200,
        help_text="For example: Resume v3 (design roles).",
    )
    file = models.FileField(storage=private_storage, upload_to=document_upload_to)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)
    # The file's text, read the first time a resume is matched to a posting
    # (tracker.services.document_text): private like the file, deleted with
    # it, and in the person's data export. Empty with text_read_at set: the
    # file had no text to read (a scanned image, a protected PDF).
    text = models.TextField(blank=True, editable=False)
    text_read_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "-uploaded_at", "-id"]
        indexes = [
            # The documents page and the "documents sent" choices: per owner.
            models.Index(fields=["owner", "kind"], name="tracker_document_owner_idx"),
        ]

    def __str__(self):
        return f"{self.label} ({self.get_kind_display()})"

    def get_absolute_url(self):
        return reverse("tracker:document_download", args=[self.pk])
