"""Every form with errors opens with a summary linking to each field in error;
fields carry their errors and help text for screen readers."""

from html.parser import HTMLParser

import pytest
from django import forms
from django.template import engines

from core.forms import URLInput
from tests.site_pages import FORM_PAGES, Page, fetch


class FormMarkup(HTMLParser):
    """Every element's attributes by id, and the error summary's items."""

    def __init__(self):
        super().__init__()
        self.by_id, self.summary_items, self.summary_attrs = {}, [], None
        self._in_summary = self._in_item = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs, tag=tag)
        if "id" in attrs:
            self.by_id[attrs["id"]] = attrs
        if "data-error-summary" in attrs:
            self._in_summary = True
            self.summary_attrs = attrs
        elif self._in_summary and tag == "li":
            self._in_item = True
            self.summary_items.append({"href": None, "text": ""})
        elif self._in_item and tag == "a":
            self.summary_items[-1]["href"] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "li":
            self._in_item = False
        elif tag == "div" and self._in_summary and not self._in_item:
            self._in_summary = False

    def handle_data(self, data):
        if self._in_item:
            self.summary_items[-1]["text"] += data


def markup(response) -> FormMarkup:
    parser = FormMarkup()
    parser.feed(response.content.decode())
    return parser


def test_sign_up_summary_lists_each_error_and_links_to_its_field(client, db):
    response = client.post(
        "/accounts/signup/", {"email": "maya@example", "name": "", "password": "x"}
    )
    page = markup(response)
    assert page.summary_attrs["role"] == "alert"
    assert page.summary_attrs["tabindex"] == "-1"
    form = response.context["form"]
    expected = [
        {"href": f"#{form[name].auto_id}", "text": f"{form[name].label}: {error}"}
        for name, errors in form.errors.items()
        for error in errors
    ]
    assert len(expected) >= 2
    assert page.summary_items == expected


def test_a_mistake_across_fields_is_listed_without_a_link(client, alice):
    response = client.post(
        "/accounts/signin/", {"username": alice.email, "password": "not-it"}
    )
    page = markup(response)
    assert page.summary_items == [
        {"href": None, "text": response.context["form"].non_field_errors()[0]}
    ]


@pytest.mark.parametrize("entry", FORM_PAGES, ids=[entry[0] for entry in FORM_PAGES])
def test_every_summary_link_leads_to_an_invalid_field_that_describes_its_error(
    client, site_data, entry
):
    name, path, who, fields = entry
    page = Page(name, path.format(**site_data), who, fields)
    response = fetch(client, page, site_data["users"])
    parsed = markup(response)
    if "errors" in name:
        assert parsed.summary_attrs, f"{name}: no error summary"
    linked = {item["href"] for item in parsed.summary_items}
    invalid = {id for id, attrs in parsed.by_id.items() if "aria-invalid" in attrs}
    assert {f"#{id}" for id in invalid} <= linked
    for item in parsed.summary_items:
        if item["href"] is None:
            continue
        field_id = item["href"].removeprefix("#")
        field = parsed.by_id[field_id]
        if field["tag"] == "div":  # radio buttons and checkboxes: their fieldset
            field = next(
                attrs
                for attrs in parsed.by_id.values()
                if attrs["tag"] == "fieldset"
                and f"{field_id}_error" in attrs.get("aria-describedby", "")
            )
        else:
            assert field["aria-invalid"] == "true", item
        described_by = field["aria-describedby"].split()
        assert f"{field_id}_error" in described_by, item
        assert all(part in parsed.by_id for part in described_by), item


def test_help_text_describes_its_field(alice_client):
    page = markup(alice_client.get("/tracker/new/"))
    follow_up = page.by_id["id_follow_up_on"]
    assert follow_up["aria-describedby"] == "id_follow_up_on_helptext"
    assert page.by_id["id_follow_up_on_helptext"]["tag"] == "div"
    assert "aria-invalid" not in follow_up


def test_a_rejected_web_address_is_shown_back_in_a_text_box():
    class LinkForm(forms.Form):
        link = forms.URLField(widget=URLInput)

    rejected = str(LinkForm({"link": "not a link"})["link"])
    assert 'type="text"' in rejected
    assert 'inputmode="url"' in rejected
    assert 'value="not a link"' in rejected
    accepted = str(LinkForm({"link": "https://example.org/jobs"})["link"])
    assert 'type="url"' in accepted
    assert "inputmode" not in accepted


def test_the_summary_counts_problems_and_lists_form_wide_errors_first():
    class DatesForm(forms.Form):
        start = forms.DateField()
        end = forms.DateField()

        def clean(self):
            raise forms.ValidationError("The end comes before the start.")

    form = DatesForm({"start": "soon"})
    html = engines["django"].from_string("{{ form }}").render({"form": form})
    parsed = FormMarkup()
    parsed.feed(html)
    assert "Please fix 3 problems below" in html
    assert [item["href"] for item in parsed.summary_items] == [
        None,
        "#id_start",
        "#id_end",
    ]
    assert parsed.summary_items[0]["text"] == "The end comes before the start."
