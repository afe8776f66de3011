"""{% url %} and the section links remember the addresses of names without
arguments (core.reversing), per URLconf and script prefix."""

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.urls import NoReverseMatch, set_script_prefix, set_urlconf

from core import reversing
from core.navigation import section_links


@pytest.fixture(autouse=True)
def _nothing_remembered(monkeypatch):
    monkeypatch.setattr(reversing, "_remembered", {})


@pytest.fixture
def reversed_names(monkeypatch):
    """The names that reach Django's reverse()."""
    calls = []
    real = reversing.reverse

    def counted(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(reversing, "reverse", counted)
    return calls


def render(text: str, **context) -> str:
    return Template(text).render(Context(context))


def test_a_name_without_arguments_is_reversed_once(reversed_names):
    page = "{% url 'home' %} {% url 'careers:index' as careers %}{{ careers }}"

    assert render(page) == "/ /careers/"
    assert render(page) == "/ /careers/"
    section_links()
    section_links()

    assert sorted(reversed_names) == [
        "assessments:index",
        "careers:index",
        "home",
        "tracker:index",
    ]


def test_names_with_arguments_or_from_variables_are_reversed_as_django_does(
    reversed_names,
):
    page = "{% url 'careers:detail' slug %} {% url name %}"

    assert render(page, slug="baker", name="home") == "/careers/baker/ /"
    assert reversed_names == []


def test_the_urlconf_in_use_decides():
    assert render("{% url 'home' %}") == "/"
    with override_settings(ROOT_URLCONF="tests.urls_elsewhere"):
        assert render("{% url 'home' %}") == "/elsewhere/"
    # A request's own urlconf, as a middleware would set it.
    set_urlconf("tests.urls_elsewhere")
    try:
        assert render("{% url 'home' %}") == "/elsewhere/"
    finally:
        set_urlconf(None)
    assert render("{% url 'home' %}") == "/"


def test_the_script_prefix_decides():
    assert render("{% url 'home' %}") == "/"
    set_script_prefix("/foothold/")
    try:
        assert render("{% url 'home' %}") == "/foothold/"
        assert section_links()[0].url == "/foothold/careers/"
    finally:
        set_script_prefix("/")
    assert render("{% url 'home' %}") == "/"


def test_an_unknown_name_fails_as_with_django():
    with pytest.raises(NoReverseMatch):
        render("{% url 'no-such-page' %}")
    assert render("{% url 'no-such-page' as missing %}[{{ missing }}]") == "[]"
