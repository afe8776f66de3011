"""Project-wide middleware: response headers Django has no setting for, and a
cap on request size."""

from django.conf import settings
from django.shortcuts import render


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


class RequestSizeLimitMiddleware:
    """Answer 413 to a request whose declared body is over MAX_REQUEST_BYTES.

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
        if length > settings.MAX_REQUEST_BYTES:
            return render(
                request,
                "413.html",
                {"max_megabytes": settings.MAX_REQUEST_BYTES // (1024 * 1024)},
                status=413,
            )
        return self.get_response(request)
