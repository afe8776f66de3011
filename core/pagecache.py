"""Whole-page cache for anonymous visitors to the public pages.

The landing page, the careers index and the guides are the same for every visitor
who is not signed in, so their rendered HTML is kept in the shared cache and served
without touching the database. Signed-in people (anyone with a session cookie),
visitors with a message waiting and anything that is not a plain GET always get a
fresh page. A page that holds a CSRF
token, a CSP nonce or sets a cookie is never stored: those are per visitor.

Views opt in with the @cache_anonymous_page marker; PageCacheMiddleware does the
rest, early in the middleware stack, so a hit costs one cache round trip.

Every entry carries the content version it was rendered under; `pages_changed()`
(called by careers.loader when staff or the loader save content) starts a new
version, which retires every stored page at once.
"""

import hashlib
import time
import uuid
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag

VERSION_KEY = "pagecache:version"
# Each worker process keeps the pages it served this long before asking the shared
# cache again ("micro-caching"): a hit then costs no network round trip, and a
# change staff save reaches every worker within these seconds.
LOCAL_SECONDS = 2
LOCAL_MAX_PAGES = 500
_local: dict[str, tuple[float, dict]] = {}
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
    forget_local_pages()
    return version


def forget_local_pages() -> None:
    """Drop this worker's recent pages (the next request asks the shared cache)."""
    _local.clear()


def _remember_locally(key: str, entry: dict) -> None:
    if len(_local) >= LOCAL_MAX_PAGES:
        _local.clear()
    _local[key] = (time.time(), entry)


def _recent_local_entry(key: str) -> dict | None:
    """The page this worker served from the shared cache in the last
    LOCAL_SECONDS, if any."""
    remembered = _local.get(key)
    if remembered is None or time.time() - remembered[0] >= LOCAL_SECONDS:
        return None
    return remembered[1]


def page_key(request) -> str:
    """The cache key of the page: scheme, host, path and the query, normalised so
    that parameter order never makes a second copy."""
    query = urlencode(sorted(parse_qsl(request.META.get("QUERY_STRING", ""), True)))
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return "pagecache:page:" + hashlib.sha256(address.encode()).hexdigest()


def _is_anonymous_visitor(request) -> bool:
    """True when the cookies alone show a visitor who is not signed in and has no
    message waiting: no session cookie and no messages cookie.

    Decided before the session and authentication middleware run, so it costs
    nothing; a visitor who still carries a session cookie gets a fresh page.
    """
    cookies = request.COOKIES
    return (
        settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
    )


def _is_cacheable_view(request) -> bool:
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return False
    return getattr(match.func, "cache_anonymous_page", False)


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
    """Mark the view's page as one PageCacheMiddleware may keep for anonymous
    visitors."""
    view.cache_anonymous_page = True
    return view


# Not Django's cache middleware: this answers before sessions and auth run.
class PageCacheMiddleware:
    """Serve the marked views' pages to anonymous visitors from the cache, with an
    ETag, Last-Modified and 304 answers to repeat visits.

    It sits right after WhiteNoise, so a hit skips sessions, CSRF, authentication,
    messages, URL dispatch and the view. The middleware inside it add headers too
    (X-Frame-Options, Content-Length…): the entry keeps every header the page had
    when it was stored, and a hit replays them. The middleware outside it (security
    headers, Content-Security-Policy, Permissions-Policy) run for hits as for any
    other response.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method not in ("GET", "HEAD")
            or not _is_anonymous_visitor(request)
            or not _is_cacheable_view(request)
        ):
            return self.get_response(request)
        key = page_key(request)
        entry = _recent_local_entry(key)
        if entry is None:
            # One round trip for both: the current version and the stored page.
            found = cache.get_many([VERSION_KEY, key])
            version = found.get(VERSION_KEY) or _new_version()
            entry = found.get(key)
            if entry is not None and entry["version"] != version:
                entry = None
            if entry is not None:
                _remember_locally(key, entry)
        else:
            version = entry["version"]
        if entry is not None:
            response = HttpResponse(entry["content"], headers=entry["headers"])
            response[STATE_HEADER] = "hit"
        else:
            response = self.get_response(request)
            if not _storable(request, response):
                return response
            etag = quote_etag(hashlib.md5(response.content).hexdigest())
            modified = int(time.time())
            response["ETag"] = etag
            response["Last-Modified"] = http_date(modified)
            # Browsers may keep the page but must ask again; the answer is often
            # a 304.
            response["Cache-Control"] = "no-cache"
            patch_vary_headers(response, ["Cookie"])
            entry = {
                "version": version,
                "content": response.content,
                "headers": dict(response.headers),
                "etag": etag,
                "modified": modified,
            }
            cache.set(key, entry, TIMEOUT)
            _remember_locally(key, entry)
            response[STATE_HEADER] = "miss"
        return get_conditional_response(
            request,
            etag=entry["etag"],
            last_modified=entry["modified"],
            response=response,
        )
