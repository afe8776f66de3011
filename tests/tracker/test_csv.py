"""CSV export, the status-history log and the import: formulas neutralised, every
row checked before anything is added, all or nothing, limits, round trips."""

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tracker import imports
from tracker.cells import parse_date
from tracker.fields import CSV_COLUMNS
from tracker.imports import MAX_ROWS
from tracker.models import Application, StatusChange
from tracker.services import application_change_status, application_create
from tracker.views.transfer import SESSION_KEY

pytestmark = pytest.mark.django_db

IMPORT_URL = "/tracker/import/"


def read_csv(response):
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def upload(client, content: str | bytes, name="applications.csv"):
    data = content.encode() if isinstance(content, str) else content
    return client.post(
        IMPORT_URL,
        {"action": "upload", "file": SimpleUploadedFile(name, data, "text/csv")},
    )


def confirm(client):
    upload_id = client.session[SESSION_KEY]["id"]
    return client.post(IMPORT_URL, {"action": "confirm", "upload": upload_id})


# Export


def test_export_streams_every_application_with_its_fields(alice_client, alice, bob):
    application_create(
        owner=alice,
        company="Acme",
        role_title="Designer",
        status="interviewing",
        source="referral",
        work_mode="remote",
        salary_min=40000,
        salary_max=50000,
        salary_currency="EUR",
        applied_on=date(2025, 3, 3),
        job_description="Design things.\nWith care.",
    )
    application_create(owner=bob, company="Bob's Corp", role_title="Welder")

    response = alice_client.get(reverse("tracker:export_csv"))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert [heading for heading, _ in CSV_COLUMNS] == list(rows[0])
    assert len(rows) == 1
    assert rows[0]["Company"] == "Acme"
    assert rows[0]["Status"] == "Interviewing"
    assert rows[0]["Source"] == "Referral"
    assert rows[0]["Work mode"] == "Remote"
    assert rows[0]["Applied on"] == "2025-03-03"
    assert rows[0]["Salary from"] == "40000"
    assert rows[0]["Pay period"] == "Year"
    assert rows[0]["Job description"] == "Design things.\nWith care."
    assert rows[0]["Archived"] == "no"


@pytest.mark.parametrize(
    "dangerous", ["=1+2", "+44 20", "-cmd", "@SUM(A1)", "\tx", "\rx"]
)
def test_export_neutralises_formulas(alice_client, alice, dangerous):
    application_create(
        owner=alice, company=dangerous, role_title="Role", notes=dangerous
    )
    row = read_csv(alice_client.get(reverse("tracker:export_csv")))[0]
    assert row["Company"] == f"'{dangerous}"
    assert row["Notes"] == f"'{dangerous}"
    assert row["Role"] == "Role"


def test_history_csv_lists_every_change(alice_client, alice, bob):
    with time_machine.travel(datetime(2025, 3, 3, 9, 30, tzinfo=UTC), tick=False):
        application = application_create(
            owner=alice, company="=Acme", role_title="Designer", status="applied"
        )
    application_change_status(
        application=application,
        status="screening",
        at=datetime(2025, 3, 10, 14, 5, tzinfo=UTC),
    )
    application_change_status(
        application=application,
        status="rejected",
        at=datetime(2025, 3, 12, 8, 0, tzinfo=UTC),
    )
    application_create(owner=bob, company="Bob's Corp", role_title="Welder")

    response = alice_client.get(reverse("tracker:history_csv"))

    rows = read_csv(response)
    assert [list(row.values()) for row in rows] == [
        ["2025-03-03", "09:30", "UTC", "'=Acme", "Designer", "(added)", "Applied"],
        ["2025-03-10", "14:05", "UTC", "'=Acme", "Designer", "Applied", "Screening"],
        ["2025-03-12", "08:00", "UTC", "'=Acme", "Designer", "Screening", "Rejected"],
    ]


def test_downloads_of_a_person_without_applications_are_just_headings(
    client, bob, alice
):
    application_create(owner=alice, company="Acme", role_title="Designer")
    client.force_login(bob)
    assert read_csv(client.get(reverse("tracker:export_csv"))) == []
    assert read_csv(client.get(reverse("tracker:history_csv"))) == []


