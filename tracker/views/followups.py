"""Follow-ups: what is overdue, due today and due this week, and what went quiet."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from tracker.access import get_application_for_user
from tracker.forms import SnoozeForm
from tracker.selectors import (
    UPCOMING_DAYS,
    answer_by_due,
    due_follow_ups,
    gone_quiet_applications,
    tracker_profile_for,
)
from tracker.services import (
    DEFAULT_FOLLOW_UP_DAYS,
    application_follow_up,
    follow_up_done,
    follow_up_snooze,
)

SNOOZE_CHOICES = [(1, "1 day"), (3, "3 days"), (7, "1 week"), (14, "2 weeks")]


def _back(request, default):
    """Where the form came from, when that is on this site."""
    candidate = request.POST.get("next", "")
    # Only a path: redirect() would read a bare word like "0" as a view name.
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


@login_required
@require_GET
def index(request):
    profile = tracker_profile_for(user=request.user)
    today = timezone.localdate()
    return render(
        request,
        "tracker/follow_ups.html",
        {
            "today": today,
            "answers": answer_by_due(
                user=request.user,
                on_or_before=today + timedelta(days=UPCOMING_DAYS - 1),
            ),
            "due": due_follow_ups(user=request.user, today=today),
            "quiet": gone_quiet_applications(user=request.user, profile=profile),
            "quiet_after_days": profile.quiet_after_days,
            "snooze_choices": SNOOZE_CHOICES,
        },
    )


@login_required
@require_POST
def follow_up(request, pk):
    """One click: plan the next check and go to the page with the email link."""
    application = get_application_for_user(request.user, pk)
    application_follow_up(application=application, days=DEFAULT_FOLLOW_UP_DAYS)
    messages.success(
        request,
        f"Follow-up started. Send the email below; we will remind you on "
        f"{application.follow_up_on:%-d %B} if you still have not heard back.",
    )
    return redirect(f"{application.get_absolute_url()}#follow-up")


@login_required
@require_POST
def done(request, pk):
    application = get_application_for_user(request.user, pk)
    follow_up_done(application=application)
    messages.success(request, f"Follow-up for {application} marked as done.")
    return redirect(_back(request, reverse("tracker:follow_ups")))


@login_required
@require_POST
def snooze(request, pk):
    application = get_application_for_user(request.user, pk)
    form = SnoozeForm(request.POST)
    if form.is_valid():
        try:
            new_date = follow_up_snooze(
                application=application, days=form.cleaned_data["days"]
            )
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, f"Snoozed {application} until {new_date:%A %-d %B}."
            )
    else:
        messages.error(request, "Snooze for between 1 and 90 days.")
    return redirect(_back(request, reverse("tracker:follow_ups")))
