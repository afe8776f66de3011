"""Every form, public or signed in, answers any post with a page, a redirect or a
400, never a 500; a value over a field's length limit is a field error, never
silently cut short. (The careers search and the application list's query
strings are fuzzed in tests/test_any_input.py.)"""

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.models import Question
from core.dates import DATE_RANGE_MESSAGE
from tests.factories import (
    ChoiceFactory,
    ContactFactory,
    InterviewFactory,
    NoteFactory,
    OfferFactory,
    QuestionFactory,
    SectionFactory,
)
from tracker.models import Application
from tracker.services import application_create

pytestmark = pytest.mark.django_db

TIMES = ["00:00", "23:30", "23:59"]
IMPORT_URL = "/tracker/import/"


@dataclass(frozen=True)
class FormPage:
    name: str
    url: str  # formatted with the ids of Alice's objects
    signed_in: bool = True
    context_name: str = "form"
    post_url: str = ""  # when the form posts somewhere else


FORM_PAGES = [
    FormPage("sign up", "/accounts/signup/", signed_in=False),
    FormPage("sign in", "/accounts/signin/", signed_in=False),
    FormPage("password reset", "/accounts/password/reset/", signed_in=False),
    FormPage("password change", "/accounts/password/change/"),
    FormPage("profile", "/accounts/profile/"),
    FormPage("delete account", "/accounts/profile/delete/"),
    FormPage("new application", "/tracker/new/"),
    FormPage("edit application", "/tracker/{application}/edit/"),
    FormPage("new interview", "/tracker/{application}/interviews/new/"),
    FormPage("edit interview", "/tracker/interviews/{interview}/edit/"),
    FormPage("new contact", "/tracker/{application}/contacts/new/"),
    FormPage("edit contact", "/tracker/contacts/{contact}/edit/"),
    FormPage("new note", "/tracker/{application}/notes/new/"),
    FormPage("edit note", "/tracker/notes/{note}/edit/"),
    FormPage("new offer", "/tracker/{offer_application}/offers/new/"),
    FormPage("edit offer", "/tracker/offers/{offer}/edit/"),
    FormPage(
        "status",
        "/tracker/{application}/",
        context_name="status_form",
        post_url="/tracker/{application}/status/",
    ),
    FormPage(
        "snooze",
        "/tracker/{application}/",
        context_name="snooze_form",
        post_url="/tracker/{application}/follow-up/snooze/",
    ),
    FormPage(
        "board move",
        "/tracker/{application}/",
        context_name="status_form",
        post_url="/tracker/board/{application}/move/",
    ),
    FormPage(
        "link the suggested guide",
        "/tracker/{application}/",
        context_name="link_career_form",
        post_url="/tracker/{application}/guide/",
    ),
    FormPage("tracker settings", "/tracker/settings/"),
    FormPage("weekly goal", "/dashboard/", context_name="goal_form"),
    FormPage("share link", "/tracker/share/"),
    FormPage("document upload", "/tracker/documents/"),
    FormPage("import upload", "/tracker/import/"),
    FormPage("data file upload", "/accounts/profile/import/"),
    FormPage(
        "assessment section", "/assessments/{assessment}/section/1/", signed_in=False
    ),
    # The last page, whose Next saves the ratings (signed in) or ranks them.
    FormPage("match my skills page", "/assessments/match/skills/7/"),
]

