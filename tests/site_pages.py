"""Every page of the site, for the page-quality checks: axe in light and dark
colour schemes (tests/browser/test_accessibility.py), the Nu Html Checker and the
page-weight budget (tests/test_page_quality.py).

Adding a page is one line. PAGES: (name, path, who is signed in: a persona from
`build_site_data` or None). Paths may name the records that `build_site_data`
makes, as `{application}`. FORM_PAGES: (name, path, who, fields) is the page a
form answers with once submitted with those fields (the first field finds the
form; "" leaves a field empty); a `bytes` value is a file, uploaded as
`<field>.csv`.
"""

import json
import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views import csrf, defaults

from assessments.forms import SectionForm, field_name
from assessments.loader import load_assessments
from assessments.match_services import skill_ratings_save
from assessments.models import Assessment, Question, Result
from assessments.services import result_create
from assessments.skills_match import skill_names
from careers.catalogue.similarity import refresh_similar
from careers.loader import load_careers
from careers.models import Career
from tests.factories import (
    ContactFactory,
    DocumentFactory,
    InterviewFactory,
    NoteFactory,
    OfferFactory,
    UserFactory,
    generated_career_for,
    occupation_from_pack,
)
from tracker.models import Priority, Source, Status, WorkMode
from tracker.services import (
    application_archive,
    application_change_status,
    application_create,
    tracker_weekly_goal_set,
)
from tracker.sharing import calendar_token_regenerate, share_link_create
from tracker.unsubscribe import unsubscribe_token

