from assessments.models import Assessment
from config.sitemaps import PublishedSitemap


class AssessmentSitemap(PublishedSitemap):
    model = Assessment
