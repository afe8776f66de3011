"""The rows that belong to one application: its status history, interviews,
contacts and notes."""

from datetime import datetime, timedelta

from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from core.dates import add_or_clamp, validate_date_in_range
from core.querysets import OwnedQuerySet
from tracker.models.applications import Application, Status


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
