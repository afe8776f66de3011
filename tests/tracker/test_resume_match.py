"""The resume match page: an application's posting against each resume version."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import (
    DocumentFactory,
    docx_with_text,
    generated_career_for,
    occupation_from_pack,
    pdf_with_text,
)
from tracker.models import Document
from tracker.services import application_create, document_delete

pytestmark = pytest.mark.django_db

POSTING = """Receptionist wanted. The receptionist greets visitors and answers
phones. Scheduling appointments and scheduling rooms; scheduling is daily.
Phones ring often."""


def resume(owner, label, text: bytes, name="resume.txt", **fields):
    return DocumentFactory(
        owner=owner,
        label=label,
        file__data=text,
        file__filename=name,
        original_name=name,
        size=len(text),
        **fields,
    )


@pytest.fixture
def application(alice):
    return application_create(
        owner=alice,
        company="Acme",
        role_title="Receptionist",
        job_description=POSTING,
    )


def test_the_page_shows_found_and_missing_terms_and_the_score(
    alice_client, alice, application
):
    resume(alice, "Resume v1", b"Answered phones and kept the schedule.")
    response = alice_client.get(f"/tracker/{application.pk}/match/")
    assert response.status_code == 200
    shown = response.context["shown"]
    # scheduling (3 uses: weight 3) and phones (2) found; receptionist (2)
    # missing: 5 of 7 = 71%.
    assert [t.label for t in shown.match.found] == ["scheduling", "phones"]
    assert [t.label for t in shown.match.missing] == ["receptionist"]
    page = response.content.decode()
    assert "Resume v1: 71%" in page
    assert "5 ÷ 7 = 71%" in page
    assert "<td>receptionist</td>" in page
    # No guide linked: the page says how to add the occupation's skills.
    assert "Link a career guide" in page


def test_the_linked_occupations_skills_and_technologies_count(alice_client, alice):
    occupation = occupation_from_pack("43-4051.00")
    career = generated_career_for(occupation)
    application = application_create(
        owner=alice,
        company="Acme",
        role_title="Customer service representative",
        career=career,
        job_description="Customer calls. Customer records in Microsoft Excel.",
    )
    resume(alice, "Resume", b"Customer service: active listening, Microsoft Excel.")
    response = alice_client.get(f"/tracker/{application.pk}/match/")
    terms = response.context["matches"].terms
    skills = [t.label for t in terms if t.source == "skill"]
    assert len(skills) == 10
    assert "Active Listening" in skills
    assert [t.label for t in terms if t.source == "technology"] == ["Microsoft Excel"]
    assert [t.label for t in terms if t.source == "posting"] == ["customer"]
    found = [t.label for t in response.context["shown"].match.found]
    assert {"Active Listening", "Microsoft Excel", "customer"} <= set(found)
    assert f"most important skills of {occupation.title.lower()}" in (
        response.content.decode()
    )


def test_the_best_version_is_marked_and_another_can_be_shown(
    alice_client, alice, application
):
    weak = resume(alice, "Resume, warehouse", b"Forklift and pallets.")
    strong = resume(alice, "Resume, front desk", b"Receptionist; phones; scheduling.")
    unreadable = resume(alice, "Scanned resume", b"%PDF-1.4 broken", name="scan.pdf")
    response = alice_client.get(f"/tracker/{application.pk}/match/")
    matches = response.context["matches"]
    assert matches.best.document == strong
    assert response.context["shown"].document == strong
    assert [r.score for r in matches.resumes] == [None, 100, 0]
    page = response.content.decode()
    assert page.count("Best match</span>") == 1
    assert "No text could be read from this file" in page
    assert f'href="?resume={weak.pk}#details-title"' in page
    assert f"?resume={unreadable.pk}" not in page

    other = alice_client.get(f"/tracker/{application.pk}/match/?resume={weak.pk}")
    assert other.context["shown"].document == weak
    assert "Resume, warehouse: 0%" in other.content.decode()
    for nonsense in ("abc", "999999", str(unreadable.pk), ""):
        answer = alice_client.get(f"/tracker/{application.pk}/match/?resume={nonsense}")
        assert answer.status_code == 200
        assert answer.context["shown"].document == strong


def test_cover_letters_are_not_matched(alice_client, alice, application):
    resume(alice, "Letter", b"Receptionist", kind="cover_letter")
    response = alice_client.get(f"/tracker/{application.pk}/match/")
    assert response.context["matches"].resumes == []
    assert "You have no resume uploaded yet." in response.content.decode()


def test_without_a_description_the_page_says_what_to_do(alice_client, alice):
    application = application_create(owner=alice, company="Acme", role_title="Clerk")
    resume(alice, "Resume", b"Anything")
    response = alice_client.get(f"/tracker/{application.pk}/match/")
    assert response.status_code == 200
    assert "This application has no job description yet." in (response.content.decode())
    # Nothing was read: no description, no reason to open the file.
    assert Document.objects.get().text_read_at is None
    detail = alice_client.get(f"/tracker/{application.pk}/").content.decode()
    assert "then match your resume against it" in detail


def test_the_detail_page_links_to_the_match(alice_client, application):
    page = alice_client.get(f"/tracker/{application.pk}/").content.decode()
    assert f'href="/tracker/{application.pk}/match/">Match my resume</a>' in page


def test_the_text_is_read_once_and_kept(alice_client, alice, application):
    document = resume(alice, "Resume", b"Receptionist")
    alice_client.get(f"/tracker/{application.pk}/match/")
    document.refresh_from_db()
    assert document.text == "Receptionist"
    assert document.text_read_at is not None
    # Later matches use the kept text: the file itself is no longer needed.
    document.file.storage.delete(document.file.name)
    response = alice_client.get(f"/tracker/{application.pk}/match/")
    assert response.context["shown"].score == 29  # 2 of 7


def test_a_missing_file_is_read_again_later(alice_client, alice, application):
    document = resume(alice, "Resume", b"Receptionist")
    document.file.storage.delete(document.file.name)
    response = alice_client.get(f"/tracker/{application.pk}/match/")
    assert response.status_code == 200
    assert response.context["matches"].resumes[0].match is None
    document.refresh_from_db()
    assert document.text_read_at is None


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("cv.pdf", pdf_with_text([["Page one"], ["Receptionist, scheduling"]])),
        ("cv.docx", docx_with_text(["Jane Doe", "Receptionist, scheduling"])),
        ("cv.txt", "Réception: Receptionist, scheduling".encode()),
    ],
)
def test_uploaded_pdf_docx_and_text_are_matched(alice_client, application, name, data):
    upload = SimpleUploadedFile(name, data)
    response = alice_client.post(
        "/tracker/documents/", {"kind": "resume", "label": "Mine", "file": upload}
    )
    assert response.status_code == 302
    response = alice_client.get(f"/tracker/{application.pk}/match/")
    # receptionist (2) and scheduling (3) of 7: 71%.
    assert response.context["shown"].score == 71
    assert "Receptionist, scheduling" in Document.objects.get().text


def test_the_match_page_queries_are_flat(
    alice_client, alice, application, django_assert_num_queries
):
    for n in range(5):
        resume(alice, f"Resume {n}", b"Receptionist")
    alice_client.get(f"/tracker/{application.pk}/match/")  # reads each text once
    # Expect 4 queries: the session, the user, the application with its guide
    # and occupation, and the person's resumes (their kept text).
    with django_assert_num_queries(4):
        alice_client.get(f"/tracker/{application.pk}/match/")


def test_another_person_gets_404(client, bob, application):
    client.force_login(bob)
    assert client.get(f"/tracker/{application.pk}/match/").status_code == 404


def test_the_text_is_in_the_export_and_goes_with_its_document(
    alice_client, alice, application
):
    document = resume(alice, "Resume", b"Receptionist, private words 4471")
    alice_client.get(f"/tracker/{application.pk}/match/")
    resume(alice, "Not matched yet", b"Other")

    response = alice_client.get("/accounts/profile/export.json")
    exported = json.loads(response.content)["tracker"]
    texts = {entry["label"]: entry["text"] for entry in exported["documents"]}
    assert texts == {
        "Not matched yet": None,
        "Resume": "Receptionist, private words 4471",
    }

    document_delete(document=document)
    assert not Document.objects.filter(text__contains="4471").exists()
    response = alice_client.get("/accounts/profile/export.json")
    assert "4471" not in response.content.decode()


def test_nul_characters_are_dropped_from_the_kept_text(
    alice_client, alice, application
):
    # PostgreSQL's text cannot hold NUL; some PDFs' extracted text has it.
    document = resume(alice, "Resume", b"Recep\x00tionist")
    response = alice_client.get(f"/tracker/{application.pk}/match/")
    assert response.status_code == 200
    document.refresh_from_db()
    assert document.text == "Receptionist"