PAGES = [
    ("landing", "/", None),
    ("careers index", "/careers/", None),
    ("careers index, filtered", "/careers/?education=high-school&sort=pay", None),
    ("careers index, no results", "/careers/?education=doctorate&pay=150k-plus", None),
    ("guide", "/careers/{guide}/", None),
    ("generated guide", "/careers/{generated_guide}/", None),
    ("about the data", "/careers/about-the-data/", None),
    ("title search", "/careers/search/", None),
    ("title search, results", "/careers/search/?q=customer+service+clerk", None),
    ("title search, no results", "/careers/search/?q=astronaut", None),
    ("generated guide, careers like this", "/careers/{occupation_guide}/", None),
    ("compare, none chosen", "/careers/compare/", None),
    ("compare, one chosen", "/careers/compare/?career={occupation_guide}", None),
    ("compare", "{compare}", None),
    ("plan a change, none chosen", "/careers/plan/", None),
    ("plan a change", "/careers/plan/?from={occupation_guide}&to={plan_to}", None),
    ("plan a change, large", "/careers/plan/?from={plan_far}&to={plan_to_far}", None),
    (
        "plan a change, signed in",
        "/careers/plan/?from={occupation_guide}&to={plan_to}",
        "alice",
    ),
    ("sign-in", "/accounts/signin/", None),
    ("sign-up", "/accounts/signup/", None),
    ("password reset", "/accounts/password/reset/", None),
    ("password reset sent", "/accounts/password/reset/sent/", None),
    ("password reset, new password", "{password_reset}", None),
    ("password reset, bad link", "/accounts/password/reset/MQ/bad-token/", None),
    ("password reset complete", "/accounts/password/reset/complete/", None),
    ("shared board", "/tracker/shared/{share_token}/", None),
    ("shared stats", "/tracker/shared/{share_token}/stats/", None),
    ("unsubscribe", "/tracker/unsubscribe/{unsubscribe_token}/", None),
    ("unsubscribe, bad link", "/tracker/unsubscribe/1:not-the-signature/", None),
    ("assessments list", "/assessments/", None),
    ("assessment", "/assessments/{readiness}/", None),
    ("question page", "/assessments/{readiness}/section/1/", None),
    ("question page, errors", "/assessments/{readiness}/section/1/?check=1", None),
    ("skills gap question page", "/assessments/{skills_gap}/section/1/", None),
    ("match my skills", "/assessments/match/", None),
    ("match my skills, a page", "/assessments/match/skills/1/", None),
    ("match my skills, errors", "/assessments/match/skills/5/?check=1", None),
    ("404", "/no-such-page/", None),
    ("landing, signed in", "/", "alice"),
    ("dashboard", "/dashboard/", "alice"),
    ("result", "/assessments/results/{readiness_result}/", "alice"),
    ("skills gap result", "/assessments/results/{skills_gap_result}/", "alice"),
    ("history", "/assessments/history/", "alice"),
    ("match my skills, signed in", "/assessments/match/", "alice"),
    ("your matches", "/assessments/match/results/", "alice"),
    (
        "your matches, filtered",
        "/assessments/match/results/?education=high-school&pay=40k",
        "alice",
    ),
    (
        "your matches, none pass",
        "/assessments/match/results/?education=none&pay=150k",
        "alice",
    ),
    ("saved skill ratings", "/assessments/match/ratings/{skill_ratings}/", "alice"),
    ("profile", "/accounts/profile/", "alice"),
    ("password change", "/accounts/password/change/", "alice"),
    ("delete account", "/accounts/profile/delete/", "alice"),
    ("bring your data back", "/accounts/profile/import/", "alice"),
    ("tracker list", "/tracker/", "alice"),
    ("tracker list, archived", "/tracker/?archived=archived", "alice"),
    (
        "tracker list, filtered",
        "/tracker/?q=acme&status=applied&sort=-company",
        "alice",
    ),
    ("new application", "/tracker/new/", "alice"),
    ("detail", "/tracker/{application}/", "alice"),
    ("detail, archived", "/tracker/{archived}/", "alice"),
    ("detail, guide suggested", "/tracker/{suggested}/", "alice"),
    ("edit", "/tracker/{application}/edit/", "alice"),
    ("delete application", "/tracker/{application}/delete/", "alice"),
    ("resume match", "/tracker/{matched}/match/", "alice"),
    ("resume match, no terms", "/tracker/{application}/match/", "alice"),
    ("resume match, no description", "/tracker/{archived}/match/", "alice"),
    ("new interview", "/tracker/{application}/interviews/new/", "alice"),
    ("edit interview", "/tracker/interviews/{interview}/edit/", "alice"),
    ("delete interview", "/tracker/interviews/{interview}/delete/", "alice"),
    ("new contact", "/tracker/{application}/contacts/new/", "alice"),
    ("edit contact", "/tracker/contacts/{contact}/edit/", "alice"),
    ("delete contact", "/tracker/contacts/{contact}/delete/", "alice"),
    ("new note", "/tracker/{application}/notes/new/", "alice"),
    ("edit note", "/tracker/notes/{note}/edit/", "alice"),
    ("delete note", "/tracker/notes/{note}/delete/", "alice"),
    ("offer detail", "/tracker/{offer_application}/", "alice"),
    ("new offer", "/tracker/{offer_application}/offers/new/", "alice"),
    ("edit offer", "/tracker/offers/{offer}/edit/", "alice"),
    ("delete offer", "/tracker/offers/{offer}/delete/", "alice"),
    ("compare offers", "/tracker/offers/", "alice"),
    ("empty compare offers", "/tracker/offers/", "newcomer"),
    ("board", "/tracker/board/", "alice"),
    ("follow-ups", "/tracker/follow-ups/", "alice"),
    ("stats", "/tracker/stats/", "alice"),
    ("import", "/tracker/import/", "alice"),
    ("documents", "/tracker/documents/", "alice"),
    ("delete document", "/tracker/documents/{document}/delete/", "alice"),
    ("calendar", "/tracker/calendar/", "alice"),
    ("share", "/tracker/share/", "alice"),
    ("tracker settings", "/tracker/settings/", "alice"),
    ("404, signed in", "/tracker/999999/", "alice"),
    ("empty dashboard", "/dashboard/", "newcomer"),
    ("empty history", "/assessments/history/", "newcomer"),
    ("empty tracker list", "/tracker/", "newcomer"),
    ("empty board", "/tracker/board/", "newcomer"),
    ("empty follow-ups", "/tracker/follow-ups/", "newcomer"),
    ("empty stats", "/tracker/stats/", "newcomer"),
    ("empty documents", "/tracker/documents/", "newcomer"),
]

IMPORT_WITH_ERRORS = (
    b"Company,Role,Status,Applied on\n"
    b"Acme,Support lead,Applied,2025-03-31\n"
    b",Analyst,Nonsense,31/31/2025\n"
)
PASTED_POSTING = (
    "Customer Service Representative\nGlobex Corporation · Leeds, UK (Hybrid)\n"
    "£24,000 - £27,000 a year\nFull-time\n\nAnswer customers by phone and chat."
)
IMPORT_READY = b"Company,Role,Status\nGlobex,Support lead,Saved\n"


