"""Template helpers used across the whole site (loaded as a builtin)."""

import json

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.formatting import money as format_money
from core.markup import render_markup
from core.navigation import section_links

register = template.Library()


@register.simple_tag(takes_context=True)
def site_sections(context):
    """Return the main sections, marking the one the current page belongs to."""
    request = context.get("request")
    return section_links(request.path if request else "")


@register.filter
def markup(text):
    """Render admin-written text (paragraphs, bullets, **bold**) as safe HTML."""
    return render_markup(text)


@register.filter
def json_ld(data):
    """Render data as a JSON-LD script block that no content can break out of."""
    # Three replace() calls, not str.translate(): translate maps character by
    # character in Python and took a millisecond on a guide's JSON-LD.
    text = (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003C")
        .replace(">", "\\u003E")
        .replace("&", "\\u0026")
    )
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text),
    )


@register.filter
def money(amount, currency="USD"):
    """38400|money:"USD" → $38,400."""
    return format_money(amount, currency)


@register.simple_tag(takes_context=True)
def absolute_url(context, url_name, *args):
    """The full address of a page, for canonical links and feeds."""
    return context["request"].build_absolute_uri(reverse(url_name, args=args))


@register.filter
def thousands(number):
    """348600|thousands → 348,600."""
    if number is None or number == "":
        return ""
    return f"{int(number):,}"
