from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class PageSitemap(Sitemap):
    """The public pages that are not content rows."""

    def items(self):
        return ["home", "careers:index", "assessments:index"]

    def location(self, url_name):
        return reverse(url_name)
