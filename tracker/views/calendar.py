"""The private calendar feed, and the page to copy or replace its address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from tracker.ical import calendar_for
from tracker.selectors import tracker_profile_for
from tracker.sharing import (
    calendar_feed_stop,
    calendar_owner,
    calendar_token_regenerate,
)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def calendar_settings(request):
    if request.method == "POST":
        if request.POST.get("action") == "stop":
            calendar_feed_stop(user=request.user)
            messages.success(
                request, "Your calendar feed is off; its old address no longer works."
            )
        else:
            had_one = bool(tracker_profile_for(user=request.user).calendar_token)
            calendar_token_regenerate(user=request.user)
            messages.success(
                request,
                "New address made: put it in your calendar app. The old one no "
                "longer works."
                if had_one
                else "Your calendar address is ready: add it to your calendar app.",
            )
        return redirect("tracker:calendar")
    token = tracker_profile_for(user=request.user).calendar_token
    feed_url = (
        request.build_absolute_uri(reverse("tracker:calendar_feed", args=[token]))
        if token
        else ""
    )
    # webcal:// opens the subscription dialog of the person's calendar app.
    webcal_url = "webcal://" + feed_url.split("://", 1)[1] if feed_url else ""
    return render(
        request,
        "tracker/calendar.html",
        {"feed_url": feed_url, "webcal_url": webcal_url},
    )


@require_safe
def feed(request, token):
    """No sign-in: calendar apps cannot sign in, so the long random token is the
    key. A wrong or replaced token answers 404 like any unknown address."""
    owner = calendar_owner(token=token)
    if owner is None:
        raise Http404("No such calendar.")
    response = HttpResponse(
        calendar_for(owner, build_url=request.build_absolute_uri),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="foothold.ics"'
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response
