"""Whatever staff type into a guide in the admin is shown as text: no field of
a guide, of its list rows or of the rows they point to can add script to a page."""

from html.parser import HTMLParser
from itertools import count

import pytest
from django.db import models

from careers.loader import load_careers
from careers.models import Career

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "**<script>alert(1)</script>**\n\n- '><svg onload=alert(1)>",
]


class ActiveContent(HTMLParser):
    """Collect what a browser would run: event-handler attributes and scripts."""

    def __init__(self):
        super().__init__()
        self.found = []
        self._script_type = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value}>")
            if name in ("href", "src") and (value or "").startswith("javascript:"):
                self.found.append(f"<{tag} {name}={value}>")
        if tag == "script":
            self._script_type = dict(attrs).get("type") or "text/javascript"

    def handle_endtag(self, tag):
        if tag == "script":
            self._script_type = None

    def handle_data(self, data):
        runs = self._script_type and self._script_type != "application/ld+json"
        if runs and "alert(1)" in data:
            self.found.append(f"<script>{data}</script>")


def active_content(page: str) -> list[str]:
    parser = ActiveContent()
    parser.feed(page)
    return parser.found


def text_fields(model):
    """Free-text fields staff edit: CharField and TextField, not slugs or choices."""
    return [
        field
        for field in model._meta.get_fields()
        if isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.SlugField)
        and field.editable
        and not field.choices
    ]


_serial = count(1)


def fill(obj, payload):
    """Put the payload in every text field that can hold it; return their names."""
    filled = []
    for field in text_fields(type(obj)):
        value = f"{payload} {next(_serial)}" if field.unique else payload
        if field.max_length and field.max_length < len(value):
            continue
        setattr(obj, field.attname, value)
        filled.append(f"{type(obj).__name__}.{field.name}")
    obj.save()
    return filled


def fill_guide(career, payload):
    """Fill the guide, every row of its lists, and the rows those point to."""
    filled = fill(career, payload)
    for relation in Career._meta.related_objects:
        if not relation.one_to_many:
            continue
        for row in relation.related_model.objects.filter(
            **{relation.field.name: career}
        ):
            filled += fill(row, payload)
            for field in row._meta.concrete_fields:
                if field.many_to_one and field.related_model is not Career:
                    filled += fill(getattr(row, field.name), payload)
    return filled


@pytest.mark.parametrize("payload", PAYLOADS)
def test_script_in_every_guide_field_is_shown_as_text(client, payload):
    load_careers()
    career = Career.objects.get(slug="customer-service-clerk")
    filled = fill_guide(career, payload)
    # The guide, each of its lists and the industries and skills they name.
    assert {"Career.title", "Career.overview", "FAQ.answer", "Step.body"} <= set(filled)
    assert {"Industry.name", "Skill.description", "GuideSection.body"} <= set(filled)

    for url in [career.get_absolute_url(), "/careers/", "/careers/?q=alert"]:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert active_content(page) == [], url
        assert "<script>alert(1)</script>" not in page, url
        assert "<img src=x" not in page, url


def test_the_checker_finds_unescaped_script():
    page = "<p>x</p><img src=x onerror=alert(1)><script>alert(1)</script>"
    assert len(active_content(page)) == 2
