"""CSV import: read our own export or a simple spreadsheet, check every row, and
add all of them in one transaction or none at all.

Reading never touches the person's data; `import_applications` writes, through
the tracker's services, so every imported application gets its status history.
"""

import contextlib
import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from careers.models import Career
from tracker.exports import unneutralise
from tracker.models import Application, Priority, Source, Status, WorkMode
from tracker.services import application_archive, application_create

MAX_UPLOAD_BYTES = 1024 * 1024
MAX_ROWS = 2000


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message says why, for the person."""


def _key(text: str) -> str:
    """Headings and choice names compared without case, spaces or punctuation."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


# Column heading (compared by _key) → Application field. Our export's headings
# come first; the rest are what spreadsheets people keep tend to call them.
HEADINGS = {
    "company": "company",
    "companyname": "company",
    "employer": "company",
    "organisation": "company",
    "organization": "company",
    "role": "role_title",
    "roletitle": "role_title",
    "jobtitle": "role_title",
    "position": "role_title",
    "title": "role_title",
    "job": "role_title",
    "status": "status",
    "stage": "status",
    "appliedon": "applied_on",
    "applied": "applied_on",
    "dateapplied": "applied_on",
    "applicationdate": "applied_on",
    "date": "applied_on",
    "nextfollowup": "follow_up_on",
    "followup": "follow_up_on",
    "followupon": "follow_up_on",
    "followupdate": "follow_up_on",
    "source": "source",
    "wherefound": "source",
    "whereyoufoundit": "source",
    "workmode": "work_mode",
    "location": "location",
    "city": "location",
    "jobpostinglink": "posting_url",
    "postingurl": "posting_url",
    "joblink": "posting_url",
    "link": "posting_url",
    "url": "posting_url",
    "salaryfrom": "salary_min",
    "salarymin": "salary_min",
    "minimumsalary": "salary_min",
    "salaryupto": "salary_max",
    "salarymax": "salary_max",
    "maximumsalary": "salary_max",
    "currency": "salary_currency",
    "salarycurrency": "salary_currency",
    "priority": "priority",
    "careerguide": "career",
    "career": "career",
    "archived": "archived",
    "jobdescription": "job_description",
    "description": "job_description",
    "notes": "notes",
    "note": "notes",
    "comments": "notes",
}


def _choices(choices, aliases: dict[str, str]) -> dict[str, Any]:
    lookup = {}
    for value, label in choices:
        lookup[_key(str(value))] = value
        lookup[_key(label)] = value
    lookup.update(aliases)
    return lookup


STATUSES = _choices(
    Status.choices,
    {
        "wishlist": Status.SAVED,
        "notapplied": Status.SAVED,
        "sent": Status.APPLIED,
        "submitted": Status.APPLIED,
        "screen": Status.SCREENING,
        "phonescreen": Status.SCREENING,
        "interview": Status.INTERVIEWING,
        "interviewed": Status.INTERVIEWING,
        "offered": Status.OFFER,
        "hired": Status.ACCEPTED,
        "unsuccessful": Status.REJECTED,
        "notselected": Status.REJECTED,
        "withdrew": Status.WITHDRAWN,
    },
)
SOURCES = _choices(
    Source.choices,
    {
        "linkedin": Source.JOB_BOARD,
        "indeed": Source.JOB_BOARD,
        "glassdoor": Source.JOB_BOARD,
        "jobsite": Source.JOB_BOARD,
        "companywebsite": Source.COMPANY_SITE,
        "careerspage": Source.COMPANY_SITE,
        "website": Source.COMPANY_SITE,
        "referred": Source.REFERRAL,
        "agency": Source.RECRUITER,
    },
)
WORK_MODES = _choices(
    WorkMode.choices, {"onsite": WorkMode.ON_SITE, "office": WorkMode.ON_SITE}
)
PRIORITIES = _choices(Priority.choices, {"medium": Priority.NORMAL})
YES_NO = {"yes": True, "y": True, "true": True, "1": True}
YES_NO |= {"no": False, "n": False, "false": False, "0": False, "": False}

