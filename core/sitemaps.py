from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Max
from django.urls import reverse


class PageSitemap(Sitemap):
    """The public pages that are not content rows."""

    def items(self):
        return ["home", "careers:index", "careers:about_data", "assessments:index"]

    def location(self, url_name):
        return reverse(url_name)

    def fingerprint(self) -> str:
        """The same while the list above is: it is fixed in code."""
        return ""


class PublishedSitemap(Sitemap):
    """Published rows of a model with `published()` and an `updated_at`."""

    changefreq = "monthly"
    model = None

    def items(self):
        return self.model.objects.published().only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at

    def fingerprint(self) -> str:
        """Changes whenever the listed rows do: a row published, withdrawn,
        deleted or saved (which moves its `updated_at`)."""
        figures = self.model.objects.published().aggregate(
            rows=Count("pk"), latest=Max("updated_at")
        )
        latest = figures["latest"].isoformat() if figures["latest"] else ""
        return f"{figures['rows']}@{latest}"
