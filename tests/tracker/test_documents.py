import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import DocumentFactory
from tracker.forms import MAX_DOCUMENT_BYTES
from tracker.models import Document

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_bytes(member="word/document.xml"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(member, "<w:document/>")
    return buffer.getvalue()


def upload(client, name, content, kind="resume", label="Resume v1"):
    return client.post(
        "/tracker/documents/",
        {"kind": kind, "label": label, "file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("cv.pdf", PDF, "application/pdf"),
        ("CV.DOCX", docx_bytes(), DOCX_TYPE),
        ("cv.txt", "Ana Lópes — designer\n".encode(), "text/plain; charset=utf-8"),
    ],
)
def test_upload_and_download_pdf_docx_and_text(
    alice_client, alice, name, content, content_type
):
    response = upload(alice_client, name, content)
    assert response.status_code == 302
    document = Document.objects.get(owner=alice)
    assert (document.original_name, document.size) == (name, len(content))
    assert document.content_type == content_type
    # Stored under a random name, not the person's file name.
    assert name not in document.file.name
    download = alice_client.get(f"/tracker/documents/{document.pk}/download/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content
    assert download["Content-Type"] == content_type
    assert download["Content-Disposition"] == f'attachment; filename="{name}"'
    assert "no-cache" in download["Cache-Control"]


TYPE = "Upload a PDF, Word (.docx) or plain text (.txt) file."
NOT_PDF = "This file is named .pdf but is not a PDF."
NOT_DOCX = "This file is named .docx but is not a Word document."


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cv.exe", b"MZ\x90\x00", TYPE),
        ("cv.html", b"<script>", TYPE),
        ("cv", b"%PDF-1.7", TYPE),
        ("cv.pdf", b"<html>not a pdf</html>", NOT_PDF),
        ("cv.docx", b"PK\x03\x04broken", NOT_DOCX),
        ("cv.docx", docx_bytes("xl/workbook.xml"), NOT_DOCX),
        ("cv.docx", PDF, NOT_DOCX),
        (
            "cv.txt",
            b"\xff\xfe\x00\x00binary",
            "This text file is not plain UTF-8 text.",
        ),
        ("cv.txt", b"MZ\x00\x00", "This file is named .txt but is not plain text."),
        ("cv.pdf", b"", "That file is empty."),
    ],
)
def test_wrong_type_is_refused_with_a_message(alice_client, name, content, message):
    response = upload(alice_client, name, content, label="Keep this label")
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [message]
    page = response.content.decode()
    assert message in page
    assert 'value="Keep this label"' in page
    assert not Document.objects.exists()


def test_oversize_file_is_refused_with_a_message(alice_client):
    content = PDF + b"0" * MAX_DOCUMENT_BYTES
    response = upload(alice_client, "big.pdf", content)
    assert response.context["form"].errors["file"] == [
        "This file is over the 5.0\xa0MB limit. Save a smaller version (a PDF "
        "export is usually small) and try again."
    ]
    assert not Document.objects.exists()


def test_missing_file_and_label_are_explained(alice_client):
    response = alice_client.post("/tracker/documents/", {"kind": "resume"})
    errors = response.context["form"].errors
    assert errors["file"] == ["Choose a file to upload."]
    assert errors["label"] == ["Give this version a name you will recognise."]


def test_another_person_gets_404_on_the_file(client, alice, bob):
    document = DocumentFactory(owner=alice)
    client.force_login(bob)
    assert client.get(f"/tracker/documents/{document.pk}/download/").status_code == 404


def test_the_file_has_no_public_url(alice_client, alice, client):
    upload(alice_client, "cv.pdf", PDF)
    document = Document.objects.get()
    path = Path(document.file.path).resolve()
    assert path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.STATIC_ROOT).resolve())
    with pytest.raises(ValueError, match="no public URL"):
        document.file.url  # noqa: B018
    for url in [
        f"/media/{document.file.name}",
        f"/{document.file.name}",
        f"/static/{document.file.name}",
    ]:
        assert client.get(url).status_code == 404
        assert alice_client.get(url).status_code == 404


def test_delete_removes_the_row_and_the_file(
    alice_client, alice, django_capture_on_commit_callbacks
):
    upload(alice_client, "cv.pdf", PDF)
    document = Document.objects.get()
    path = Path(document.file.path)
    assert path.exists()
    assert (
        "cannot be undone"
        in alice_client.get(
            f"/tracker/documents/{document.pk}/delete/"
        ).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(f"/tracker/documents/{document.pk}/delete/")
    assert not Document.objects.exists()
    assert not path.exists()


def test_the_list_shows_only_ones_own_documents(alice_client, alice, bob):
    DocumentFactory(owner=alice, label="Alice resume")
    DocumentFactory(owner=bob, label="Bob resume")
    page = alice_client.get("/tracker/documents/").content.decode()
    assert "Alice resume" in page
    assert "Bob resume" not in page
