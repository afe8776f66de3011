"""Project-wide pages: the landing page, the health check, robots.txt and the
web app manifest."""

from django.contrib.sitemaps.views import sitemap as render_sitemap
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET

from core.pagecache import cache_anonymous_page, cached_fragment


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


@require_GET
def sitemap(request, sitemaps):
    """Django's sitemap, rendered once for each state of what it lists.

    Drawing ~1,000 guides' entries takes ~100 ms; the stored copy costs one small
    aggregate query per listed model, so a newly published row still shows at
    once, whoever publishes it (a loader, the admin, a bulk insert).
    """
    # Classes or instances, as Django's view accepts.
    listed = [each() if callable(each) else each for each in sitemaps.values()]
    name = ":".join(
        [
            "sitemap",
            request.scheme,
            request.get_host(),
            request.GET.get("p", ""),
            *(each.fingerprint() for each in listed),
        ]
    )

    def rendered() -> dict:
        response = render_sitemap(request, sitemaps=sitemaps)
        response.render()
        return {"content": response.content, "headers": dict(response.headers)}

    page = cached_fragment(name, rendered)
    return HttpResponse(page["content"], headers=page["headers"])


# The colours the manifest and base.html's theme-color share: the brand teal
# and the light background of foothold.css.
THEME_COLOR = "#0f766e"
BACKGROUND_COLOR = "#ffffff"


@require_GET
@cache_control(public=True, max_age=60 * 60 * 24)
def web_manifest(request):
    """Describe Foothold as an installable app: its name, colours and icons."""
    manifest = {
        "name": "Foothold",
        "short_name": "Foothold",
        "description": "Learn a career, check you are ready for it, and run your job "
        "hunt.",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {
                "src": static("img/icon-192.png"),
                "sizes": "192x192",
                "type": "image/png",
            },
            {
                "src": static("img/icon-512.png"),
                "sizes": "512x512",
                "type": "image/png",
            },
            {
                "src": static("img/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
            {"src": static("img/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return JsonResponse(manifest, content_type="application/manifest+json")
