from assessments.models import Assessment
from core.sitemaps import PublishedSitemap


class AssessmentSitemap(PublishedSitemap):
    model = Assessment
