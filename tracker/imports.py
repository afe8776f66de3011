"""CSV import: read our own export or a simple spreadsheet, check every row, and
add all of them in one transaction or none at all.

Reading never touches the person's data; `import_applications` writes, through
the tracker's services, so every imported application gets its status history.
"""

import csv
import io
import re
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from careers.models import Career
from tracker.cells import (
    EMPLOYMENT_TYPES,
    PAY_PERIODS,
    PRIORITIES,
    SOURCES,
    STATUSES,
    WORK_MODES,
    YES_NO,
    choice,
    date_order,
    key,
    parse_date,
    salary,
    with_scheme,
)
from tracker.exports import unneutralise
from tracker.fields import APPLICATION_FIELDS
from tracker.models import (
    Application,
    CsvImport,
    EmploymentType,
    PayPeriod,
    Priority,
    Source,
    Status,
    WorkMode,
)
from tracker.services import application_archive, application_create

MAX_UPLOAD_BYTES = 1024 * 1024
MAX_ROWS = 2000


class AlreadyImported(Exception):
    """This upload was imported before: a retried confirm adds nothing."""


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message says why, for the person."""


def _headings() -> dict[str, str]:
    """Heading (compared by cells.key) → Application field: each column's
    heading, its field's name ("salary_min") and its aliases."""
    headings = {}
    for column in APPLICATION_FIELDS:
        if not column.heading:
            continue
        for text in (column.heading, column.name, *column.aliases):
            claimed = headings.setdefault(key(text), column.name)
            if claimed != column.name:
                raise ValueError(f"{text!r} names both {claimed} and {column.name}")
    return headings


HEADINGS = _headings()


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
        name = HEADINGS.get(key(heading))
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


# Choice columns besides the status: the lookup that reads a cell (by value,
# label or alias), the choices named in the error, and the value of an empty cell.
CHOICE_COLUMNS = {
    "source": (SOURCES, Source, ""),
    "work_mode": (WORK_MODES, WorkMode, ""),
    "priority": (PRIORITIES, Priority, Priority.NORMAL),
    "salary_period": (PAY_PERIODS, PayPeriod, PayPeriod.YEAR),
    "employment_type": (EMPLOYMENT_TYPES, EmploymentType, ""),
}
DATE_FIELDS = ("applied_on", "follow_up_on", "posted_on", "closes_on")
# Errors name the column by our export's heading, as the person's file does.
COLUMN_HEADINGS = {field.name: field.heading for field in APPLICATION_FIELDS}


def _parse_row(
    number: int, cells: dict[str, str], *, date_order: str | None, careers: dict
) -> ImportRow:
    row = ImportRow(number=number)
    unread = set()  # fields whose cell could not be read: already an error

    def read(name, parse):
        raw = cells.get(name, "")
        if not raw.strip():
            return None
        try:
            return parse(raw.strip())
        except ValueError as error:
            row.errors.append(f"{COLUMN_HEADINGS[name]}: {error}.")
            unread.add(name)
            return None

    def read_date(name):
        return read(name, lambda value: parse_date(value, order=date_order))

    def read_choice(name, lookup, choices):
        return read(name, lambda value: choice(value, lookup, choices=choices.choices))

    for name in ("company", "role_title"):
        value = cells.get(name, "").strip()
        setattr(row, name, value)
        if not value:
            row.errors.append(f"{COLUMN_HEADINGS[name]} is missing.")
            unread.add(name)

    fields = row.fields
    for name in ("location", "job_description", "notes", "salary_currency"):
        fields[name] = cells.get(name, "").strip()
    row.applied_on = fields["applied_on"] = read_date("applied_on")
    fields["follow_up_on"] = read_date("follow_up_on")
    fields["posted_on"] = read_date("posted_on")
    fields["closes_on"] = read_date("closes_on")
    status = read_choice("status", STATUSES, Status)
    if status:
        row.status = status
    elif not cells.get("status", "").strip():
        row.status = Status.APPLIED if row.applied_on else Status.SAVED
    for name, (lookup, choices, empty) in CHOICE_COLUMNS.items():
        fields[name] = read_choice(name, lookup, choices) or empty
    fields["posting_url"] = with_scheme(cells.get("posting_url", "").strip())
    fields["salary_min"] = read("salary_min", salary)
    fields["salary_max"] = read("salary_max", salary)
    slug = cells.get("career", "").strip()
    fields["career"] = careers.get(slug) if slug else None
    if slug and fields["career"] is None:
        row.errors.append(
            f"{COLUMN_HEADINGS['career']}: there is no published guide “{slug}”."
        )
    archived = key(cells.get("archived", ""))
    if archived in YES_NO:
        row.archived = YES_NO[archived]
    else:
        row.errors.append(f"{COLUMN_HEADINGS['archived']}: write yes or no.")
    row.errors += _model_errors(row, skip=unread)
    return row


def _model_errors(row: ImportRow, *, skip: set[str]) -> list[str]:
    """Check the row as the application it will be saved as, by the model's own
    rules (lengths, the date range, links, salary order): the confirm saves
    exactly these values through the same checks, so a row the preview accepts
    cannot fail there."""
    application = Application(
        company=row.company, role_title=row.role_title, status=row.status, **row.fields
    )
    try:
        # The owner is set at the confirm; the career was found among the
        # published guides (checking it again is a query a row).
        application.full_clean(
            exclude=["owner", "career", *skip],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        return [
            f"{_label(name)}{message.rstrip('.')}."
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return []


def _label(name: str) -> str:
    return "" if name == NON_FIELD_ERRORS else f"{COLUMN_HEADINGS[name]}: "


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
    order = date_order([r.get(n, "") for r in records for n in DATE_FIELDS])
    slugs = {record["career"].strip() for record in records if record.get("career")}
    careers = (
        {c.slug: c for c in Career.objects.published().filter(slug__in=slugs)}
        if slugs
        else {}
    )
    rows = [
        _parse_row(number, record, date_order=order, careers=careers)
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
def import_applications(
    *,
    owner,
    parsed: ParsedImport,
    submission_id: uuid.UUID | None = None,
    file_name: str = "",
) -> list[Application]:
    """Add every row as an application, with its first status recorded, or none:
    a failure on any row rolls the whole import back. Raises AlreadyImported when
    this owner already imported `submission_id`."""
    if not parsed.is_valid:
        raise ValueError("Only a file with no errors can be imported.")
    if submission_id is not None:
        # Recorded first, in the same transaction: a second confirm of the same
        # upload waits here for the first and then fails, adding nothing.
        try:
            with transaction.atomic():
                CsvImport.objects.create(
                    owner=owner,
                    submission_id=submission_id,
                    file_name=file_name[:200],
                    row_count=len(parsed.rows),
                )
        except IntegrityError:
            raise AlreadyImported from None
    applications = []
    for row in parsed.rows:
        application = application_create(
            owner=owner,
            company=row.company,
            role_title=row.role_title,
            status=row.status,
            at=_first_status_at(row),
            **row.fields,
        )
        if row.archived:
            application_archive(application=application)
        applications.append(application)
    return applications


def _first_status_at(row) -> datetime | None:
    """Date an imported application's first status by when it was applied for, so
    the history (and history.csv) shows the real date rather than the import's."""
    applied_on = row.fields.get("applied_on")
    if row.status == Status.SAVED or applied_on is None:
        return None
    moment = timezone.make_aware(datetime.combine(applied_on, time(12)))
    return min(moment, timezone.now())
