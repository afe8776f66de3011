"""The Application's fields are listed once (tracker.fields); the form, the CSV
files, the account export and the services all follow that list."""

import json

import pytest

from tracker import imports
from tracker.cells import key
from tracker.fields import APPLICATION_FIELDS, CSV_COLUMNS, FORM_FIELDS
from tracker.forms import ApplicationForm
from tracker.models import Application
from tracker.services import application_create, application_update

pytestmark = pytest.mark.django_db


def test_every_field_a_person_fills_in_is_listed():
    """A field added to the model but not to the list would be missing from the
    form, the files and the export: this fails first."""
    filled_in = {
        field.name
        for field in Application._meta.get_fields()
        if getattr(field, "editable", False) and not field.auto_created
    } - {"owner"}

    assert {field.name for field in APPLICATION_FIELDS} == filled_in


def test_the_form_offers_the_listed_fields_in_order(alice):
    form = ApplicationForm(user=alice)

    assert [name for name in form.fields if name != "client_token"] == FORM_FIELDS


def test_the_services_save_the_listed_fields_and_refuse_others(alice):
    application = application_create(owner=alice, company="Acme", role_title="Clerk")

    application_update(application=application, location="Lyon", priority=1)
    with pytest.raises(TypeError, match="archived"):
        application_update(application=application, archived=True)
    with pytest.raises(TypeError, match="status_changed_at"):
        application_update(application=application, status_changed_at=None)

    application.refresh_from_db()
    assert (application.location, application.priority) == ("Lyon", 1)


@pytest.mark.parametrize(("heading", "name"), CSV_COLUMNS)
def test_the_import_reads_each_columns_heading_and_field_name(heading, name):
    assert imports.HEADINGS[key(heading)] == name
    assert imports.HEADINGS[key(name)] == name


def test_an_alias_may_not_name_two_fields(monkeypatch):
    clash = (*APPLICATION_FIELDS[:1], APPLICATION_FIELDS[1].__class__("x", "Company"))
    monkeypatch.setattr(imports, "APPLICATION_FIELDS", clash)

    with pytest.raises(ValueError, match="names both company and x"):
        imports._headings()


def test_the_account_export_has_every_csv_column(alice_client, alice):
    application_create(owner=alice, company="Acme", role_title="Clerk")

    response = alice_client.get("/accounts/profile/export.json")
    [exported] = json.loads(response.content)["tracker"]["applications"]

    assert {name for _, name in CSV_COLUMNS} <= set(exported)
