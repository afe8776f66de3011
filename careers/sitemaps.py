from django.contrib.sitemaps import Sitemap

from careers.models import Career


class GuideSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Career.objects.published().only("slug", "updated_at")

    def lastmod(self, career):
        return career.updated_at
