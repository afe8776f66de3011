"""The job-application tracker: applications, their history, events and documents.

Every query for a person's data starts from a `for_user(user)` QuerySet method, so
no view can forget the owner filter.
"""

import uuid
from datetime import date, datetime, timedelta
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from core.dates import add_or_clamp, validate_date_in_range
from core.querysets import OwnedQuerySet
from tracker.storage import private_storage


class Status(models.TextChoices):
    SAVED = "saved", "Saved"
    APPLIED = "applied", "Applied"
    SCREENING = "screening", "Screening"
    INTERVIEWING = "interviewing", "Interviewing"
    OFFER = "offer", "Offer"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Statuses where the person is waiting to hear back: these can go quiet and are
# worth a follow-up. Saved has not been sent yet; the rest are finished.
WAITING_STATUSES = (Status.APPLIED, Status.SCREENING, Status.INTERVIEWING, Status.OFFER)


class WorkMode(models.TextChoices):
    ON_SITE = "on_site", "On-site"
    HYBRID = "hybrid", "Hybrid"
    REMOTE = "remote", "Remote"


class Source(models.TextChoices):
    JOB_BOARD = "job_board", "Job board"
    COMPANY_SITE = "company_site", "Company site"
    REFERRAL = "referral", "Referral"
    RECRUITER = "recruiter", "Recruiter"
    OTHER = "other", "Other"


class Priority(models.IntegerChoices):
    HIGH = 1, "High"
    NORMAL = 2, "Normal"
    LOW = 3, "Low"


class ApplicationQuerySet(OwnedQuerySet):
    def active(self) -> "ApplicationQuerySet":
        return self.filter(archived=False)

    def archived(self) -> "ApplicationQuerySet":
        return self.filter(archived=True)

    def follow_up_due_by(self, day: date) -> "ApplicationQuerySet":
        """Return active applications with a follow-up planned on or before `day`."""
        return self.active().filter(follow_up_on__lte=day)

    def gone_quiet(self, *, now: datetime, quiet_after_days: int):
        """Return active applications waiting for a reply with no status change,
        follow-up or planned follow-up in the last `quiet_after_days` days."""
        cutoff = now - timedelta(days=quiet_after_days)
        return self.active().filter(
            Q(last_followed_up_on__isnull=True)
            | Q(last_followed_up_on__lte=timezone.localdate(cutoff)),
            status__in=WAITING_STATUSES,
            status_changed_at__lte=cutoff,
            follow_up_on__isnull=True,
        )