TEXT_LIMITS = {
    name: Application._meta.get_field(name).max_length
    for name in ("company", "role_title", "location", "posting_url")
}

NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$")
DATE_FORMATS = [
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d-%b-%Y",
    "%d-%b-%y",
]
LARGEST_SALARY = 2_147_483_647


@dataclass
class ImportRow:
    number: int  # the row's line in the spreadsheet; the heading is row 1
    company: str = ""
    role_title: str = ""
    status: str = ""
    applied_on: date | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    archived: bool = False
    errors: list[str] = field(default_factory=list)
    # Same company and role as an application the person already has: not an
    # error (people do apply twice), but worth a look before importing.
    already_tracked: bool = False

    def get_status_display(self) -> str:
        return Status(self.status).label if self.status in Status.values else ""


@dataclass
class ParsedImport:
    rows: list[ImportRow]
    columns: list[tuple[str, str]]  # (heading in the file, what we read it as)
    ignored: list[str]

    @property
    def invalid_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if row.errors]

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and not self.invalid_rows

    @property
    def already_tracked(self) -> list[ImportRow]:
        return [row for row in self.rows if row.already_tracked]


def mark_already_tracked(parsed: ParsedImport, *, user) -> None:
    """Flag rows whose company and role (ignoring case) the person already tracks."""
    tracked = {
        (company.casefold(), role.casefold())
        for company, role in Application.objects.for_user(user).values_list(
            "company", "role_title"
        )
    }
    for row in parsed.rows:
        row.already_tracked = (
            row.company.casefold(),
            row.role_title.casefold(),
        ) in tracked


def decode(data: bytes) -> str:
    """The upload as text, or a message saying how to save it so that it reads."""
    if not data.strip():
        raise ImportFileError("The file is empty.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(
            "This file is saved as UTF-16 text. In your spreadsheet, save it "
            "as “CSV UTF-8” and upload that."
        )
    if b"\x00" in data:
        raise ImportFileError(
            "This does not look like a CSV file. Save your spreadsheet as "
            "“CSV UTF-8” and upload that."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            "This file is not UTF-8 text. In your spreadsheet, save it as "
            "“CSV UTF-8” (in Excel: File › Save As › CSV UTF-8) and upload that."
        ) from error


def _read_rows(text: str) -> list[list[str]]:
    first_line, _, rest = text.partition("\n")
    if re.fullmatch(r"sep=.\r?", first_line):
        # Excel's hint line naming the separator, as in "sep=;".
        delimiter, text = first_line[4], rest
    else:
        # Spreadsheets in many locales separate with semicolons (or tabs).
        delimiter = max([",", ";", "\t"], key=first_line.count)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise ImportFileError(
            f"This file could not be read as CSV ({error}). Save your spreadsheet "
            "as “CSV UTF-8” and upload that."
        ) from error


def _map_headings(heading_row: list[str]) -> tuple[dict[int, str], list[str]]:
    columns, ignored, seen = {}, [], set()
    for index, heading in enumerate(heading_row):
        name = HEADINGS.get(_key(heading))
        if name and name not in seen:
            columns[index] = name
            seen.add(name)
        elif heading.strip():
            ignored.append(heading.strip())
    if not {"company", "role_title"} <= seen:
        raise ImportFileError(
            "The first row must name the columns, with at least a Company and a "
            "Role column (also read as “Company name”, “Job title” or "
            "“Position”). We found: "
            + (", ".join(h.strip() for h in heading_row if h.strip()) or "nothing")
            + "."
        )
    return columns, ignored


def _date_order(values: list[str]) -> str | None:
    """Day-first ("dmy") or month-first ("mdy") for the file's numeric dates, when
    some date settles it (13/04 can only be day-first); None when nothing does."""
    day_first = month_first = False
    for value in values:
        if match := NUMERIC_DATE.match(value.strip()):
            first, second = int(match[1]), int(match[2])
            day_first |= first > 12 >= second
            month_first |= second > 12 >= first
    if day_first != month_first:
        return "dmy" if day_first else "mdy"
    return None


