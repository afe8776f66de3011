"""What belongs to the person rather than to one application: tracker
settings, coach share links and the record of confirmed CSV imports."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from core.querysets import OwnedQuerySet

# A weekly goal's range: at least one application, at most a hundred.
WEEKLY_GOAL_MIN = 1
WEEKLY_GOAL_MAX = 100


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
        "email me a daily digest",
        default=True,
        help_text="At most one email a day, and only when an offer is to be "
        "answered, a follow-up is due or an interview is tomorrow.",
    )
    weekly_goal = models.PositiveSmallIntegerField(
        "weekly goal (applications a week)",
        null=True,
        blank=True,
        help_text="How many applications a week you aim for, Monday to Sunday. "
        "Leave empty for no goal.",
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
            models.CheckConstraint(
                condition=Q(weekly_goal__isnull=True)
                | Q(weekly_goal__gte=WEEKLY_GOAL_MIN, weekly_goal__lte=WEEKLY_GOAL_MAX),
                name="tracker_profile_weekly_goal_range",
                violation_error_message=f"Choose between {WEEKLY_GOAL_MIN} and "
                f"{WEEKLY_GOAL_MAX} applications a week.",
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