# Dates at the edges of the range people may enter (1970 to 2100) and beyond it,
# to the ends of Python's calendar.
EDGE_DATES = ["1970-01-01", "2100-12-31"]
OUTSIDE_DATES = ["0001-01-01", "1969-12-31", "2101-01-01", "9999-12-31"]
# Numbers of any length and shape: 400 digits, past int()'s 4,300-digit limit,
# negative, with an exponent, not a number at all.
FULL_WIDTH_123 = "\uff11\uff12\uff13"
PAY_FIELDS = ("salary_min", "salary_max", "base_pay", "bonus", "other_pay")
ODD_NUMBERS = [
    "1" + "0" * 400,
    "-1" + "0" * 400,
    "9" * 5000,
    "-5000",
    "1e999",
    "-1e999",
    "1E5",
    "0.5",
    "45,000",
    "NaN",
    "inf",
    "-0",
    FULL_WIDTH_123,
]
odd_dates = (
    st.sampled_from(EDGE_DATES + OUTSIDE_DATES)
    | st.dates().map(date.isoformat)
    | st.datetimes().map(lambda moment: moment.isoformat(timespec="minutes"))
    | st.sampled_from(
        [f"{day}T{time}" for day in EDGE_DATES + OUTSIDE_DATES for time in TIMES]
    )
)
odd_numbers = (
    st.sampled_from(ODD_NUMBERS)
    | st.integers().map(str)
    | st.integers(min_value=-(10**450), max_value=10**450).map(str)
    | st.floats().map(str)
)
odd_text = (
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300)
    | st.sampled_from(
        [
            "",
            "-1",
            "0",
            "99999999999999999999",
            "2025-02-30",
            "not-an-email",
            "a@b",
            "confirm",
            "cancel",
            "\x00",
            "<script>alert(1)</script>",
            "x" * 5000,
        ]
    )
    | odd_dates
    | odd_numbers
)
odd_files = st.builds(
    lambda name, content: SimpleUploadedFile(name, content),
    st.sampled_from(["cv.pdf", "cv.docx", "cv.txt", "data.csv", "x.exe", ".csv"]),
    st.binary(max_size=2000)
    | st.text(max_size=500).map(lambda text: text.encode("utf-8"))
    | st.just(b"Company,Role\nAcme,Clerk\n"),
)
fuzz = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture
def alices(alice):
    application = application_create(owner=alice, company="Acme", role_title="Clerk")
    offer = OfferFactory(
        application=application_create(
            owner=alice, company="Umbrella", role_title="Clerk", status="offer"
        )
    )
    return {
        "application": application.pk,
        "interview": InterviewFactory(application=application).pk,
        "contact": ContactFactory(application=application).pk,
        "note": NoteFactory(application=application).pk,
        "offer_application": offer.application_id,
        "offer": offer.pk,
        "assessment": _assessment_with_every_kind_of_question().slug,
    }


def _assessment_with_every_kind_of_question():
    section = SectionFactory(order=1)
    for kind in Question.Kind:
        question = QuestionFactory(section=section, kind=kind)
        if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE, Question.Kind.YES_NO):
            ChoiceFactory(question=question, points=1)
            ChoiceFactory(question=question, points=0)
    return section.assessment


def open_form(client, alice, alices, page):
    """GET the page (signed in when it needs it); return its form and post URL."""
    if page.signed_in:
        client.force_login(alice)
    response = client.get(page.url.format(**alices))
    assert response.status_code == 200, page.name
    form = response.context[page.context_name]
    return form, (page.post_url or page.url).format(**alices)


def test_every_form_page_is_listed():
    """A reminder as much as a test: the list covers each kind of form."""
    assert len({page.name for page in FORM_PAGES}) == len(FORM_PAGES)


@pytest.mark.parametrize("page", FORM_PAGES, ids=lambda page: page.name)
def test_any_post_gets_a_page_a_redirect_or_a_400(client, alice, alices, page):
    form, url = open_form(client, alice, alices, page)
    names = [*sorted(form.fields), "next", "action", "upload"]
    file_names = [
        name
        for name, field in form.fields.items()
        if isinstance(field, forms.FileField)
    ]
    posts = st.fixed_dictionaries(
        {},
        optional={
            **dict.fromkeys(names, odd_text),
            **dict.fromkeys(file_names, odd_files),
        },
    )

    @fuzz
    @given(data=posts)
    def check(data):
        for upload in data.values():
            if isinstance(upload, SimpleUploadedFile):
                upload.seek(0)
        response = client.post(url, data)
        assert response.status_code in (200, 302, 400), (page.name, data)

    check()


def too_long(field: forms.Field) -> str:
    length = field.max_length + 1
    if isinstance(field, forms.EmailField):
        return "a" * (length - len("@example.com")) + "@example.com"
    if isinstance(field, forms.URLField):
        return "https://example.com/" + "a" * (length - len("https://example.com/"))
    return "a" * length


def length_limited(form):
    return {
        name: field
        for name, field in form.fields.items()
        if getattr(field, "max_length", None) and not isinstance(field, forms.FileField)
    }


