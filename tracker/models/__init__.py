"""The job-application tracker: applications, their history, events and documents.

Every query for a person's data starts from a `for_user(user)` QuerySet method, so
no view can forget the owner filter.
"""

from tracker.models.applications import (
    PERIODS_A_YEAR,
    WAITING_STATUSES,
    Application,
    ApplicationQuerySet,
    EmploymentType,
    PayPeriod,
    Priority,
    Source,
    Status,
    WorkMode,
)
from tracker.models.documents import Document, DocumentKind, document_upload_to
from tracker.models.offers import Offer
from tracker.models.parts import (
    ApplicationPartQuerySet,
    Contact,
    Interview,
    InterviewKind,
    Note,
    Outcome,
    StatusChange,
)
from tracker.models.profile import (
    WEEKLY_GOAL_MAX,
    WEEKLY_GOAL_MIN,
    CsvImport,
    ShareLink,
    ShareLinkQuerySet,
    TrackerProfile,
)

__all__ = [
    "PERIODS_A_YEAR",
    "WAITING_STATUSES",
    "WEEKLY_GOAL_MAX",
    "WEEKLY_GOAL_MIN",
    "Application",
    "ApplicationPartQuerySet",
    "ApplicationQuerySet",
    "Contact",
    "CsvImport",
    "Document",
    "DocumentKind",
    "EmploymentType",
    "Interview",
    "InterviewKind",
    "Note",
    "Offer",
    "Outcome",
    "PayPeriod",
    "Priority",
    "ShareLink",
    "ShareLinkQuerySet",
    "Source",
    "Status",
    "StatusChange",
    "TrackerProfile",
    "WorkMode",
    "document_upload_to",
]
