"""Whole-page cache for anonymous visitors to the public pages.

The landing page, the careers index and the guides are the same for every visitor
who is not signed in, so their rendered HTML is kept in the shared cache and served
without touching the database. Signed-in people, visitors with a message waiting and
anything that is not a plain GET always get a fresh page. A page that holds a CSRF
token, a CSP nonce or sets a cookie is never stored: those are per visitor.

Every entry carries the content version it was rendered under; `pages_changed()`
(called by careers.services when staff or the loader save content) starts a new
version, which retires every stored page at once.
"""

import hashlib
import time
import uuid
from functools import wraps
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.messages.storage.session import SessionStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag

VERSION_KEY = "pagecache:version"
# Entries expire on their own after a day; a version bump retires them sooner.
TIMEOUT = 60 * 60 * 24
STATE_HEADER = "X-Page-Cache"


def pages_changed() -> None:
    """Retire every cached page once the current transaction commits.

    After commit, so that no request can render the old content under the new
    version while the save is still in flight.
    """
    transaction.on_commit(_new_version)


def _new_version() -> str:
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    return version


def page_key(request) -> str:
    """The cache key of the page: scheme, host, path and the query, normalised so
    that parameter order never makes a second copy."""
    query = urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), True)))
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return "pagecache:page:" + hashlib.sha256(address.encode()).hexdigest()


def _is_anonymous_visitor(request) -> bool:
    """True for a visitor who is not signed in and has no message waiting."""
    if CookieStorage.cookie_name in request.COOKIES:
        return False
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        # No session: certainly anonymous, and no query needed to know it.
        return True
    if request.user.is_authenticated:
        return False
    return SessionStorage.session_key not in request.session


def _storable(request, response) -> bool:
    nonce = getattr(request, "_csp_nonce", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not nonce  # a LazyNonce is true only once something used it
        and b"csrfmiddlewaretoken" not in response.content
    )


def cache_anonymous_page(view):
    """Serve the view's page from the cache to anonymous visitors, with an ETag,
    Last-Modified and 304 answers to repeat visits."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or not _is_anonymous_visitor(request):
            return view(request, *args, **kwargs)
        key = page_key(request)
        # One round trip for both: the current version and the stored page.
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY) or _new_version()
        entry = found.get(key)
        if entry is not None and entry["version"] == version:
            response = HttpResponse(entry["content"], content_type=entry["type"])
            state = "hit"
        else:
            response = view(request, *args, **kwargs)
            if not _storable(request, response):
                return response
            entry = {
                "version": version,
                "content": response.content,
                "type": response["Content-Type"],
                "etag": quote_etag(hashlib.md5(response.content).hexdigest()),
                "modified": int(time.time()),
            }
            cache.set(key, entry, TIMEOUT)
            state = "miss"
        response[STATE_HEADER] = state
        response["ETag"] = entry["etag"]
        response["Last-Modified"] = http_date(entry["modified"])
        # Browsers may keep the page but must ask again; the answer is often a 304.
        response["Cache-Control"] = "no-cache"
        patch_vary_headers(response, ["Cookie"])
        return get_conditional_response(
            request,
            etag=entry["etag"],
            last_modified=entry["modified"],
            response=response,
        )

    return wrapper
