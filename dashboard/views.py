from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from dashboard.selectors import dashboard_for
from tracker.forms import WeeklyGoalForm
from tracker.services import tracker_weekly_goal_set


def _render(request, goal_form: WeeklyGoalForm | None = None):
    dashboard = dashboard_for(user=request.user)
    return render(
        request,
        "dashboard/index.html",
        {
            "dashboard": dashboard,
            "today": timezone.localdate(),
            "goal_form": goal_form
            or WeeklyGoalForm(initial={"weekly_goal": dashboard.weekly_goal}),
        },
    )


@login_required
@require_GET
def index(request):
    return _render(request)


@login_required
@require_POST
def weekly_goal(request):
    """Set or clear the weekly goal from the dashboard; a bad value shows the
    dashboard again with the error beside the box."""
    form = WeeklyGoalForm(request.POST)
    if not form.is_valid():
        return _render(request, form)
    goal = form.cleaned_data["weekly_goal"]
    tracker_weekly_goal_set(user=request.user, weekly_goal=goal)
    messages.success(
        request,
        f"Your weekly goal is now {goal} application{'s' if goal != 1 else ''}."
        if goal
        else "Your weekly goal has been cleared.",
    )
    return redirect("dashboard:index")