def parse_date(value: str, *, order: str | None = None) -> date:
    """A date in a common format; raises ValueError with a message for people."""
    parsed = _parse_date(value, order=order)
    if not 1970 <= parsed.year <= 2100:
        raise ValueError(f"“{value}” is too far in the past or future")
    return parsed


def _parse_date(value: str, *, order: str | None) -> date:
    text = value.strip()
    # A date and time from a spreadsheet: keep the date.
    text = re.sub(r"^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}.*$", r"\1", text)
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.replace(",", " "))
    text = re.sub(r"\bSept\b", "Sep", " ".join(text.split()), flags=re.IGNORECASE)
    if match := NUMERIC_DATE.match(text):
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        year += 2000 if year < 100 else 0
        readings = {
            "dmy": (year, second, first),
            "mdy": (year, first, second),
        }
        valid = {}
        for name, parts in readings.items():
            with contextlib.suppress(ValueError):  # 31/02 is no date either way
                valid[name] = date(*parts)
        if len(set(valid.values())) == 2:
            if order in valid:
                return valid[order]
            raise ValueError(
                f"“{value}” could be {valid['dmy']:%-d %B} or "
                f"{valid['mdy']:%-d %B}: write it as {valid['dmy']:%Y-%m-%d} "
                "(year-month-day)"
            )
        if valid:
            return next(iter(valid.values()))
        raise ValueError(f"“{value}” is not a real date")
    for date_format in DATE_FORMATS:
        try:
            return datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    raise ValueError(f"“{value}” is not a date we can read; use 2025-03-31")


def _choice(value: str, lookup: dict, *, choices):
    if (found := lookup.get(_key(value))) is not None:
        return found
    allowed = ", ".join(str(label) for _, label in choices)
    raise ValueError(f"“{value}” is not one of: {allowed}")


def _salary(value: str) -> int:
    text = re.sub(r"[\s,'’_]|[^\d.kK]", "", value)
    multiplier = 1000 if text[-1:] in ("k", "K") else 1
    text = text.rstrip("kK")
    try:
        amount = round(float(text) * multiplier)
    except ValueError:
        raise ValueError(f"“{value}” is not an amount") from None
    if not 0 <= amount <= LARGEST_SALARY:
        raise ValueError(f"“{value}” is out of range")
    return amount


_url_validator = URLValidator()


def _url(value: str) -> str:
    url = value if "://" in value else f"https://{value}"
    try:
        _url_validator(url)
    except ValidationError:
        raise ValueError(f"“{value}” is not a web address") from None
    return url