def data_file(*applications: dict) -> bytes:
    """A small "Download my data" file holding these applications."""
    return json.dumps(
        {
            "format": "foothold-account-export",
            "version": 2,
            "tracker": {"applications": list(applications)},
            "careers": {
                "guides_viewed": [
                    {"guide": "retired", "viewed_at": "2026-01-05T10:00:00+00:00"}
                ]
            },
        }
    ).encode()


DATA_FILE_READY = data_file(
    {"company": "Globex", "role_title": "Support lead", "status": "saved"},
    {"company": "Initech", "role_title": "Analyst", "status": "applied"},
)
DATA_FILE_WITH_ERRORS = data_file(
    {"company": "Globex", "role_title": "Support lead", "applied_on": "31/31/2025"},
    {"company": "", "role_title": "Analyst", "status": "hired"},
)  # fmt: skip

FORM_PAGES = [
    ("sign-in, errors", "/accounts/signin/", None, {"username": ""}),
    ("sign-in, wrong password", "/accounts/signin/", None, {
        "username": "alice@example.com",
        "password": "not-her-password",
    }),
    ("sign-up, errors", "/accounts/signup/", None, {
        "email": "alice@example",
        "password": "short",
    }),
    ("password reset, errors", "/accounts/password/reset/", None, {"email": ""}),
    ("new application, errors", "/tracker/new/", "alice", {
        "posting_url": "not a link",
        "salary_currency": "euros",
    }),
    ("new application, posting read", "/tracker/new/", "alice", {
        "posting": PASTED_POSTING,
    }),
    ("new application, nothing found in the paste", "/tracker/new/", "alice", {
        "posting": "Dear diary, it rained all day.",
    }),
    ("new application, duplicate warning", "/tracker/new/", "alice", {
        "company": "ACME Incorporated International",
        "role_title": "Customer service representative",
        "status": "saved",
        "priority": "2",
    }),
    ("new interview, errors", "/tracker/{application}/interviews/new/", "alice", {
        "starts_at": "",
    }),
    ("new contact, errors", "/tracker/{application}/contacts/new/", "alice", {
        "email": "not an address",
    }),
    ("new note, errors", "/tracker/{application}/notes/new/", "alice", {"body": ""}),
    ("new offer, errors", "/tracker/{offer_application}/offers/new/", "alice", {
        "base_pay": "",
        "currency": "US$",
    }),
    ("documents, errors", "/tracker/documents/", "alice", {"label": ""}),
    ("import, empty file", "/tracker/import/", "alice", {"file": b""}),
    ("import preview, rows with errors", "/tracker/import/", "alice", {
        "file": IMPORT_WITH_ERRORS,
    }),
    ("import preview, ready", "/tracker/import/", "alice", {"file": IMPORT_READY}),
    ("data import, not a data file", "/accounts/profile/import/", "alice", {
        "file": b"Company,Role",
    }),
    ("data import preview, items with errors", "/accounts/profile/import/", "alice", {
        "file": DATA_FILE_WITH_ERRORS,
    }),
    ("data import preview, ready", "/accounts/profile/import/", "alice", {
        "file": DATA_FILE_READY,
    }),
    ("tracker settings, errors", "/tracker/settings/", "alice", {
        "quiet_after_days": "0",
    }),
    ("dashboard, weekly goal errors", "/dashboard/", "newcomer", {
        "weekly_goal": "0",
    }),
    ("unsubscribe, done", "/tracker/unsubscribe/{unsubscribe_token}/", None, {
        "List-Unsubscribe": "One-Click",
    }),
]  # fmt: skip


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    who: str | None
    fields: dict | None = None  # None: a plain GET


def pages(data: dict) -> list[Page]:
    """Every page and submitted form, with its path filled in from `data`."""
    return [Page(name, path.format(**data), who) for name, path, who in PAGES] + [
        Page(name, path.format(**data), who, fields)
        for name, path, who, fields in FORM_PAGES
    ]


def fetch(client: Client, page: Page, users: dict):
    """What a person gets for `page`, redirects followed, from the test client."""
    client.logout()
    if page.who:
        client.force_login(users[page.who])
    if page.fields is None:
        return client.get(page.path, follow=True)
    # A browser always sends the CSRF token, so even a form posted empty is bound.
    data = {"csrfmiddlewaretoken": "not-checked-by-the-test-client"} | {
        name: SimpleUploadedFile(f"{name}.csv", value, "text/csv")
        if isinstance(value, bytes)
        else value
        for name, value in page.fields.items()
    }
    return client.post(page.path, data, follow=True)