# Import

SPREADSHEET = """Company Name,Job Title,Status,Date Applied,Salary
Acme,Designer,interview,31/03/2025,"45,000"
Globex,Analyst,,03/04/2025,
Initech,Tester,REJECTED,1 April 2025,
"""


def test_a_spreadsheet_with_alias_headings_imports(alice_client, alice):
    response = upload(alice_client, SPREADSHEET)
    assert response.status_code == 302

    preview = alice_client.get(IMPORT_URL).content.decode()
    assert "Import 3 applications" in preview
    assert "We left out: Salary" in preview

    response = confirm(alice_client)

    assert response.status_code == 302
    applications = {a.company: a for a in Application.objects.for_user(alice)}
    assert set(applications) == {"Acme", "Globex", "Initech"}
    acme = applications["Acme"]
    assert (acme.role_title, acme.status) == ("Designer", "interviewing")
    # 31/03 settles it: the file's dates are day-first, so 03/04 is 3 April.
    assert acme.applied_on == date(2025, 3, 31)
    assert applications["Globex"].applied_on == date(2025, 4, 3)
    assert applications["Globex"].status == "applied"  # dated, so it was sent
    assert applications["Initech"].status == "rejected"
    # Each has its status history, through the tracker's services.
    for application in applications.values():
        assert list(application.status_changes.values_list("to_status", flat=True)) == [
            application.status
        ]
    assert SESSION_KEY not in alice_client.session
    # The history is dated when the person applied, not when they imported.
    first_change = acme.status_changes.get()
    assert timezone.localdate(first_change.changed_at) == date(2025, 3, 31)


@pytest.mark.parametrize(
    "content",
    [
        "Company;Position;Applied\nAcme;Designer;2025-03-03\n",
        "sep=;\r\nCompany;Position;Applied\r\nAcme;Designer;2025-03-03\r\n",
        "Company\tPosition\tApplied\nAcme\tDesigner\t2025-03-03\n",
    ],
)
def test_semicolon_and_tab_separated_files_import(alice_client, alice, content):
    upload(alice_client, content)
    confirm(alice_client)
    application = Application.objects.get()
    assert (application.company, application.role_title) == ("Acme", "Designer")
    assert application.applied_on == date(2025, 3, 3)


def test_preview_lists_each_rows_errors_and_offers_no_import(alice_client, alice):
    content = (
        "company,role,status,applied on,source,priority\n"
        "Acme,Designer,applied,2025-03-03,Job board,High\n"
        ",Analyst,applied,2025-03-03,,\n"
        "Globex,Tester,Maybe,2025-02-30,Newspaper,Urgent\n"
    )
    upload(alice_client, content)
    page = alice_client.get(IMPORT_URL).content.decode()

    assert "2 of 3 rows need fixing" in page
    assert "Company is missing." in page
    assert "Status: “Maybe” is not one of: Saved, Applied" in page
    assert "Applied on: “2025-02-30” is not a date we can read" in page
    assert "Source: “Newspaper” is not one of" in page
    assert "Priority: “Urgent” is not one of: High, Normal, Low" in page
    assert "Import 3" not in page
    assert Application.objects.count() == 0


def test_a_bad_row_imports_nothing(alice_client, alice):
    content = "company,role,applied on\nAcme,Designer,2025-03-03\nGlobex,,2025-03-04\n"
    upload(alice_client, content)

    response = confirm(alice_client)

    assert response.status_code == 400
    assert "Nothing was imported" in response.content.decode()
    assert Application.objects.count() == StatusChange.objects.count() == 0


def test_a_failure_while_saving_rolls_back_every_row(alice_client, alice, monkeypatch):
    upload(
        alice_client, "company,role\nAcme,Designer\nGlobex,Analyst\nInitech,Tester\n"
    )
    calls = []

    def failing_create(**kwargs):
        calls.append(kwargs["company"])
        if len(calls) == 3:
            raise ValidationError("boom")
        return application_create(**kwargs)

    monkeypatch.setattr(imports, "application_create", failing_create)

    response = confirm(alice_client)

    assert calls == ["Acme", "Globex", "Initech"]
    assert response.status_code == 400
    assert Application.objects.count() == StatusChange.objects.count() == 0