@pytest.mark.parametrize("page", FORM_PAGES, ids=lambda page: page.name)
def test_a_value_over_the_limit_is_a_field_error(client, alice, alices, page):
    form, url = open_form(client, alice, alices, page)
    for name, field in length_limited(form).items():
        response = client.post(url, {name: too_long(field)})

        assert response.status_code in (200, 400), (page.name, name)
        errors = response.context[page.context_name].errors[name]
        assert any("at most" in error for error in errors), (page.name, name, errors)


def test_the_length_check_covers_the_limited_fields(client, alice, alices):
    page = next(page for page in FORM_PAGES if page.name == "new application")
    form, _ = open_form(client, alice, alices, page)
    assert set(length_limited(form)) == {
        "company",
        "role_title",
        "posting_url",
        "location",
        "salary_currency",
    }


@pytest.mark.parametrize("next_url", ["0", "home", "tracker:index", "a.b"])
def test_a_next_that_is_not_a_path_is_ignored(client, alice, alices, next_url):
    """redirect() reads a bare word as a view name; these were 500s."""
    client.force_login(alice)
    snooze = client.post(
        f"/tracker/{alices['application']}/follow-up/snooze/",
        {"days": "3", "next": next_url},
    )
    assert snooze.status_code == 302
    assert snooze["Location"] == "/tracker/follow-ups/"

    client.logout()
    sign_up = client.post(
        "/accounts/signup/",
        {
            "email": "new@example.com",
            "password": "a-long-and-unusual-passphrase-42",
            "next": next_url,
        },
    )
    assert sign_up.status_code == 302
    assert sign_up["Location"] == "/dashboard/"


def date_fields(form):
    return {
        name: field
        for name, field in form.fields.items()
        if isinstance(field, forms.DateField | forms.DateTimeField)
    }


def number_fields(form):
    return {
        name: field
        for name, field in form.fields.items()
        if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField)
    }


def typed(field, day: str) -> str:
    return f"{day}T23:30" if isinstance(field, forms.DateTimeField) else day


def test_the_edge_checks_cover_every_date_and_number_field(client, alice, alices):
    dates, numbers = set(), set()
    for page in FORM_PAGES:
        client.logout()
        form, _ = open_form(client, alice, alices, page)
        dates |= {(page.name, name) for name in date_fields(form)}
        numbers |= {(page.name, name) for name in number_fields(form)}

    assert dates == {
        ("new application", "applied_on"),
        ("new application", "follow_up_on"),
        ("edit application", "applied_on"),
        ("edit application", "follow_up_on"),
        ("new application", "posted_on"),
        ("new application", "closes_on"),
        ("edit application", "posted_on"),
        ("edit application", "closes_on"),
        ("new interview", "starts_at"),
        ("edit interview", "starts_at"),
        ("new offer", "starts_on"),
        ("new offer", "answer_by"),
        ("edit offer", "starts_on"),
        ("edit offer", "answer_by"),
    }
    assert {name for _, name in numbers} >= {
        "salary_min",
        "salary_max",
        "duration_minutes",
        "quiet_after_days",
        "weekly_goal",
        "days",
        "base_pay",
        "bonus",
        "other_pay",
    }


@pytest.mark.parametrize("page", FORM_PAGES, ids=lambda page: page.name)
def test_dates_at_and_beyond_the_range_edges(client, alice, alices, page):
    form, url = open_form(client, alice, alices, page)
    for name, field in date_fields(form).items():
        for day in EDGE_DATES:
            response = client.post(url, {name: typed(field, day)})
            assert response.status_code in (200, 400), (page.name, name, day)
            assert name not in response.context[page.context_name].errors, day
        for day in OUTSIDE_DATES:
            response = client.post(url, {name: typed(field, day)})
            assert response.status_code in (200, 400), (page.name, name, day)
            errors = response.context[page.context_name].errors[name]
            assert errors == [DATE_RANGE_MESSAGE], (page.name, name, day)


@pytest.mark.parametrize("page", FORM_PAGES, ids=lambda page: page.name)
def test_numbers_of_any_length_are_a_field_error(client, alice, alices, page):
    form, url = open_form(client, alice, alices, page)
    for name in number_fields(form):
        # Django reads "-0" as 0 and full-width digits as digits: fair readings.
        # Pay has cents (18.50 an hour), so 0.5 is a fair amount too.
        fair = {"-0", FULL_WIDTH_123} | ({"0.5"} if name in PAY_FIELDS else set())
        for number in [v for v in ODD_NUMBERS if v not in fair]:
            response = client.post(url, {name: number})
            assert response.status_code in (200, 302, 400), (page.name, name, number)
            if response.status_code != 302:
                errors = response.context[page.context_name].errors
                assert name in errors, (page.name, name, number)