def _parse_row(
    number: int, cells: dict[str, str], *, date_order: str | None, careers: dict
) -> ImportRow:
    row = ImportRow(number=number)

    def read(name, parse, label):
        raw = cells.get(name, "")
        if not raw.strip():
            return None
        try:
            return parse(raw.strip())
        except ValueError as error:
            row.errors.append(f"{label}: {error}.")
            return None

    for name, label in (("company", "Company"), ("role_title", "Role")):
        value = cells.get(name, "").strip()
        setattr(row, name, value)
        if not value:
            row.errors.append(f"{label} is missing.")
    for name in ("company", "role_title", "location", "posting_url"):
        value = cells.get(name, "").strip()
        if len(value) > TEXT_LIMITS[name]:
            row.errors.append(
                f"{Application._meta.get_field(name).verbose_name.capitalize()} is "
                f"{len(value)} characters long; the most is {TEXT_LIMITS[name]}."
            )

    fields = row.fields
    fields["location"] = cells.get("location", "").strip()
    fields["job_description"] = cells.get("job_description", "").strip()
    fields["notes"] = cells.get("notes", "").strip()
    row.applied_on = read(
        "applied_on", lambda v: parse_date(v, order=date_order), "Applied on"
    )
    fields["applied_on"] = row.applied_on
    fields["follow_up_on"] = read(
        "follow_up_on", lambda v: parse_date(v, order=date_order), "Next follow-up"
    )
    status = read(
        "status",
        lambda v: _choice(v, STATUSES, choices=Status.choices),
        "Status",
    )
    if status:
        row.status = status
    elif not cells.get("status", "").strip():
        row.status = Status.APPLIED if row.applied_on else Status.SAVED
    fields["source"] = (
        read(
            "source",
            lambda v: _choice(v, SOURCES, choices=Source.choices),
            "Source",
        )
        or ""
    )
    fields["work_mode"] = (
        read(
            "work_mode",
            lambda v: _choice(v, WORK_MODES, choices=WorkMode.choices),
            "Work mode",
        )
        or ""
    )
    fields["priority"] = (
        read(
            "priority",
            lambda v: _choice(v, PRIORITIES, choices=Priority.choices),
            "Priority",
        )
        or Priority.NORMAL
    )
    fields["posting_url"] = read("posting_url", _url, "Job posting link") or ""
    fields["salary_min"] = read("salary_min", _salary, "Salary from")
    fields["salary_max"] = read("salary_max", _salary, "Salary up to")
    if (
        fields["salary_min"] is not None
        and fields["salary_max"] is not None
        and fields["salary_min"] > fields["salary_max"]
    ):
        row.errors.append("Salary from is above salary up to.")
    currency = cells.get("salary_currency", "").strip().upper()
    if currency and not (len(currency) == 3 and currency.isalpha()):
        row.errors.append(f"Currency: “{currency}” is not a three-letter code.")
    fields["salary_currency"] = currency
    slug = cells.get("career", "").strip()
    fields["career"] = careers.get(slug) if slug else None
    if slug and fields["career"] is None:
        row.errors.append(f"Career guide: there is no published guide “{slug}”.")
    archived = _key(cells.get("archived", ""))
    if archived in YES_NO:
        row.archived = YES_NO[archived]
    else:
        row.errors.append("Archived: write yes or no.")
    return row


def parse_import(text: str) -> ParsedImport:
    """Read CSV text into rows, each with its values and its errors.

    Raises ImportFileError when the file as a whole cannot be used."""
    lines = [cells for cells in _read_rows(text) if any(c.strip() for c in cells)]
    if not lines:
        raise ImportFileError("The file is empty.")
    heading_row, *data = lines
    columns, ignored = _map_headings(heading_row)
    if not data:
        raise ImportFileError("The file has column headings but no rows under them.")
    if len(data) > MAX_ROWS:
        raise ImportFileError(
            f"The file has {len(data):,} rows; the most one import takes is "
            f"{MAX_ROWS:,}. Split it into smaller files and import them one by one."
        )
    records = [
        {
            name: unneutralise(cells[index]) if index < len(cells) else ""
            for index, name in columns.items()
        }
        for cells in data
    ]
    date_order = _date_order(
        [r.get(n, "") for r in records for n in ("applied_on", "follow_up_on")]
    )
    slugs = {record["career"].strip() for record in records if record.get("career")}
    careers = (
        {c.slug: c for c in Career.objects.published().filter(slug__in=slugs)}
        if slugs
        else {}
    )
    rows = [
        _parse_row(number, record, date_order=date_order, careers=careers)
        for number, record in enumerate(records, start=2)
    ]
    return ParsedImport(
        rows=rows,
        columns=[(heading_row[index].strip(), name) for index, name in columns.items()],
        ignored=ignored,
    )


def read_upload(upload) -> str:
    """The uploaded file's text, within the size limit."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ImportFileError(
            f"The file is {upload.size / 1024 / 1024:.1f} MB; the most one import "
            "takes is 1 MB. Split it into smaller files and import them one by one."
        )
    return decode(upload.read())


@transaction.atomic
def import_applications(*, owner, parsed: ParsedImport) -> list[Application]:
    """Add every row as an application, with its first status recorded, or none:
    a failure on any row rolls the whole import back."""
    if not parsed.is_valid:
        raise ValueError("Only a file with no errors can be imported.")
    applications = []
    for row in parsed.rows:
        application = application_create(
            owner=owner,
            company=row.company,
            role_title=row.role_title,
            status=row.status,
            **row.fields,
        )
        if row.archived:
            application_archive(application=application)
        applications.append(application)
    return applications
