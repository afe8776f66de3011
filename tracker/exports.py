"""CSV exports: every application, and every status change (proof of applications).

Rows are written one at a time from `.iterator()`, so a long history never sits
in memory. Text that a spreadsheet would run as a formula is neutralised.
"""

import csv
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.utils import timezone

from tracker.fields import CSV_COLUMNS
from tracker.models import (
    Application,
    EmploymentType,
    PayPeriod,
    Priority,
    Source,
    Status,
    StatusChange,
    WorkMode,
)

# Cells starting with these are formulas (or become one) in Excel, LibreOffice and
# Google Sheets. A leading apostrophe is in the list too, so that the import can
# always drop exactly one and export → import gives back the same text.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")

HISTORY_COLUMNS = ["Date", "Time", "Time zone", "Company", "Role", "From", "To"]

_LABELS = {
    "status": dict(Status.choices),
    "source": dict(Source.choices),
    "work_mode": dict(WorkMode.choices),
    "priority": dict(Priority.choices),
    "salary_period": dict(PayPeriod.choices),
    "employment_type": dict(EmploymentType.choices),
}


def neutralise(value: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would treat as a formula."""
    return f"'{value}" if value.startswith(FORMULA_TRIGGERS) else value


def unneutralise(value: str) -> str:
    """Undo `neutralise`: drop one leading apostrophe."""
    return value[1:] if value.startswith("'") else value


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Decimal):
        # Plain, as the import reads it back: 45000 or 18.50.
        return str(int(value)) if value == int(value) else f"{value:.2f}"
    return neutralise(str(value))


def application_cells(application: Application) -> list[str]:
    """One application as export cells: labels for choices, ISO dates."""
    cells = []
    for _, name in CSV_COLUMNS:
        if name == "career":
            value = application.career.slug if application.career_id else ""
        else:
            value = getattr(application, name)
            if name in _LABELS and value != "":
                value = _LABELS[name].get(value, value)
            elif hasattr(value, "isoformat"):
                value = value.isoformat()
        cells.append(_cell(value))
    return cells


def change_cells(change: StatusChange, tz) -> list[str]:
    moment = timezone.localtime(change.changed_at, tz)
    return [
        moment.date().isoformat(),
        moment.strftime("%H:%M"),
        str(tz),
        _cell(change.application.company),
        _cell(change.application.role_title),
        change.get_from_status_display() or "(added)",
        change.get_to_status_display(),
    ]


class _Echo:
    """A file-like object whose write() returns what it was given, for csv.writer."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: list[str], rows: Iterable[list[str]]) -> Iterator[str]:
    """Yield CSV text line by line, starting with a byte-order mark so that
    spreadsheet apps read the file as UTF-8."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(header)
    for row in rows:
        yield writer.writerow(row)


def export_applications(user) -> Iterator[str]:
    """Every application of the person, oldest first, as CSV lines."""
    applications = (
        Application.objects.for_user(user)
        .select_related("career")
        .order_by("created_at", "id")
        .iterator(chunk_size=500)
    )
    header = [heading for heading, _ in CSV_COLUMNS]
    return csv_lines(header, map(application_cells, applications))


def export_history(user) -> Iterator[str]:
    """Every status change of every application of the person, in time order."""
    tz = timezone.get_current_timezone()
    changes = (
        StatusChange.objects.for_user(user)
        .select_related("application")
        .only(
            "from_status",
            "to_status",
            "changed_at",
            "application__company",
            "application__role_title",
        )
        .order_by("changed_at", "id")
        .iterator(chunk_size=500)
    )
    return csv_lines(HISTORY_COLUMNS, (change_cells(change, tz) for change in changes))