class Application(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="applications",
    )
    company = models.CharField(max_length=200)
    role_title = models.CharField("role", max_length=200)
    career = models.ForeignKey(
        "careers.Career",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
        verbose_name="career guide",
        help_text="Link the Foothold guide for this kind of job, to prepare with it.",
    )
    posting_url = models.URLField(
        "job posting link",
        max_length=1000,
        blank=True,
        help_text="Postings disappear: paste the description below as well.",
    )
    location = models.CharField(max_length=200, blank=True)
    work_mode = models.CharField(choices=WorkMode, max_length=20, blank=True)
    salary_min = models.PositiveIntegerField("salary from", null=True, blank=True)
    salary_max = models.PositiveIntegerField("salary up to", null=True, blank=True)
    salary_currency = models.CharField(
        "currency",
        max_length=3,
        blank=True,
        help_text="A three-letter code such as EUR, GBP or USD.",
    )
    source = models.CharField(
        "where you found it", choices=Source, max_length=20, blank=True
    )
    status = models.CharField(choices=Status, max_length=20, default=Status.SAVED)
    applied_on = models.DateField(
        "applied on", null=True, blank=True, validators=[validate_date_in_range]
    )
    follow_up_on = models.DateField(
        "next follow-up", null=True, blank=True, validators=[validate_date_in_range]
    )
    last_followed_up_on = models.DateField(null=True, blank=True, editable=False)
    priority = models.PositiveSmallIntegerField(
        choices=Priority, default=Priority.NORMAL
    )
    job_description = models.TextField(
        blank=True, help_text="The posting's text as you found it."
    )
    notes = models.TextField(blank=True)
    documents_sent = models.ManyToManyField(
        "tracker.Document",
        blank=True,
        related_name="applications",
        verbose_name="documents sent",
    )
    archived = models.BooleanField(default=False)
    # Sent with the add form (or by an API client), so a repeated post is
    # recognised and never adds a second copy.
    client_token = models.UUIDField(null=True, blank=True, editable=False)
    # When the status last changed (creation counts): what "gone quiet" measures.
    status_changed_at = models.DateTimeField(default=timezone.now, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [
            # The list page: for_user(...).filter(archived=...) newest first.
            models.Index(
                fields=["owner", "archived", "-updated_at"],
                name="tracker_app_list_idx",
            ),
            # The board: for_user(...).active() grouped by status.
            models.Index(
                fields=["owner", "archived", "status"], name="tracker_app_board_idx"
            ),
            # The follow-ups page and send_followup_reminders: planned
            # follow-ups of active applications, by date.
            models.Index(
                fields=["follow_up_on", "owner"],
                condition=Q(archived=False, follow_up_on__isnull=False),
                name="tracker_app_follow_up_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "client_token"],
                condition=Q(client_token__isnull=False),
                name="tracker_app_client_token_unique",
            ),
            models.CheckConstraint(
                condition=Q(salary_min__isnull=True)
                | Q(salary_max__isnull=True)
                | Q(salary_min__lte=F("salary_max")),
                name="tracker_app_salary_range",
                violation_error_message="The lowest salary is above the highest.",
            ),
            models.CheckConstraint(
                condition=Q(priority__gte=1, priority__lte=3),
                name="tracker_app_priority_range",
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values),
                name="tracker_app_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.role_title} at {self.company}"

    def get_absolute_url(self):
        return reverse("tracker:detail", args=[self.pk])

    def clean(self):
        super().clean()
        if (
            self.salary_min is not None
            and self.salary_max is not None
            and self.salary_min > self.salary_max
        ):
            raise ValidationError(
                {"salary_max": "Must be at least the lowest salary."},
                code="salary_range",
            )
        self.salary_currency = self.salary_currency.strip().upper()

    @property
    def is_waiting(self) -> bool:
        return self.status in WAITING_STATUSES

    def is_quiet(self, *, now: datetime, quiet_after_days: int) -> bool:
        """The same test as ApplicationQuerySet.gone_quiet, for one loaded row."""
        cutoff = now - timedelta(days=quiet_after_days)
        return (
            not self.archived
            and self.is_waiting
            and self.follow_up_on is None
            and self.status_changed_at <= cutoff
            and (
                self.last_followed_up_on is None
                or self.last_followed_up_on <= timezone.localdate(cutoff)
            )
        )

    @property
    def salary_range(self) -> str:
        low, high = self.salary_min, self.salary_max
        if low is None and high is None:
            return ""
        if low is not None and high is not None and low != high:
            text = f"{low:,} to {high:,}"
        else:
            text = f"{low if low is not None else high:,}"
            if low is None:
                text = f"up to {text}"
            elif high is None:
                text = f"from {text}"
        return f"{text} {self.salary_currency}".strip()


class ApplicationPartQuerySet(OwnedQuerySet):
    """For rows that belong to an application: history, interviews, contacts, notes."""

    owner_lookup = "application__owner"


class StatusChange(models.Model):
    """One step in an application's history; the first has no from_status."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(choices=Status, max_length=20, blank=True)
    to_status = models.CharField(choices=Status, max_length=20)
    changed_at = models.DateTimeField(default=timezone.now)

    objects = ApplicationPartQuerySet.as_manager()

    class Meta:
        ordering = ["changed_at", "id"]
        indexes = [
            # The detail page's timeline and the history export, per application.
            models.Index(
                fields=["application", "changed_at"], name="tracker_change_app_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_status=F("to_status")),
                name="tracker_change_is_a_change",
            ),
        ]

    def __str__(self):
        start = self.get_from_status_display() or "created"
        return f"{start} → {self.get_to_status_display()}"


class DocumentKind(models.TextChoices):
    RESUME = "resume", "Resume"
    COVER_LETTER = "cover_letter", "Cover letter"


def document_upload_to(document: "Document", filename: str) -> str:
    """A random name per file: the person's own file name is kept in the row,
    never trusted as a path."""
    suffix = PurePath(filename).suffix.lower()
    return f"tracker/documents/{document.owner_id}/{uuid.uuid4().hex}{suffix}"


class Document(models.Model):
    """A resume or cover-letter version, served only to its owner."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(choices=DocumentKind, max_length=20)
    label = models.CharField(
        "name or version",
        max_length=200,
        help_text="For example: Resume v3 (design roles).",
    )
    file = models.FileField(storage=private_storage, upload_to=document_upload_to)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "-uploaded_at", "-id"]
        indexes = [
            # The documents page and the "documents sent" choices: per owner.
            models.Index(fields=["owner", "kind"], name="tracker_document_owner_idx"),
        ]

    def __str__(self):
        return f"{self.label} ({self.get_kind_display()})"

    def get_absolute_url(self):
        return reverse("tracker:document_download", args=[self.pk])


class InterviewKind(models.TextChoices):
    PHONE_SCREEN = "phone_screen", "Phone screen"
    INTERVIEW = "interview", "Interview"
    ASSESSMENT = "assessment", "Assessment"
    OFFER_CALL = "offer_call", "Offer call"
    OTHER = "other", "Other"


class Outcome(models.TextChoices):
    PENDING = "pending", "Not known yet"
    PASSED = "passed", "Went through"
    NOT_PASSED = "not_passed", "Did not go through"
    CANCELLED = "cancelled", "Cancelled"


class Interview(models.Model):
    """An interview or other dated event in an application."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="interviews"
    )
    kind = models.CharField(choices=InterviewKind, max_length=20)
    starts_at = models.DateTimeField("starts at", validators=[validate_date_in_range])
    duration_minutes = models.PositiveSmallIntegerField(
        "duration (minutes)", default=60
    )
    location = models.CharField(
        "location or link",
        max_length=500,
        blank=True,
        help_text="An address, or the video-call link.",
    )
    notes = models.TextField(blank=True)
    outcome = models.CharField(choices=Outcome, max_length=20, default=Outcome.PENDING)

    objects = ApplicationPartQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        indexes = [
            # The detail page's interview list, per application in time order.
            models.Index(
                fields=["application", "starts_at"], name="tracker_interview_app_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=1, duration_minutes__lte=24 * 60),
                name="tracker_interview_duration_range",
                violation_error_message="A duration is between 1 and 1440 minutes.",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on {self.starts_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        return f"{self.application.get_absolute_url()}#interview-{self.pk}"

    @property
    def ends_at(self) -> datetime:
        return add_or_clamp(self.starts_at, timedelta(minutes=self.duration_minutes))


class Contact(models.Model):
    """Someone at (or for) the company: recruiter, hiring manager, referrer."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(max_length=200)
    role = models.CharField(
        max_length=200, blank=True, help_text="For example: recruiter."
    )
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=50, blank=True)
    notes = models.TextField(blank=True)

    objects = ApplicationPartQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{self.application.get_absolute_url()}#contact-{self.pk}"