def error_pages() -> dict[str, bytes]:
    """The error pages no URL leads to, rendered by the views Django calls."""
    request = RequestFactory().get("/somewhere/")
    responses = {
        "400": defaults.bad_request(request, SuspiciousOperation()),
        "403": defaults.permission_denied(request, PermissionDenied()),
        "403, CSRF": csrf.csrf_failure(request, reason="CSRF cookie not set."),
        "500": defaults.server_error(request),
    }
    return {name: response.content for name, response in responses.items()}


def take_assessment(assessment: Assessment, *, owner) -> Result:
    """Answer every question middlingly (the second choice, 3 of 5, 20) and score it."""
    answers = {}
    for section in assessment.sections.prefetch_related("questions__choices"):
        questions = list(section.questions.all())
        data = MultiValueDict()
        for question in questions:
            choices = [str(choice.pk) for choice in question.choices.all()]
            if question.kind == Question.Kind.MULTIPLE:
                data.setlist(field_name(question), choices[:2])
            elif choices:
                data[field_name(question)] = choices[min(1, len(choices) - 1)]
            else:
                rating = question.kind == Question.Kind.RATING
                data[field_name(question)] = "3" if rating else "20"
        form = SectionForm(questions, data)
        assert form.is_valid(), form.errors
        answers.update(form.answers())
    return result_create(
        assessment=assessment, answers=answers, submission_id=uuid.uuid4(), owner=owner
    )


