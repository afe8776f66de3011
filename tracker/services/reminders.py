"""Reminder digests: at most one email a day with the follow-ups due."""

import logging
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from tracker.models import Application, TrackerProfile
from tracker.selectors import due_follow_ups, tracker_profile_for

User = get_user_model()

logger = logging.getLogger(__name__)


def _claim_digest_day(*, user: User, today: date) -> tuple[bool, date | None]:
    """Mark today's digest as sent for this person, atomically.

    Returns whether this run claimed the day, and the day claimed before it.
    The conditional UPDATE is what keeps two concurrent runs from both sending."""
    profile, _ = TrackerProfile.objects.get_or_create(user=user)
    previous = profile.last_digest_sent_on
    claimed = (
        TrackerProfile.objects.filter(pk=profile.pk)
        .filter(Q(last_digest_sent_on__isnull=True) | Q(last_digest_sent_on__lt=today))
        .update(last_digest_sent_on=today)
    )
    return bool(claimed), previous


def send_follow_up_digest(*, user: User, today: date | None = None) -> bool:
    """Email the person what is due today and overdue, once per day."""
    today = today or timezone.localdate()
    if not tracker_profile_for(user=user).email_reminders:
        return False
    due = due_follow_ups(user=user, today=today)
    if not due.due_now:
        return False
    claimed, previous = _claim_digest_day(user=user, today=today)
    if not claimed:
        return False
    count = len(due.due_now)
    subject = f"Foothold: {count} follow-up{'s' if count != 1 else ''} due"
    body = render_to_string(
        "tracker/email/follow_up_digest.txt",
        {"user": user, "due": due, "today": today, "site_url": settings.SITE_URL},
    )
    try:
        EmailMessage(subject=subject, body=body, to=[user.email]).send()
    except Exception:
        # Give the day back so the next run tries again.
        TrackerProfile.objects.filter(user=user, last_digest_sent_on=today).update(
            last_digest_sent_on=previous
        )
        raise
    return True


def send_follow_up_digests(*, today: date | None = None) -> int:
    """Email every person with follow-ups due a digest; return how many were sent."""
    today = today or timezone.localdate()
    user_ids = (
        Application.objects.follow_up_due_by(today)
        .exclude(owner__tracker_profile__last_digest_sent_on__gte=today)
        .exclude(owner__tracker_profile__email_reminders=False)
        .values_list("owner_id", flat=True)
        .distinct()
        .order_by("owner_id")
    )
    sent = 0
    for user in User.objects.filter(pk__in=list(user_ids), is_active=True):
        try:
            sent += send_follow_up_digest(user=user, today=today)
        except Exception:
            logger.exception("Could not send the follow-up digest to user %s", user.pk)
    return sent