def test_a_stale_preview_cannot_be_confirmed(alice_client, alice):
    upload(alice_client, "company,role\nAcme,Designer\n")
    response = alice_client.post(IMPORT_URL, {"action": "confirm", "upload": "old"})
    assert response.status_code == 302
    assert Application.objects.count() == 0


def test_cancel_forgets_the_upload(alice_client, alice):
    upload(alice_client, "company,role\nAcme,Designer\n")
    alice_client.post(IMPORT_URL, {"action": "cancel"})
    assert SESSION_KEY not in alice_client.session
    assert Application.objects.count() == 0


def test_file_size_limit(alice_client, alice):
    content = "company,role,notes\n" + "Acme,Designer," + "x" * (1024 * 1024) + "\n"
    response = upload(alice_client, content)
    assert response.status_code == 400
    assert "the most one import takes is 1 MB" in response.content.decode()
    assert SESSION_KEY not in alice_client.session


def test_row_limit(alice_client, alice):
    content = "company,role\n" + "Acme,Designer\n" * (MAX_ROWS + 1)
    response = upload(alice_client, content)
    assert response.status_code == 400
    assert "The file has 2,001 rows; the most one import takes is 2,000" in (
        response.content.decode()
    )


def test_exactly_the_row_limit_is_accepted(alice_client, alice):
    response = upload(alice_client, "company,role\n" + "Acme,Designer\n" * MAX_ROWS)
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Société,Rôle\nAcme,Designer\n".encode("latin-1"), "is not UTF-8 text"),
        ("company,role\nA,B\n".encode("utf-16"), "saved as UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "does not look like a CSV file"),
        (b"", "The file is empty"),
        (b"   \n\n", "The file is empty"),
        (b"company,role\n", "no rows under them"),
        (b"name,date\nAcme,2025-01-01\n", "with at least a Company and a Role column"),
        (
            b'company,role\n"Acme,Designer\n' + b"x" * 140_000,
            "could not be read as CSV",
        ),
    ],
)
def test_unreadable_files_get_a_clear_message(alice_client, alice, content, message):
    response = upload(alice_client, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Application.objects.count() == 0


def test_no_file_at_all(alice_client, alice):
    response = alice_client.post(IMPORT_URL, {"action": "upload"})
    assert response.status_code == 400
    assert "Choose a CSV file to upload" in response.content.decode()


def test_confirm_without_an_upload_is_harmless(alice_client, alice):
    response = alice_client.post(IMPORT_URL, {"action": "confirm", "upload": "x"})
    assert response.status_code == 302
    assert Application.objects.count() == 0


def test_export_then_import_round_trips(alice_client, alice, bob, client):
    fields = [name for _, name in CSV_COLUMNS]
    originals = [
        application_create(
            owner=alice,
            company='=HYPERLINK("http://evil")',
            role_title="'Quoted' designer",
            status="offer",
            posting_url="https://example.com/jobs/1?a=b",
            location="Lyon, France",
            work_mode="hybrid",
            salary_min=40000,
            salary_max=52000,
            salary_currency="EUR",
            source="recruiter",
            applied_on=date(2025, 3, 3),
            follow_up_on=date(2025, 4, 1),
            priority=1,
            job_description='Line one,\n"line two"\n-bullet',
            notes="@team: ask about visas",
        ),
        application_create(
            owner=alice,
            company="Globex",
            role_title="Analyst",
            salary_min=Decimal("18.50"),
            salary_max=Decimal(22),
            salary_period="hour",
            employment_type="contract",
            posted_on=date(2025, 2, 1),
            closes_on=date(2025, 2, 28),
        ),
        application_create(
            owner=alice, company="Initech", role_title="Tester", status="withdrawn"
        ),
    ]
    originals[2].archived = True
    originals[2].save()
    exported = b"".join(
        alice_client.get(reverse("tracker:export_csv")).streaming_content
    )

    client.force_login(bob)
    upload(client, exported, name="foothold-applications.csv")
    confirm(client)

    imported = list(Application.objects.for_user(bob).order_by("id"))
    assert len(imported) == 3

    def values(application):
        return {name: getattr(application, name) for name in fields}

    assert [values(a) for a in imported] == [values(a) for a in originals]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-31", date(2025, 3, 31)),
        ("2025-03-31 14:22:00", date(2025, 3, 31)),
        ("31/03/2025", date(2025, 3, 31)),
        ("03/31/2025", date(2025, 3, 31)),
        ("31.03.25", date(2025, 3, 31)),
        ("31 March 2025", date(2025, 3, 31)),
        ("March 31st, 2025", date(2025, 3, 31)),
        ("31-Mar-2025", date(2025, 3, 31)),
        ("5 Sept 2025", date(2025, 9, 5)),
        ("05/05/2025", date(2025, 5, 5)),
    ],
)
def test_common_date_formats(text, expected):
    assert parse_date(text) == expected


