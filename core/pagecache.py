"""Whole-page cache for anonymous visitors to the public pages.

The landing page, the careers index and the guides are the same for every visitor
who is not signed in, so their rendered HTML is kept in the shared cache and served
without touching the database. Signed-in people (anyone with a session cookie),
visitors with a message waiting and anything that is not a plain GET always get a
fresh page. A page that holds a CSRF
token, a CSP nonce or sets a cookie is never stored: those are per visitor.

Views opt in with the @cache_anonymous_page marker, naming the query parameters
they read; PageCacheMiddleware does the rest, early in the middleware stack, so a
hit costs one cache round trip.

A page is kept under its canonical address: scheme, host, path and only the
parameters its view reads (each one's last value, trimmed, blanks dropped, sorted);
the view sees that canonical query too, so `?utm_source=…` or a reordered query
serves the same entry. The shared cache holds at most SLOTS pages: the address
picks two of SLOTS fixed keys, and a new page takes a free one or the older of
the two, so no query string, host or path can grow the cache past that.

Every entry carries the content version it was rendered under; `pages_changed()`
(called by careers.loader when staff or the loader save content) starts a new
version, which retires every stored page at once.
"""

import hashlib
import time
import uuid

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag, urlencode

VERSION_KEY = "pagecache:version"
# Each worker process keeps the pages it served this long before asking the shared
# cache again ("micro-caching"): a hit then costs no network round trip, and a
# change staff save reaches every worker within these seconds.
LOCAL_SECONDS = 2
LOCAL_MAX_PAGES = 500
_local: dict[str, tuple[float, dict]] = {}
# What first_locally() was asked about, and when: apart from the pages, so that
# many readers' keys never push this worker's recent pages out.
LOCAL_MAX_SEEN = 10_000
_seen: dict[str, float] = {}
# Entries expire on their own after a day; a version bump retires them sooner.
TIMEOUT = 60 * 60 * 24
# The most pages the shared cache holds (about 85 KB each for a guide, so ~22 MB).
# Under 300 so that the database and local-memory caches, which cull at 300
# entries by default, never cull for the page cache.
SLOTS = 256
STATE_HEADER = "X-Page-Cache"


def pages_changed() -> None:
    """Retire every cached page once the current transaction commits.

    After commit, so that no request can render the old content under the new
    version while the save is still in flight.
    """
    transaction.on_commit(_new_version)


def content_version() -> str:
    """The current content version, which `pages_changed()` renews; anything
    built from the content in memory can keep it to know when to rebuild."""
    return cache.get(VERSION_KEY) or _new_version()


def _new_version() -> str:
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    forget_local_pages()
    return version


def forget_local_pages() -> None:
    """Drop this worker's recent pages (the next request asks the shared cache)."""
    _local.clear()
    _seen.clear()


def _remember_locally(key: str, entry) -> None:
    if len(_local) >= LOCAL_MAX_PAGES:
        _local.clear()
    _local[key] = (time.time(), entry)


def recent_local(key: str, fetch, *, seconds: float = LOCAL_SECONDS):
    """What `fetch()` gave this worker under `key` in the last `seconds`, or what
    it gives now (kept for the next ones).

    Micro-caching, as for whole pages: for what every signed-in request would
    otherwise ask the database or the shared cache for although it changes only
    when content does. `forget_local_pages()` (so `pages_changed()`) drops it; other
    workers follow within `seconds`. An exception from `fetch()` is not kept.
    """
    remembered = _recent_local_entry(key, seconds=seconds)
    if remembered is not None:
        return remembered
    value = fetch()
    _remember_locally(key, value)
    return value


def first_locally(key: str, *, seconds: float) -> bool:
    """True when this worker has not been asked about `key` in the last `seconds`."""
    now = time.time()
    last = _seen.get(key)
    if last is not None and 0 <= now - last < seconds:
        return False
    if len(_seen) >= LOCAL_MAX_SEEN:
        _seen.clear()
    _seen[key] = now
    return True


def _recent_local_entry(key: str, *, seconds: float = LOCAL_SECONDS):
    """What this worker kept under `key` in the last `seconds`, if anything (a
    clock set back makes nothing recent)."""
    remembered = _local.get(key)
    if remembered is None or not 0 <= time.time() - remembered[0] < seconds:
        return None
    return remembered[1]


# The most values of a repeated parameter a page is kept under: enough for a
# view to tell "too many" apart, few enough to bound the address's length.
MAX_REPEATED = 5


def canonical_query(request, names, repeated=()) -> str:
    """The query string of the parameters named: each one's last value (the one
    `request.GET.get` gives the view), trimmed, blank ones dropped, sorted.

    A `repeated` parameter keeps every value instead (`request.GET.getlist`),
    trimmed, blanks and repeats dropped, in the visitor's order, at most
    MAX_REPEATED of them."""
    kept = []
    for name in sorted({*names, *repeated}):
        if name in repeated:
            values = (value.strip() for value in request.GET.getlist(name))
            unique = list(dict.fromkeys(value for value in values if value))
            kept.extend((name, value) for value in unique[:MAX_REPEATED])
            continue
        value = request.GET.get(name, "").strip()
        if value:
            kept.append((name, value))
    return urlencode(kept)


