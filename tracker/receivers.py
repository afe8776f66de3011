"""Signal receivers, connected in TrackerConfig.ready."""

from django.db import transaction

from tracker.models import Document


def document_file_delete(*, instance: Document, **kwargs) -> None:
    """post_delete receiver: remove the file after the row's deletion commits,
    however the row went (this service, the admin, or an account cascade)."""
    storage, name = instance.file.storage, instance.file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))
