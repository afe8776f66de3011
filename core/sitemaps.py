from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class PageSitemap(Sitemap):
    """The public pages that are not content rows."""

    def items(self):
        return ["home", "careers:index", "careers:about_data", "assessments:index"]

    def location(self, url_name):
        return reverse(url_name)


class PublishedSitemap(Sitemap):
    """Published rows of a model with `published()` and an `updated_at`."""

    changefreq = "monthly"
    model = None

    def items(self):
        return self.model.objects.published().only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at