def test_a_date_that_reads_two_ways_is_an_error_unless_the_file_settles_it():
    with pytest.raises(ValueError, match="could be 3 April or 4 March"):
        parse_date("03/04/2025")
    assert parse_date("03/04/2025", order="mdy") == date(2025, 3, 4)


def test_ambiguous_dates_in_a_file_are_row_errors(alice_client, alice):
    upload(alice_client, "company,role,applied\nAcme,Designer,03/04/2025\n")
    page = alice_client.get(IMPORT_URL).content.decode()
    assert "write it as 2025-04-03 (year-month-day)" in page


def test_preview_points_out_applications_already_tracked(alice_client, alice, bob):
    application_create(owner=alice, company="Acme", role_title="Designer")
    application_create(owner=bob, company="Globex", role_title="Analyst")
    upload(alice_client, "company,role\nACME,designer\nGlobex,Analyst\n")

    page = alice_client.get(IMPORT_URL).content.decode()

    assert "1 row matches an application you already have" in page
    assert page.count("Already in your tracker") == 1  # Bob's Globex is not hers
    assert "Import 2 applications" in page  # a warning, not an error


# Every row is checked as the application it will be saved as.


def preview_errors(client) -> list[str]:
    response = client.get(IMPORT_URL)
    assert response.status_code == 200
    return [error for row in response.context["parsed"].rows for error in row.errors]


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        ("45000", 45000),
        ("45,000", 45000),
        ("45 000", 45000),
        ("45\u00a0000", 45000),
        ("45'000", 45000),
        ("€45,000", 45000),
        ("45 000 €", 45000),
        # Cents are kept: an hourly rate has them.
        ("$45,000.49", Decimal("45000.49")),
        ("£45,000.50", Decimal("45000.50")),
        ("18.5", Decimal("18.50")),
        ("1,234,567", 1234567),
        ("0", 0),
        ("2147483647", 2147483647),
    ],
)
def test_plain_amounts_import(alice_client, alice, cell, amount):
    upload(alice_client, f'company,role,salary from\nAcme,Designer,"{cell}"\n')
    assert preview_errors(alice_client) == []

    assert confirm(alice_client).status_code == 302
    assert Application.objects.get().salary_min == amount


@pytest.mark.parametrize(
    "cell",
    [
        "1" + "0" * 400,
        "9" * 5000,
        "2147483648",
        "-5000",
        "1e999",
        "1E5",
        "USD 40-50k",
        "40-50k",
        "45k",
        "45.000",
        "45,00",
        "4,5000",
        "45,000 000",
        "45000.123",
        "NaN",
        "inf",
        "１２３",
        "about 40000",
    ],
)
def test_anything_but_a_plain_amount_is_a_row_error_never_a_guess(
    alice_client, alice, cell
):
    response = upload(
        alice_client, f'company,role,salary from\nAcme,Designer,"{cell}"\n'
    )
    assert response.status_code == 302

    (error,) = preview_errors(alice_client)
    assert error.startswith("Salary from: “")
    assert "plain amount" in error or "is more than 2,147,483,647" in error
    assert confirm(alice_client).status_code == 400
    assert Application.objects.count() == 0


