from careers.models import Career
from core.sitemaps import PublishedSitemap


class GuideSitemap(PublishedSitemap):
    model = Career
