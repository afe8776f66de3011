"""The daily digest: at most one email a day with what needs the person's
attention (tracker.digest assembles it), and its one-click unsubscribe."""

import logging
from datetime import date
from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.mail import ListEmail
from tracker.digest import (
    DigestSection,
    absolute_url,
    digest_recipient_ids,
    digest_sections,
)
from tracker.models import TrackerProfile
from tracker.selectors import tracker_profile_for
from tracker.unsubscribe import unsubscribe_path

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


def digest_email(*, user: User, sections: list[DigestSection]) -> ListEmail:
    """The digest as mail providers expect it: plain text with an HTML
    alternative, and RFC 8058 one-click unsubscribe headers."""
    unsubscribe_url = absolute_url(unsubscribe_path(user=user))
    context = {
        "user": user,
        "sections": sections,
        "settings_url": absolute_url(reverse("tracker:settings")),
        "unsubscribe_url": unsubscribe_url,
        "site_url": settings.SITE_URL,
    }
    subject = "Foothold: " + ", ".join(section.summary for section in sections)
    message = ListEmail(
        subject=subject,
        body=render_to_string("tracker/email/daily_digest.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # RFC 3834: an automatic message, so out-of-office robots do not answer.
            "Auto-Submitted": "auto-generated",
            # The site's own domain rather than whichever host name the sending
            # machine has (a container's id, "localhost").
            "Message-ID": make_msgid(
                idstring="digest", domain=urlsplit(settings.SITE_URL).hostname
            ),
        },
    )
    message.attach_alternative(
        render_to_string("tracker/email/daily_digest.html", context), "text/html"
    )
    return message


def send_daily_digest(*, user: User, today: date | None = None) -> bool:
    """Email the person today's digest, once per day, when it has anything in it."""
    today = today or timezone.localdate()
    if not tracker_profile_for(user=user).email_reminders:
        return False
    sections = digest_sections(user=user, today=today)
    if not sections:
        return False
    claimed, previous = _claim_digest_day(user=user, today=today)
    if not claimed:
        return False
    try:
        digest_email(user=user, sections=sections).send()
    except Exception:
        # Give the day back so the next run tries again.
        TrackerProfile.objects.filter(user=user, last_digest_sent_on=today).update(
            last_digest_sent_on=previous
        )
        raise
    return True


def send_daily_digests(*, today: date | None = None) -> int:
    """Email every person with something due their digest; return how many were sent."""
    today = today or timezone.localdate()
    recipients = (
        User.objects.filter(pk__in=digest_recipient_ids(today=today), is_active=True)
        .exclude(tracker_profile__email_reminders=False)
        .exclude(tracker_profile__last_digest_sent_on__gte=today)
        .order_by("pk")
    )
    sent = 0
    for user in recipients:
        try:
            sent += send_daily_digest(user=user, today=today)
        except Exception:
            logger.exception("Could not send the daily digest to user %s", user.pk)
    return sent


def digests_turn_off(*, user: User) -> bool:
    """Stop the person's digests (one-click unsubscribe); return whether they
    were on. Nothing else of theirs changes."""
    profile, created = TrackerProfile.objects.get_or_create(
        user=user, defaults={"email_reminders": False}
    )
    if created:
        return True
    return bool(
        TrackerProfile.objects.filter(pk=profile.pk, email_reminders=True).update(
            email_reminders=False
        )
    )