def page_address(request) -> str:
    """What the page is stored under: scheme, host, path and the query as given."""
    query = request.META.get("QUERY_STRING", "")
    return f"{request.scheme}://{request.get_host()}{request.path}?{query}"


def slot_keys() -> list[str]:
    """Every key a page can be stored under."""
    return [f"pagecache:slot:{number}" for number in range(SLOTS)]


def _slots_for(address: str) -> list[str]:
    """The two keys (one when SLOTS is 1) the page at `address` may occupy."""
    number = int(hashlib.sha256(address.encode()).hexdigest(), 16)
    first, second = number % SLOTS, (number // SLOTS) % SLOTS
    return list(dict.fromkeys([f"pagecache:slot:{first}", f"pagecache:slot:{second}"]))


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


def _query_names(request) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The query parameters the page's view reads (single, then repeated), or
    None when the view is not marked for the page cache."""
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    if not getattr(match.func, "cache_anonymous_page", False):
        return None
    return match.func.page_cache_query, match.func.page_cache_repeated


def _storable(request, response) -> bool:
    nonce = getattr(request, "_csp_nonce", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not nonce  # a LazyNonce is true only once something used it
        and b"csrfmiddlewaretoken" not in response.content
    )


def cache_anonymous_page(view=None, *, query=(), repeated=()):
    """Mark the view's page as one PageCacheMiddleware may keep for anonymous
    visitors; `query` names the query parameters the view reads (the view never
    sees any other), `repeated` those it reads every value of (`getlist`). Use
    bare, or as @cache_anonymous_page(query=[…])."""

    def mark(view):
        view.cache_anonymous_page = True
        view.page_cache_query = tuple(query)
        view.page_cache_repeated = tuple(repeated)
        return view

    return mark if view is None else mark(view)


def cached_fragment(name: str, render):
    """What `render()` returns, kept in the page cache's slots under `name` until
    pages_changed() starts a new content version.

    For a part of a page that is the same for every reader (a guide's body) when
    the page around it is not (signed-in pages are never cached whole). It shares
    the pages' SLOTS, so fragments can never grow the cache past that either.
    """
    address = f"fragment:{name}"
    entry = _recent_local_entry(address)
    if entry is None:
        version, entry, held = _look_up(address)
        if entry is None:
            entry = {
                "address": address,
                "version": version,
                "content": render(),
                "modified": int(time.time()),
            }
            cache.set(_slot_to_fill(held, address, version), entry, TIMEOUT)
        _remember_locally(address, entry)
    return entry["content"]


def _usable(entry: dict | None, address: str, version: str) -> dict | None:
    """The entry when it is this page under the current version."""
    if entry is None or entry["address"] != address or entry["version"] != version:
        return None
    return entry


def _look_up(address: str) -> tuple[str, dict | None, dict]:
    """(current version, the page's entry or None, what its slots held).

    The first slot comes with the version in one round trip; the second is asked
    for only when the first holds something else.
    """
    slots = _slots_for(address)
    found = cache.get_many([VERSION_KEY, slots[0]])
    version = found.get(VERSION_KEY) or _new_version()
    held = {slots[0]: found.get(slots[0])}
    entry = _usable(held[slots[0]], address, version)
    if entry is None and len(slots) > 1:
        held[slots[1]] = cache.get(slots[1])
        entry = _usable(held[slots[1]], address, version)
    return version, entry, held


def _slot_to_fill(held: dict, address: str, version: str) -> str:
    """An empty slot, one holding a retired page or this page's old copy, else the
    one whose page was stored first."""
    for slot, entry in held.items():
        if entry is None or entry["version"] != version or entry["address"] == address:
            return slot
    return min(held, key=lambda slot: held[slot]["modified"])


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
        if request.method not in ("GET", "HEAD") or not _is_anonymous_visitor(request):
            return self.get_response(request)
        names = _query_names(request)
        if names is None:
            return self.get_response(request)
        # The view renders from the canonical query, so the page is exactly what
        # its address says, whatever else the visitor's query carried.
        query = canonical_query(request, *names)
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)
        address = page_address(request)
        entry = _recent_local_entry(address)
        if entry is not None:
            version = entry["version"]
        else:
            version, entry, held = _look_up(address)
            if entry is not None:
                _remember_locally(address, entry)
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
                "address": address,
                "version": version,
                "content": response.content,
                "headers": dict(response.headers),
                "etag": etag,
                "modified": modified,
            }
            cache.set(_slot_to_fill(held, address, version), entry, TIMEOUT)
            _remember_locally(address, entry)
            response[STATE_HEADER] = "miss"
        return get_conditional_response(
            request,
            etag=entry["etag"],
            last_modified=entry["modified"],
            response=response,
        )
