"""Project-wide pages: the landing page, the health check and robots.txt."""

from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.pagecache import cache_anonymous_page


@require_GET
@cache_anonymous_page
def home(request):
    if request.user.is_authenticated:
        return redirect("dashboard:index")
    return render(request, "home.html")


@never_cache
@require_GET
def healthz(request):
    """Answer 200 "ok" when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse(
            "database unavailable", status=503, content_type="text/plain"
        )
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def robots_txt(request):
    """Let crawlers in everywhere public; keep them out of private areas."""
    lines = [
        "User-agent: *",
        "Disallow: /accounts/",
        "Disallow: /admin/",
        "Disallow: /tracker/",
        "Disallow: /assessments/results/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