class Note(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="note_entries"
    )
    body = models.TextField("note")
    created_at = models.DateTimeField(default=timezone.now)

    objects = ApplicationPartQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.body[:60]

    def get_absolute_url(self):
        return f"{self.application.get_absolute_url()}#note-{self.pk}"


class TrackerProfile(models.Model):
    """A person's tracker settings and reminder bookkeeping."""

    DEFAULT_QUIET_AFTER_DAYS = 14

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="tracker_profile",
    )
    quiet_after_days = models.PositiveSmallIntegerField(
        "flag as gone quiet after (days)",
        default=DEFAULT_QUIET_AFTER_DAYS,
        help_text="An application waiting for a reply with no news for this "
        "many days is flagged so you can follow up.",
    )
    email_reminders = models.BooleanField(
        "email me a daily digest of follow-ups due",
        default=True,
        help_text="At most one email a day, and only when a follow-up is due.",
    )
    # Secret for the private calendar feed; empty until the person asks for one.
    calendar_token = models.CharField(max_length=64, blank=True, editable=False)
    # The day send_followup_reminders last emailed this person, so it sends at
    # most one digest per day however often it runs.
    last_digest_sent_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["user"]
        constraints = [
            models.CheckConstraint(
                condition=Q(quiet_after_days__gte=1, quiet_after_days__lte=365),
                name="tracker_profile_quiet_days_range",
                violation_error_message="Choose between 1 and 365 days.",
            ),
            # The calendar feed looks people up by token.
            models.UniqueConstraint(
                fields=["calendar_token"],
                condition=~Q(calendar_token=""),
                name="tracker_profile_calendar_token_unique",
            ),
        ]

    def __str__(self):
        return f"Tracker settings of {self.user}"

    def get_absolute_url(self):
        return reverse("tracker:settings")


class ShareLinkQuerySet(OwnedQuerySet):
    def live(self) -> "ShareLinkQuerySet":
        return self.filter(revoked_at__isnull=True)


class ShareLink(models.Model):
    """A revocable, read-only link to a person's board and stats, for a coach.

    The token is the only key: whoever has the address sees the board and stats,
    never contacts, notes, documents, job descriptions or salaries."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="share_links",
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    label = models.CharField(
        "who it is for",
        max_length=100,
        blank=True,
        help_text="For example: Sam, my job coach. Only you see this.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.label or f"Link made {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("tracker:shared_board", args=[self.token])

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None


class CsvImport(models.Model):
    """One confirmed CSV import: its id is what makes a retried confirm a no-op."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="csv_imports"
    )
    submission_id = models.UUIDField()
    file_name = models.CharField(max_length=200, blank=True)
    row_count = models.PositiveIntegerField(default=0)
    imported_at = models.DateTimeField(default=timezone.now)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-imported_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "submission_id"], name="tracker_import_once"
            )
        ]

    def __str__(self):
        return f"{self.file_name or 'CSV import'} ({self.row_count} rows)"
