from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from dashboard.selectors import dashboard_for


@login_required
@require_GET
def index(request):
    return render(
        request,
        "dashboard/index.html",
        {"dashboard": dashboard_for(user=request.user), "today": timezone.localdate()},
    )
