"""reverse() for URL names that take no arguments, remembered per process.

Every page's header and footer name about two dozen such addresses, and each
reverse() walks the URL resolver again; the answers only change with the URLconf,
the script prefix or the current app, which are part of the key. (The site has no
i18n_patterns, whose addresses would depend on the active language too.)
"""

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

# Names are a fixed set from the templates and code, so this is never reached in
# practice; it only bounds the memory should something pass names from outside.
MAX_REMEMBERED = 1000
_remembered: dict[tuple, str] = {}


def reverse_cached(view_name: str, *, current_app: str | None = None) -> str:
    """reverse(view_name) for a name without arguments, under the URLconf in use
    (a request's own `urlconf` included) and the script prefix."""
    key = (
        get_urlconf() or settings.ROOT_URLCONF,
        get_script_prefix(),
        current_app,
        view_name,
    )
    try:
        return _remembered[key]
    except KeyError:
        pass
    url = reverse(view_name, current_app=current_app)
    if len(_remembered) >= MAX_REMEMBERED:
        _remembered.clear()
    _remembered[key] = url
    return url