def build_site_data() -> dict:
    """Make the records the pages show: the shipped guides, and Alice's job hunt
    in every state (applied, interviewing, archived, due a follow-up, with
    interviews, contacts, notes, documents, a share link and a calendar feed).
    Returns the personas and the ids and tokens that PAGES' paths name."""
    load_careers()
    now = timezone.now()
    today = timezone.localdate()
    alice = UserFactory(email="alice@example.com", name="Alice Moreno")
    newcomer = UserFactory(email="newcomer@example.com", name="Noor Haddad")
    guide = Career.objects.published().order_by("title").first()
    # A split code: the guide carries the wider-group note as well as every part.
    generated_guide = generated_career_for(occupation_from_pack("15-1299.01"))
    # A few catalogue occupations with generated guides, so the careers list
    # shows fields, figures and industries.
    for code in ["23-1011.00", "31-1121.00", "43-2011.00"]:
        generated_career_for(occupation_from_pack(code))
    # A few catalogue occupations with generated guides, for compare, plan and
    # careers like this (retail salespersons to chief executives is a large change).
    occupations = {
        code: generated_career_for(occupation_from_pack(code))
        for code in (
            "43-4051.00",
            "43-3031.00",
            "13-2011.00",
            "41-2031.00",
            "11-1011.00",
            "43-4111.00",
            "41-1011.00",
            "29-1022.00",
        )
    }
    refresh_similar()
    load_assessments()
    readiness = Assessment.objects.get(kind=Assessment.Kind.READINESS)
    skills_gap = Assessment.objects.get(kind=Assessment.Kind.SKILLS_GAP)

    document = DocumentFactory(owner=alice, label="Resume, support roles")
    application = application_create(
        owner=alice,
        company="Acme Incorporated International",
        role_title="Senior customer service representative",
        status=Status.APPLIED,
        at=now - timedelta(days=30),
        career=guide,
        posting_url="https://jobs.example.com/acme/42",
        location="Leeds",
        work_mode=WorkMode.HYBRID,
        source=Source.JOB_BOARD,
        salary_min=28_000,
        salary_max=32_000,
        salary_currency="GBP",
        follow_up_on=today - timedelta(days=2),
        priority=Priority.HIGH,
        job_description="Answer customers by phone and chat.\n\nLead a small team.",
        notes="Referred by Sam.",
        documents_sent=[document],
    )
    application_change_status(
        application=application, status=Status.INTERVIEWING, at=now - timedelta(days=20)
    )
    interview = InterviewFactory(
        application=application,
        starts_at=now + timedelta(days=3),
        location="Video call",
        notes="Prepare two stories about difficult customers.",
    )
    contact = ContactFactory(
        application=application, name="Priya Shah", role="Hiring manager"
    )
    note = NoteFactory(application=application, body="Called to confirm the date.")

    for company, role, status in [
        ("Globex", "Support analyst", Status.SCREENING),
        ("Initech", "Help desk technician", Status.REJECTED),
        ("Umbrella", "Customer success associate", Status.OFFER),
        ("Hooli", "Contact centre agent", Status.SAVED),
    ]:
        other = application_create(
            owner=alice,
            company=company,
            role_title=role,
            status=Status.APPLIED,
            at=now - timedelta(days=40),
            follow_up_on=today,
        )
        application_change_status(
            application=other, status=status, at=now - timedelta(days=10)
        )
        if status == Status.OFFER:
            offer_application = other
    # The last, a role typed by hand with no guide linked: its page suggests one.
    suggested = other
    archived = application_create(
        owner=alice, company="Vandelay", role_title="Importer", status=Status.WITHDRAWN
    )
    application_archive(application=archived)
    # A posting to match Alice's resume against, linked to an occupation's guide.
    DocumentFactory(
        owner=alice,
        label="Resume, front desk",
        file__data=b"Front desk: greeted customers, answered phones, kept records.",
    )
    matched = application_create(
        owner=alice,
        company="Stark Industries",
        role_title="Customer service representative",
        career=occupations["43-4051.00"],
        job_description="Answer customers' calls and emails. Keep customer "
        "records in Salesforce. Resolve complaints; escalate complaints you "
        "cannot resolve. Calls are recorded.",
    )

    # Two offers to compare: one placed in a state, one hourly with bonus and
    # other pay; the application with no guide says how to link one.
    offer_application.career = occupations["43-4051.00"]
    offer_application.save()
    offer = OfferFactory(
        application=offer_application,
        base_pay=48_922,
        bonus=2_000,
        state="39",
        answer_by=today + timedelta(days=2),
        benefits="Health cover from the first day.\nFour weeks of leave.",
    )
    OfferFactory(
        application=offer_application,
        base_pay="23.50",
        pay_period="hour",
        other_pay=600,
        starts_on=today + timedelta(days=30),
    )
    OfferFactory(
        application=application_create(
            owner=alice, company="Soylent", role_title="Agent", status=Status.OFFER
        ),
        base_pay=45_000,
        currency="EUR",
    )

    readiness_result = take_assessment(readiness, owner=alice)
    # Rated twice, so her matches show what changed.
    skill_ratings_save(owner=alice, ratings=dict.fromkeys(skill_names(), 3))
    ratings = skill_ratings_save(
        owner=alice,
        ratings=dict.fromkeys(skill_names(), 3) | {"2.A.1.a": 5, "2.A.1.e": 2},
    )
    skills_gap_result = take_assessment(skills_gap, owner=alice)
    # A weekly goal, so her dashboard shows this week's progress and a streak.
    tracker_weekly_goal_set(user=alice, weekly_goal=3)
    calendar_token_regenerate(user=alice)
    share = share_link_create(owner=alice, label="Career coach")
    uid = urlsafe_base64_encode(force_bytes(alice.pk))
    reset_token = default_token_generator.make_token(alice)
    return {
        "users": {"alice": alice, "newcomer": newcomer},
        "guide": guide.slug,
        "generated_guide": generated_guide.slug,
        "occupation_guide": occupations["43-4051.00"].slug,
        "compare": "/careers/compare/?"
        + "&".join(
            f"career={occupations[code].slug}"
            for code in ("43-4051.00", "43-3031.00", "13-2011.00", "29-1022.00")
        ),
        "plan_to": occupations["13-2011.00"].slug,
        "plan_far": occupations["41-2031.00"].slug,
        "plan_to_far": occupations["11-1011.00"].slug,
        "readiness": readiness.slug,
        "skills_gap": skills_gap.slug,
        "readiness_result": readiness_result.public_id,
        "skills_gap_result": skills_gap_result.public_id,
        "skill_ratings": ratings.pk,
        "application": application.pk,
        "archived": archived.pk,
        "suggested": suggested.pk,
        "matched": matched.pk,
        "interview": interview.pk,
        "contact": contact.pk,
        "note": note.pk,
        "offer_application": offer_application.pk,
        "offer": offer.pk,
        "document": document.pk,
        "share_token": share.token,
        "unsubscribe_token": unsubscribe_token(user=alice),
        "password_reset": f"/accounts/password/reset/{uid}/{reset_token}/",
    }
