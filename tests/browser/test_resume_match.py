from playwright.sync_api import expect

from tests.browser.helpers import sign_in
from tests.factories import UserFactory, docx_with_text
from tracker.services import application_create

POSTING = (
    "Receptionist wanted. The receptionist greets visitors and answers phones. "
    "Scheduling appointments and scheduling rooms; scheduling is daily. "
    "Phones ring often."
)


def test_attach_a_resume_and_read_the_match(page, live_server, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    maya = UserFactory(email="maya@example.com")
    application = application_create(
        owner=maya, company="Acme", role_title="Receptionist", job_description=POSTING
    )
    sign_in(page, live_server, maya)

    page.goto("/tracker/documents/")
    page.get_by_label("Kind").select_option("Resume")
    page.get_by_label("Name or version").fill("Resume, front desk")
    page.get_by_label("File").set_input_files(
        {
            "name": "resume.docx",
            "mimeType": "application/vnd.openxmlformats-officedocument."
            "wordprocessingml.document",
            "buffer": docx_with_text(
                ["Maya Rivera", "Answered phones and kept the schedule."]
            ),
        }
    )
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_text("Uploaded Resume, front desk.")).to_be_visible()

    # Attach it: tick it as sent with the application.
    page.goto(f"/tracker/{application.pk}/edit/")
    page.get_by_label("Resume, front desk").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Receptionist")

    page.get_by_role("link", name="Match my resume").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Resume match")
    # scheduling (3) and phones (2) found, receptionist (2) missing: 5 of 7.
    expect(page.get_by_role("heading", name="Resume, front desk: 71%")).to_be_visible()
    expect(page.get_by_text("5 ÷ 7 = 71%")).to_be_visible()
    found = page.get_by_role("table", name="Terms found in your resume")
    expect(found.get_by_role("cell", name="scheduling")).to_be_visible()
    expect(found.get_by_role("cell", name="phones")).to_be_visible()
    missing = page.get_by_role("table", name="Terms missing from your resume")
    expect(missing.get_by_role("cell", name="receptionist")).to_be_visible()
