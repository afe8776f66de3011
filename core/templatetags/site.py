"""Template helpers used across the whole site (loaded as a builtin)."""

import json

from django import template
from django.template import defaulttags
from django.urls import NoReverseMatch, reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from core.formatting import money as format_money
from core.markup import render_markup
from core.navigation import section_links
from core.reversing import reverse_cached

register = template.Library()


class RememberedURLNode(defaulttags.URLNode):
    """{% url 'name' %} with no arguments, looked up with reverse_cached."""

    def render(self, context):
        # Django's URLNode chooses the current app this way.
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        try:
            url = reverse_cached(self.view_name.var, current_app=current_app)
        except NoReverseMatch:
            if self.asvar is None:
                raise
            url = ""
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    """Django's {% url %} (this builtin takes its name): a literal name without
    arguments, as the header and footer use two dozen times a page, is reversed
    once per URLconf, script prefix and current app; the rest as Django does."""
    node = defaulttags.url(parser, token)
    view_name = node.view_name
    if node.args or node.kwargs or view_name.is_var or view_name.filters:
        return node
    return RememberedURLNode(view_name, node.args, node.kwargs, node.asvar)


@register.simple_tag(takes_context=True)
def site_sections(context):
    """Return the main sections, marking the one the current page belongs to."""
    request = context.get("request")
    return section_links(request.path if request else "")


@register.simple_tag(takes_context=True)
def current_section(context) -> str:
    """The URL name of the main section the current page is in, or ""."""
    for link in site_sections(context):
        if link.is_current:
            return link.section.url_name
    return ""


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
