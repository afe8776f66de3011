"""Applications: what a person applied for, its status and its follow-up dates."""

import re
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import ExpressionWrapper, F, Q
from django.urls import reverse
from django.utils import timezone

from core.dates import validate_date_in_range
from core.querysets import OwnedQuerySet


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


class PayPeriod(models.TextChoices):
    HOUR = "hour", "Hour"
    WEEK = "week", "Week"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


# A period's pay times this is the yearly equivalent: a full-time year of 52
# weeks of 40 hours. The application page says so next to the figure.
PERIODS_A_YEAR = {
    PayPeriod.HOUR: 2080,
    PayPeriod.WEEK: 52,
    PayPeriod.MONTH: 12,
    PayPeriod.YEAR: 1,
}


YEARLY_BASIS = {
    PayPeriod.HOUR: "2,080 hours (52 weeks of 40 hours)",
    PayPeriod.WEEK: "52 weeks",
    PayPeriod.MONTH: "12 months",
}


class EmploymentType(models.TextChoices):
    FULL_TIME = "full_time", "Full time"
    PART_TIME = "part_time", "Part time"
    CONTRACT = "contract", "Contract"
    TEMPORARY = "temporary", "Temporary"
    INTERNSHIP = "internship", "Internship"
    OTHER = "other", "Other"


def amount_text(value: Decimal | int) -> str:
    """An amount as people write it: 45,000 or 18.50."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}"


def validate_currency_code(value: str) -> None:
    """Three letters, such as EUR, in any case: Application.clean capitalises them."""
    if not re.fullmatch(r"[A-Za-z]{3}", value.strip()):
        raise ValidationError(
            "Use a three-letter code such as EUR, GBP or USD.", code="currency"
        )


def gone_quiet(*, now: datetime, quiet_after_days: int) -> Q:
    """The one "gone quiet" rule: active, waiting for a reply, and no status change,
    follow-up or planned follow-up in the last `quiet_after_days` days."""
    cutoff = now - timedelta(days=quiet_after_days)
    return Q(
        Q(last_followed_up_on__isnull=True)
        | Q(last_followed_up_on__lte=timezone.localdate(cutoff)),
        archived=False,
        status__in=WAITING_STATUSES,
        status_changed_at__lte=cutoff,
        follow_up_on__isnull=True,
    )


class ApplicationQuerySet(OwnedQuerySet):
    def active(self) -> "ApplicationQuerySet":
        return self.filter(archived=False)

    def archived(self) -> "ApplicationQuerySet":
        return self.filter(archived=True)

    def follow_up_due_by(self, day: date) -> "ApplicationQuerySet":
        """Return active applications with a follow-up planned on or before `day`."""
        return self.active().filter(follow_up_on__lte=day)

    def gone_quiet(self, *, now: datetime, quiet_after_days: int):
        """Return the applications that have gone quiet (see gone_quiet)."""
        return self.filter(gone_quiet(now=now, quiet_after_days=quiet_after_days))

    def with_quiet(self, *, now: datetime, quiet_after_days: int):
        """Annotate each application with `quiet`, by the same rule, in the same
        query: the list, the board and the detail page flag rows with it."""
        return self.annotate(
            quiet=ExpressionWrapper(
                gone_quiet(now=now, quiet_after_days=quiet_after_days),
                output_field=models.BooleanField(),
            )
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
    employment_type = models.CharField(
        "employment type", choices=EmploymentType, max_length=20, blank=True
    )
    salary_min = models.DecimalField(
        "pay from",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    salary_max = models.DecimalField(
        "pay up to",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    salary_period = models.CharField(
        "pay per", choices=PayPeriod, max_length=10, default=PayPeriod.YEAR
    )
    salary_currency = models.CharField(
        "currency",
        max_length=3,
        blank=True,
        help_text="A three-letter code such as EUR, GBP or USD.",
        validators=[validate_currency_code],
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
    posted_on = models.DateField(
        "posted on", null=True, blank=True, validators=[validate_date_in_range]
    )
    closes_on = models.DateField(
        "applications close",
        null=True,
        blank=True,
        validators=[validate_date_in_range],
    )
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
            # The board: each column's first cards, in card order, read from
            # the index alone; and the count per status.
            models.Index(
                fields=[
                    "owner",
                    "archived",
                    "status",
                    "priority",
                    "-updated_at",
                    "-id",
                ],
                name="tracker_app_board_idx",
            ),
            # The follow-ups page and send_followup_reminders: planned
            # follow-ups of active applications, by date.
            models.Index(
                fields=["follow_up_on", "owner"],
                condition=Q(archived=False, follow_up_on__isnull=False),
                name="tracker_app_follow_up_idx",
            ),
            # The dashboard's weekly goal: applications counted by the week of
            # their applied date, over the streak's window.
            models.Index(
                fields=["owner", "applied_on"],
                condition=Q(applied_on__isnull=False),
                name="tracker_app_applied_idx",
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
                condition=Q(salary_min__isnull=True) | Q(salary_min__gte=0),
                name="tracker_app_salary_min_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(salary_max__isnull=True) | Q(salary_max__gte=0),
                name="tracker_app_salary_max_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(salary_period__in=PayPeriod.values),
                name="tracker_app_salary_period_valid",
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

    @property
    def salary_range(self) -> str:
        """The pay's amounts and currency as entered, without the period."""
        return _range_text(self.salary_min, self.salary_max, self.salary_currency)

    @property
    def pay_as_entered(self) -> str:
        """The pay with its period, such as "18 to 22 USD an hour"."""
        amounts = self.salary_range
        if not amounts:
            return ""
        article = "an" if self.salary_period == PayPeriod.HOUR else "a"
        return f"{amounts} {article} {self.salary_period}"

    @property
    def yearly_pay(self) -> str:
        """The pay as a yearly equivalent; empty when it was entered per year."""
        if self.salary_period == PayPeriod.YEAR or not self.salary_range:
            return ""
        factor = PERIODS_A_YEAR[PayPeriod(self.salary_period)]
        low, high = (
            None if value is None else Decimal(value) * factor
            for value in (self.salary_min, self.salary_max)
        )
        return f"{_range_text(low, high, self.salary_currency)} a year"

    @property
    def yearly_basis(self) -> str:
        """What the yearly equivalent counts, said beside it on the page."""
        return YEARLY_BASIS.get(self.salary_period, "")


def _range_text(low, high, currency: str) -> str:
    if low is None and high is None:
        return ""
    if low is not None and high is not None and low != high:
        text = f"{amount_text(low)} to {amount_text(high)}"
    else:
        text = amount_text(low if low is not None else high)
        if low is None:
            text = f"up to {text}"
        elif high is None:
            text = f"from {text}"
    return f"{text} {currency}".strip()
