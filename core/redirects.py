"""Where to send someone after a form: back to the page they came from."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next_url(request) -> str:
    """Return the ?next= page when it is on this site, otherwise ""."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    # Only a path: redirect() would read a bare word like "0" as a view name.
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate,
        allowed_hosts={request.get_host()},
        require_https=request.is_secure(),
    ):
        return candidate
    return ""