@fuzz
@given(amount=odd_numbers | odd_text, day=odd_dates)
def test_the_import_reads_any_amount_and_date_without_a_500_or_a_guess(
    client, alice, amount, day
):
    client.force_login(alice)
    Application.objects.all().delete()
    client.post(IMPORT_URL, {"action": "cancel"})
    content = io.StringIO()
    csv.writer(content).writerows(
        [
            ["Company", "Role", "Salary from", "Next follow-up"],
            ["Acme", "Clerk", amount, day],
        ]
    )
    upload = SimpleUploadedFile("fuzz.csv", content.getvalue().encode("utf-8"))

    uploaded = client.post(IMPORT_URL, {"action": "upload", "file": upload})
    assert uploaded.status_code in (302, 400), (amount, day)
    assert client.get(IMPORT_URL).status_code == 200
    if uploaded.status_code == 400:
        return
    confirmed = client.post(
        IMPORT_URL,
        {"action": "confirm", "upload": client.session["tracker_import"]["id"]},
    )
    assert confirmed.status_code in (302, 400), (amount, day)

    application = Application.objects.filter(owner=alice).first()
    if application is None:
        return
    typed_amount = amount.strip()
    if application.salary_min is not None:
        # Imported only as written: no sign, exponent or words dropped.
        assert not re.search(r"[-eEa-zA-Z]", typed_amount), amount
        if typed_amount.isascii() and typed_amount.isdigit():
            assert application.salary_min == int(typed_amount)
    if application.follow_up_on is not None:
        assert 1970 <= application.follow_up_on.year <= 2100, day


DATA_IMPORT_URL = "/accounts/profile/import/"
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False)
    | odd_text,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(max_size=10), inner, max_size=3)
    ),
    max_leaves=6,
)
# Where a value lands in a data file: an application's field, one of its
# interview's, the tracker settings, a result or a whole section.
DATA_FILE_SPOTS = [
    ("application", name)
    for name in (
        "company",
        "applied_on",
        "salary_min",
        "priority",
        "archived",
        "status",
        "created_at",
        "career_slug",
        "document_files",
        "interviews",
        "status_history",
    )
] + [
    ("interview", name) for name in ("starts_at", "duration_minutes", "outcome")
] + [
    ("tracker", name) for name in ("settings", "applications", "documents")
] + [("result", name) for name in ("overall_score", "answers", "taken_at")] + [
    ("file", name) for name in ("account", "assessments", "careers", "tracker")
]  # fmt: skip


def _data_file(spot, value) -> dict:
    interview = {"kind": "interview", "starts_at": "2026-01-05T10:00:00+00:00"}
    application = {"company": "Acme", "role_title": "Clerk", "interviews": [interview]}
    result = {"assessment_slug": "none", "overall_score": 5, "band_code": "ready"}
    tracker = {"applications": [application]}
    data = {
        "format": "foothold-account-export",
        "version": 2,
        "tracker": tracker,
        "assessments": {"results": [result]},
    }
    where, name = spot
    target = {
        "application": application,
        "interview": interview,
        "tracker": tracker,
        "result": result,
        "file": data,
    }[where]
    target[name] = value
    return data


@fuzz
@given(spot=st.sampled_from(DATA_FILE_SPOTS), value=json_values)
def test_a_data_file_with_any_value_anywhere_gets_no_500(client, alice, spot, value):
    client.force_login(alice)
    Application.objects.all().delete()
    content = json.dumps(_data_file(spot, value)).encode()
    upload = SimpleUploadedFile("data.json", content)
    uploaded = client.post(DATA_IMPORT_URL, {"action": "upload", "file": upload})
    assert uploaded.status_code in (302, 400), (spot, value)
    assert client.get(DATA_IMPORT_URL).status_code == 200
    if uploaded.status_code == 400:
        return
    confirmed = client.post(
        DATA_IMPORT_URL,
        {"action": "confirm", "upload": client.session["account_import"]["id"]},
    )
    assert confirmed.status_code in (302, 400), (spot, value)
