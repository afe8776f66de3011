from django.contrib.sitemaps import Sitemap

from assessments.models import Assessment


class AssessmentSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Assessment.objects.published().only("slug", "updated_at")

    def lastmod(self, assessment):
        return assessment.updated_at
