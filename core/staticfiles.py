"""The static files storage: whitenoise's compressed manifest storage."""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """whitenoise's storage, remembering each file's address once worked out.

    The manifest is read once per process and does not change while it runs, but
    ManifestStaticFilesStorage.url() splits, unquotes and looks the name up again
    on every call: the five {% static %} tags of each page cost more than the
    session's query. DEBUG, where files change under a running server, asks each
    time.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force or settings.DEBUG:
            return super().url(name, force)
        try:
            return self._urls[name]
        except KeyError:
            url = self._urls[name] = super().url(name)
            return url
