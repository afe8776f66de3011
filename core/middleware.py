"""Project-wide middleware: response headers Django has no setting for, and a
cap on request size."""

from django.conf import settings
from django.http import QueryDict
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control


class PermissionsPolicyMiddleware:
    """Send a Permissions-Policy header refusing the features in PERMISSIONS_POLICY."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=()" for feature in settings.PERMISSIONS_POLICY
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


class NullCharactersMiddleware:
    """Drop NUL characters from the query string's names and values.

    PostgreSQL text cannot hold a NUL, so a lookup with one (`?career=%00`) would
    fail with a 500; no person types one, and posted form fields already refuse
    them through Django's CharField. Runs before the page cache, which keys pages
    on the parameters as this leaves them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or "\x00" in query:
            cleaned = QueryDict(mutable=True)
            for name, values in request.GET.lists():
                cleaned.setlist(
                    name.replace("\x00", ""), [v.replace("\x00", "") for v in values]
                )
            cleaned._mutable = False
            request.GET = cleaned
            request.META["QUERY_STRING"] = cleaned.urlencode()
        return self.get_response(request)


class PrivatePagesMiddleware:
    """Send `Cache-Control: private, no-store` with every response to a visitor
    with a session: signed-in people, and anonymous ones whose answers the
    session keeps.

    Their pages show their own data (and every page shows a signed-in person's
    name), so neither a shared proxy nor the browser's history may keep them: the
    back button after signing out must not show them. Anonymous visitors without
    a session get the public pages with the page cache's headers untouched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        name = settings.SESSION_COOKIE_NAME
        # The response's cookie covers the request that signs in or starts one.
        if name in request.COOKIES or name in response.cookies:
            patch_cache_control(response, private=True, no_store=True)
        return response


def request_size_limit(max_bytes: int):
    """Let one view take requests up to `max_bytes`, above MAX_REQUEST_BYTES
    (RequestSizeLimitMiddleware reads it from the view)."""

    def decorator(view):
        view.max_request_bytes = max_bytes
        return view

    return decorator


def _limit_for(request) -> int:
    try:
        view = resolve(request.path_info).func
    except Resolver404:
        return settings.MAX_REQUEST_BYTES
    return getattr(view, "max_request_bytes", settings.MAX_REQUEST_BYTES)


class RequestSizeLimitMiddleware:
    """Answer 413 to a request whose declared body is over MAX_REQUEST_BYTES,
    or over a view's own limit (request_size_limit).

    Django caps form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) but streams files of
    any size to disk; this refuses a huge upload before a byte of it is read.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        # Only a request over the site's cap pays for resolving its view.
        if length > settings.MAX_REQUEST_BYTES:
            limit = _limit_for(request)
            if length > limit:
                return render(
                    request,
                    "413.html",
                    {"max_megabytes": limit // (1024 * 1024)},
                    status=413,
                )
        return self.get_response(request)