@pytest.mark.parametrize(
    "day", ["1 Jan 1900", "31/12/1969", "2101-01-01", "9999-12-31"]
)
def test_a_date_outside_1970_to_2100_is_a_row_error(alice_client, alice, day):
    upload(alice_client, f"company,role,next follow-up\nAcme,Designer,{day}\n")

    assert preview_errors(alice_client) == [
        "Next follow-up: Enter a date from 1970 to 2100."
    ]


def test_the_preview_checks_the_link_that_will_be_stored(alice_client, alice):
    """A link without a scheme is stored with https:// in front: 8 characters
    more, which the length limit must count at the preview, not at the confirm."""
    longest = 1000 - len("https://")
    path = "example.com/" + "a" * (longest - len("example.com/"))
    upload(
        alice_client,
        f"company,role,link\nAcme,Designer,{path}\nGlobex,Analyst,{path}a\n",
    )

    assert preview_errors(alice_client) == [
        "Job posting link: Ensure this value has at most 1000 characters (it has 1001)."
    ]
    alice_client.post(IMPORT_URL, {"action": "cancel"})
    upload(alice_client, f"company,role,link\nAcme,Designer,{path}\n")
    assert preview_errors(alice_client) == []
    assert confirm(alice_client).status_code == 302
    assert Application.objects.get().posting_url == f"https://{path}"


def test_the_preview_checks_lengths_and_the_salary_order_as_the_model_does(
    alice_client, alice
):
    upload(
        alice_client,
        f"company,role,salary from,salary up to\n{'A' * 201},Designer,50000,40000\n",
    )

    assert preview_errors(alice_client) == [
        "Company: Ensure this value has at most 200 characters (it has 201).",
        "Salary up to: Must be at least the lowest salary.",
    ]


@pytest.mark.parametrize("currency", ["€12", "12A", "ÉUR", "E-U"])
def test_the_import_and_the_form_refuse_a_currency_by_the_same_rule(
    alice_client, alice, currency
):
    upload(alice_client, f"company,role,currency\nAcme,Designer,{currency}\n")
    form = alice_client.post(
        "/tracker/new/",
        {"company": "Acme", "role_title": "Designer", "status": "saved"}
        | {"priority": "2", "salary_currency": currency},
    ).context["form"]

    message = "Use a three-letter code such as EUR, GBP or USD."
    assert preview_errors(alice_client) == [f"Currency: {message}"]
    assert form.errors["salary_currency"] == [message]


def test_an_imported_currency_is_stored_in_capitals(alice_client, alice):
    upload(alice_client, "company,role,currency\nAcme,Designer, usd \n")
    assert confirm(alice_client).status_code == 302

    assert Application.objects.get().salary_currency == "USD"


@pytest.mark.parametrize("link", ["http://", "https://exa mple.com", "not a link"])
def test_an_imported_link_is_checked_by_the_models_rule(alice_client, alice, link):
    upload(alice_client, f"company,role,link\nAcme,Designer,{link}\n")

    assert preview_errors(alice_client) == ["Job posting link: Enter a valid URL."]


@pytest.mark.parametrize(
    ("heading", "cell", "period"),
    [
        ("Pay period", "Hour", "hour"),
        ("pay period", "hourly", "hour"),
        ("Salary period", "per month", "month"),
        ("Pay per", "Weekly", "week"),
        ("Pay period", "", "year"),
    ],
)
def test_the_pay_period_is_imported(alice_client, alice, heading, cell, period):
    upload(
        alice_client, f"company,role,salary from,{heading}\nAcme,Clerk,18.50,{cell}\n"
    )
    assert preview_errors(alice_client) == []
    confirm(alice_client)

    application = Application.objects.get()
    assert (application.salary_min, application.salary_period) == (
        Decimal("18.50"),
        period,
    )


def test_a_file_without_a_pay_period_column_is_read_as_yearly(alice_client, alice):
    upload(alice_client, "company,role,salary from\nAcme,Clerk,45000\n")
    confirm(alice_client)

    assert Application.objects.get().salary_period == "year"


def test_an_unknown_pay_period_is_a_row_error(alice_client, alice):
    upload(alice_client, "company,role,pay period\nAcme,Clerk,fortnightly\n")

    (error,) = preview_errors(alice_client)
    assert error.startswith("Pay period: “fortnightly” is not one of: Hour, Week")
