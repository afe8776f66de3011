"""Too-big or too-many-field requests get a clear error page, never a 500."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from careers.loader import load_careers
from careers.models import Career
from tests.html_forms import form_data

pytestmark = pytest.mark.django_db


def test_limits_are_set():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 1024 * 1024
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE == 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS == 2000
    assert settings.MAX_REQUEST_BYTES == 6 * 1024 * 1024


def test_a_form_post_over_the_memory_limit_is_a_400_page(alice_client):
    huge = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = alice_client.post("/tracker/new/", {"notes": huge})

    assert response.status_code == 400
    assert "We could not understand that request" in response.content.decode()


def test_too_many_fields_is_a_400_page(client):
    data = {f"field{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}

    response = client.post("/accounts/signin/", data)

    assert response.status_code == 400
    assert "We could not understand that request" in response.content.decode()


def test_a_body_over_the_request_limit_is_a_413_page_before_it_is_read(
    alice_client,
):
    big = SimpleUploadedFile(
        "resume.txt", b"a" * (settings.MAX_REQUEST_BYTES + 1), "text/plain"
    )

    response = alice_client.post(
        "/tracker/documents/", {"kind": "resume", "label": "CV", "file": big}
    )

    assert response.status_code == 413
    page = response.content.decode()
    assert "That was too large to send" in page
    assert "up to 6 MB" in page
    assert response["Content-Security-Policy"]


def test_a_document_just_under_the_limit_still_reaches_the_form(alice_client):
    """The form, not the size cap, answers a 5.5 MB file: a field error."""
    big = SimpleUploadedFile("resume.txt", b"a" * (5_500_000), "text/plain")

    response = alice_client.post(
        "/tracker/documents/", {"kind": "resume", "label": "CV", "file": big}
    )

    assert response.status_code == 200
    assert "over the" in response.context["form"].errors["file"][0]


def test_the_longest_guide_saves_in_the_admin_within_the_field_limit(admin_client):
    load_careers()
    career = Career.objects.get(slug="customer-service-clerk")
    url = f"/admin/careers/career/{career.pk}/change/"
    data = form_data(admin_client.get(url).content.decode(), "career_form")
    data["_continue"] = "Save and continue editing"

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == url
