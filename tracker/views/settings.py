"""The person's tracker settings: when an application counts as gone quiet,
reminder emails and the weekly goal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from tracker.forms import TrackerSettingsForm
from tracker.selectors import tracker_profile_for
from tracker.services import tracker_profile_update


@login_required
@require_http_methods(["GET", "POST"])
def tracker_settings(request):
    profile = tracker_profile_for(user=request.user)
    form = TrackerSettingsForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        tracker_profile_update(user=request.user, **form.cleaned_data)
        messages.success(request, "Your tracker settings have been saved.")
        return redirect("tracker:settings")
    return render(request, "tracker/settings.html", {"form": form})
