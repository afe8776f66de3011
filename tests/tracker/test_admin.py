import pytest

from tests.factories import DocumentFactory, UserFactory
from tracker.models import TrackerProfile
from tracker.services import application_change_status, application_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_staff_can_list_search_and_filter_applications(admin_client, alice):
    application_create(owner=alice, company="Acme", role_title="Designer")
    for url in [
        "/admin/tracker/application/",
        "/admin/tracker/application/?q=acme",
        "/admin/tracker/application/?status__exact=saved&archived__exact=0",
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert "Acme" in response.content.decode()


def test_status_history_is_shown_read_only(admin_client, alice):
    application = application_create(owner=alice, company="Acme", role_title="Dev")
    application_change_status(application=application, status="applied")
    response = admin_client.get(f"/admin/tracker/application/{application.pk}/change/")
    assert response.status_code == 200
    inline = next(
        formset
        for formset in response.context["inline_admin_formsets"]
        if formset.opts.model.__name__ == "StatusChange"
    )
    assert len(inline.forms) == 2
    assert not inline.has_add_permission
    assert not inline.has_change_permission
    assert not inline.has_delete_permission


def test_staff_cannot_add_applications_or_documents(admin_client):
    # An application made in the admin would have no recorded first status.
    assert admin_client.get("/admin/tracker/application/add/").status_code == 403
    assert admin_client.get("/admin/tracker/document/add/").status_code == 403


def test_documents_and_profiles_have_admin_pages(admin_client, alice):
    document = DocumentFactory(owner=alice)
    profile = TrackerProfile.objects.create(user=alice)
    for url in [
        "/admin/tracker/document/",
        f"/admin/tracker/document/{document.pk}/change/",
        "/admin/tracker/trackerprofile/",
        f"/admin/tracker/trackerprofile/{profile.pk}/change/",
    ]:
        assert admin_client.get(url).status_code == 200, url
