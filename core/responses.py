"""Responses every app may use."""

import logging

from django.http import HttpResponseRedirect

logger = logging.getLogger(__name__)


class RedirectThen(HttpResponseRedirect):
    """A redirect that runs `then()` only once it has been sent.

    WSGI servers call a response's close() after writing its last byte
    (gunicorn's workers, runserver, Django's test client), so the work is off
    the request's clock while staying in the same process, with no queue.
    """

    def __init__(self, redirect_to, *args, then, **kwargs):
        super().__init__(redirect_to, *args, **kwargs)
        self._then = then

    def close(self):
        then, self._then = self._then, None
        try:
            if then is not None:
                then()
        except Exception:
            logger.exception("Work after the response failed")
        finally:
            super().close()
