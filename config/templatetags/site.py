"""Template helpers used across the whole site (loaded as a builtin)."""

from django import template
from django.urls import NoReverseMatch, reverse

from config.navigation import section_links

register = template.Library()


@register.simple_tag(takes_context=True)
def site_sections(context):
    """Return the main sections, marking the one the current page belongs to."""
    request = context.get("request")
    return section_links(request.path if request else "")


@register.simple_tag
def optional_url(url_name, *args):
    """Reverse a URL, or return "" when its app is not installed yet."""
    try:
        return reverse(url_name, args=args)
    except NoReverseMatch:
        return ""
