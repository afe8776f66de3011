"""Follow-ups: chasing an application, marking it done, snoozing it."""

from datetime import date, timedelta
from urllib.parse import quote

from django.utils import timezone

from core.dates import LATEST_DATE
from tracker.models import Application

DEFAULT_FOLLOW_UP_DAYS = 7


def follow_up_mailto(*, application: Application) -> str:
    """Return a mailto: link with a polite follow-up email, to the first contact
    with an address (or to nobody, for the person to fill in)."""
    contacts = [contact for contact in application.contacts.all() if contact.email]
    to = contacts[0].email if contacts else ""
    greeting = f"Dear {contacts[0].name}," if contacts else "Hello,"
    applied = (
        f" on {application.applied_on:%-d %B %Y}" if application.applied_on else ""
    )
    subject = f"Following up: {application.role_title} application"
    body = (
        f"{greeting}\n\n"
        f"I applied for the {application.role_title} role at "
        f"{application.company}{applied} and wanted to follow up. I am still "
        "very interested in the position and would be glad to share anything "
        "else that helps.\n\n"
        "Could you let me know where things stand?\n\n"
        "Thank you,\n"
        f"{application.owner.get_full_name()}"
    )
    return f"mailto:{quote(to, safe='@')}?subject={quote(subject)}&body={quote(body)}"


def application_follow_up(
    *,
    application: Application,
    days: int = DEFAULT_FOLLOW_UP_DAYS,
    today: date | None = None,
) -> str:
    """Follow up now: plan the next check `days` ahead and return the email link."""
    today = today or timezone.localdate()
    application.last_followed_up_on = today
    application.follow_up_on = today + timedelta(days=days)
    application.save(
        update_fields=["last_followed_up_on", "follow_up_on", "updated_at"]
    )
    return follow_up_mailto(application=application)


def follow_up_done(*, application: Application, today: date | None = None) -> None:
    """Mark the planned follow-up as done: it leaves the follow-up lists."""
    application.last_followed_up_on = today or timezone.localdate()
    application.follow_up_on = None
    application.save(
        update_fields=["last_followed_up_on", "follow_up_on", "updated_at"]
    )


def follow_up_snooze(
    *, application: Application, days: int, today: date | None = None
) -> date:
    """Push the follow-up `days` past today (or past its date, if later).

    Raises ValueError when that is not a day between 1 and 90 days ahead, or
    would be past the last date people can enter."""
    if not 1 <= days <= 90:
        raise ValueError("Snooze between 1 and 90 days.")
    today = today or timezone.localdate()
    start = max(application.follow_up_on or today, today)
    # Compared before adding: a date saved before the range was enforced
    # (9999-12-30) would overflow.
    if start > LATEST_DATE - timedelta(days=days):
        raise ValueError(
            f"A follow-up cannot move past {LATEST_DATE:%-d %B %Y}: "
            "edit the application to set its date."
        )
    application.follow_up_on = start + timedelta(days=days)
    application.save(update_fields=["follow_up_on", "updated_at"])
    return application.follow_up_on
