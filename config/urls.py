from django.contrib import admin
from django.urls import include, path

from assessments.sitemaps import AssessmentSitemap
from careers import views as careers_views
from careers.sitemaps import GuideSitemap
from core import views
from core.sitemaps import PageSitemap

admin.site.site_header = "Foothold administration"
admin.site.site_title = "Foothold admin"
admin.site.index_title = "Content and accounts"

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", include("dashboard.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("manifest.webmanifest", views.web_manifest, name="web_manifest"),
    path(
        "sitemap.xml",
        views.sitemap,
        {
            "sitemaps": {
                "pages": PageSitemap,
                "guides": GuideSitemap,
                "assessments": AssessmentSitemap,
            }
        },
        name="sitemap",
    ),
    path("careers/", include("careers.urls")),
    path("assessments/", include("assessments.urls")),
    # Careers' view at its first address, beside the profile it changes.
    path(
        "accounts/profile/target/",
        careers_views.set_target_career,
        name="set_target_career",
    ),
    path("accounts/", include("accounts.urls")),
    path("tracker/", include("tracker.urls")),
    path("admin/", admin.site.urls),
]
