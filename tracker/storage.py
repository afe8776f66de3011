"""Where tracker documents live: under MEDIA_ROOT, with no URL of their own."""

from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateStorage(FileSystemStorage):
    """Files kept under MEDIA_ROOT that no URL serves; only a view that checks
    ownership streams them (tracker.views.documents.download)."""

    def url(self, name):
        raise ValueError(
            "Private files have no public URL; serve them through a view "
            "that checks who is asking."
        )


private_storage = PrivateStorage()
