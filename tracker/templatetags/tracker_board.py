"""The board's cards, drawn in Python.

A full board draws 160 cards (20 in each of 8 columns). Drawn with the template
language they cost most of the page: each card's dozen variables, its date, its
address reversals and its status menu made the board several times slower than
the list. format_html() escapes exactly as the template did.
"""

from datetime import date
from functools import cache, lru_cache

from django import template
from django.template.defaultfilters import date as date_filter
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from tracker.models import Priority, Status

register = template.Library()

CARD = """<li class="board-card" id="card-{pk}"{moved}>
  <a class="board-card__title" href="{detail_url}">{role_title}</a>
  <p class="board-card__company">{company}</p>
  <p class="board-card__meta">{tags}</p>
  <form method="post" action="{move_url}" data-hx-post="{move_url}" data-hx-target="#board" data-hx-swap="outerHTML" class="board-card__move">
    <input type="hidden" name="csrfmiddlewaretoken" value="{csrf_token}">
    <label class="visually-hidden" for="move-{pk}">New status for {name}</label>
    <select id="move-{pk}" name="status">{options}</select>
    <button type="submit" class="button button--small button--secondary">Move<span class="visually-hidden"> {name}</span></button>
  </form>
</li>"""  # noqa: E501


@register.simple_tag(takes_context=True)
def board_card(context, application, moved=None) -> SafeString:
    """One card: its title, company, tags and a form that moves it."""
    tags = []
    if application.priority == Priority.HIGH:
        tags.append('<span class="tag">High priority</span>')
    if application.quiet:
        tags.append('<span class="tag tag--warning">Gone quiet</span>')
    if application.follow_up_on:
        day = _day_month(application.follow_up_on, get_language())
        tags.append(format_html('<span class="tag">Follow up {}</span>', day))
    return format_html(
        CARD,
        pk=application.pk,
        moved=mark_safe(" data-moved" if moved == application.pk else ""),
        detail_url=_url("tracker:detail", application.pk),
        role_title=application.role_title,
        company=application.company,
        tags=mark_safe("".join(tags)),  # each tag is literal or format_html()
        move_url=_url("tracker:move", application.pk),
        csrf_token=context.get("csrf_token", ""),
        name=str(application),
        options=_status_options(application.status),
    )


# The month's name is a translation lookup, slow enough to matter 160 times;
# a board's follow-up dates repeat.
@lru_cache(maxsize=512)
def _day_month(day: date, language: str | None) -> str:
    return date_filter(day, "j M")


# A column's cards all share a status, so the board draws at most eight
# different menus: built once each, not once per card.
@cache
def _status_options(selected: str) -> SafeString:
    return format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, " selected" if value == selected else "", label)
            for value, label in Status.choices
        ),
    )


# An id no application has, to cut a reversed address into the parts around it.
_PLACEHOLDER = 9_876_543_210


def _url(name: str, pk: int) -> str:
    """`reverse(name, args=[pk])`, reversing once per name instead of per card."""
    before, after = _url_parts(get_script_prefix(), name)
    return f"{before}{pk}{after}"


@cache
def _url_parts(script_prefix: str, name: str) -> tuple[str, str]:
    # The script prefix is part of every reversed address: it keys the cache.
    before, after = reverse(name, args=[_PLACEHOLDER]).split(str(_PLACEHOLDER))
    return before, after
