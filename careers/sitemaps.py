from careers.models import Career
from config.sitemaps import PublishedSitemap


class GuideSitemap(PublishedSitemap):
    model = Career
