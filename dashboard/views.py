from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from dashboard.selectors import dashboard_for
from tracker.forms import WeeklyGoalForm
from tracker.services import tracker_weekly_goal_set


@login_required
@require_http_methods(["GET", "POST"])
def index(request):
    """The dashboard; its one form sets or clears the weekly goal, and a bad
    value shows the dashboard again with the error beside the box."""
    form = WeeklyGoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        goal = form.cleaned_data["weekly_goal"]
        tracker_weekly_goal_set(user=request.user, weekly_goal=goal)
        plural = "" if goal == 1 else "s"
        messages.success(
            request,
            f"Your weekly goal is now {goal} application{plural} a week."
            if goal
            else "Your weekly goal has been cleared.",
        )
        return redirect("dashboard:index")
    dashboard = dashboard_for(user=request.user)
    if not form.is_bound:
        form = WeeklyGoalForm(initial={"weekly_goal": dashboard.weekly_goal})
    return render(
        request,
        "dashboard/index.html",
        {"dashboard": dashboard, "today": timezone.localdate(), "goal_form": form},
    )
