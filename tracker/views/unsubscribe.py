"""One-click unsubscribe from the daily digest (RFC 8058), opened by the signed
token in the email, with no sign-in.

A POST turns the digests off: mail providers send it with no cookies and no CSRF
token (the body is `List-Unsubscribe=One-Click`), so the view is CSRF-exempt and
the token is the only key. A GET only shows a button that makes the same POST:
link scanners follow links, and must never unsubscribe anyone."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from tracker.selectors import tracker_profile_for
from tracker.services import digests_turn_off
from tracker.unsubscribe import unsubscribe_owner


@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    owner = unsubscribe_owner(token=token)
    if owner is None:
        raise Http404("No such unsubscribe link.")
    if request.method == "POST":
        digests_turn_off(user=owner)
        done = True
    else:
        done = not tracker_profile_for(user=owner).email_reminders
    response = render(
        request,
        "tracker/unsubscribe.html",
        {"done": done, "posted": request.method == "POST"},
    )
    # never_cache says no-store; private too, like every page for one person.
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response
