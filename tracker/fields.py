"""The Application's fields that people fill in, listed once.

The add/edit form, the services that save applications, the CSV export's
columns, the CSV import's headings and the account export all derive from
APPLICATION_FIELDS: a new field added here appears in each of them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ApplicationField:
    name: str  # the Application model field
    heading: str = ""  # its CSV column; empty when it is not in the CSV files
    aliases: tuple[str, ...] = ()  # other headings the import reads it from
    in_form: bool = True


# In the order of the CSV columns (README lists them) and of the form.
APPLICATION_FIELDS = (
    ApplicationField(
        "company",
        "Company",
        ("Company name", "Employer", "Organisation", "Organization"),
    ),
    ApplicationField("role_title", "Role", ("Job title", "Position", "Title", "Job")),
    ApplicationField("status", "Status", ("Stage",)),
    ApplicationField(
        "applied_on",
        "Applied on",
        ("Applied", "Date applied", "Application date", "Date"),
    ),
    ApplicationField("follow_up_on", "Next follow-up", ("Follow-up", "Follow-up date")),
    ApplicationField("source", "Source", ("Where found", "Where you found it")),
    ApplicationField("work_mode", "Work mode"),
    ApplicationField("location", "Location", ("City",)),
    ApplicationField("posting_url", "Job posting link", ("Job link", "Link", "URL")),
    ApplicationField("employment_type", "Employment type", ("Job type",)),
    ApplicationField("salary_min", "Salary from", ("Minimum salary", "Pay from")),
    ApplicationField("salary_max", "Salary up to", ("Maximum salary", "Pay up to")),
    # Files from before pay had a period have no such column: read as yearly.
    ApplicationField("salary_period", "Pay period", ("Salary period", "Pay per")),
    ApplicationField("salary_currency", "Currency"),
    ApplicationField("posted_on", "Posted on", ("Date posted",)),
    ApplicationField("closes_on", "Applications close", ("Closing date", "Deadline")),
    ApplicationField("priority", "Priority"),
    ApplicationField("career", "Career guide"),
    # Which of the person's documents went with it: a form field, not a column.
    ApplicationField("documents_sent"),
    # Archiving is its own action on the page, but the files carry it.
    ApplicationField("archived", "Archived", in_form=False),
    ApplicationField("job_description", "Job description", ("Description",)),
    ApplicationField("notes", "Notes", ("Note", "Comments")),
)

FORM_FIELDS = [field.name for field in APPLICATION_FIELDS if field.in_form]

# (heading, field name) for each CSV column, in order.
CSV_COLUMNS = [
    (field.heading, field.name) for field in APPLICATION_FIELDS if field.heading
]

# An offer's fields that people fill in, in the form's order: the offer form
# and the account export (each offer nested in its application) both use it.
OFFER_FIELDS = (
    "base_pay",
    "pay_period",
    "currency",
    "bonus",
    "other_pay",
    "starts_on",
    "answer_by",
    "state",
    "benefits",
)
