"""The private calendar feed: interviews, planned follow-ups and the dates offers
need an answer by, as iCalendar."""

from datetime import date, timedelta

from django.utils import timezone
from icalendar import Calendar, Event

from core.dates import LATEST_DATE
from tracker.models import Application, Interview, Offer, Outcome
from tracker.selectors import answer_by_due

PRODID = "-//Foothold//Job application tracker//EN"
# UIDs stay the same for as long as the row exists, so calendar apps update an
# event when it moves instead of adding a second one.
UID_DOMAIN = "foothold.tracker"


def interview_event(interview: Interview, *, stamp, url: str) -> Event:
    application = interview.application
    lines = [f"{interview.get_kind_display()} for {application}."]
    if interview.notes:
        lines.append(interview.notes)
    lines.append(url)
    return Event.new(
        uid=f"interview-{interview.pk}@{UID_DOMAIN}",
        stamp=stamp,
        start=interview.starts_at,
        end=interview.ends_at,
        summary=f"{interview.get_kind_display()}: {application}",
        location=interview.location or None,
        description="\n\n".join(lines),
        url=url,
        status="CANCELLED" if interview.outcome == Outcome.CANCELLED else "CONFIRMED",
    )


def all_day_event(*, uid: str, day: date, stamp, summary, description, url) -> Event:
    """An all-day event on `day`, shown as free time."""
    return Event.new(
        uid=f"{uid}@{UID_DOMAIN}",
        stamp=stamp,
        start=day,
        # Without an end an all-day event lasts its one day (RFC 5545 3.6.1):
        # the way out for a day saved before dates were limited to 1970-2100
        # that has no next day in Python.
        end=day + timedelta(days=1) if day < date.max else None,
        summary=summary,
        description=description,
        url=url,
        transparency="TRANSPARENT",
    )


def follow_up_event(application: Application, *, stamp, url: str) -> Event:
    """An all-day event on the planned follow-up day."""
    return all_day_event(
        uid=f"follow-up-{application.pk}",
        day=application.follow_up_on,
        stamp=stamp,
        summary=f"Follow up: {application}",
        description=f"Planned follow-up on your application for {application}."
        f"\n\n{url}",
        url=url,
    )


def answer_by_event(offer: Offer, *, stamp, url: str) -> Event:
    """An all-day event on the day an offer needs an answer."""
    application = offer.application
    return all_day_event(
        uid=f"offer-answer-{offer.pk}",
        day=offer.answer_by,
        stamp=stamp,
        summary=f"Answer the offer: {application}",
        description=f"Answer by today: the {offer} for {application}.\n\n{url}",
        url=url,
    )


def calendar_for(user, *, build_url) -> bytes:
    """The person's feed: every interview, each active application's next
    follow-up and each live offer's answer-by date. `build_url(path)` makes the
    absolute links. Three queries."""
    stamp = timezone.now()
    calendar = Calendar.new(
        prodid=PRODID,
        uid=f"calendar-{user.pk}@{UID_DOMAIN}",
        name="Foothold: interviews and follow-ups",
        description="Interviews, planned follow-ups and offers' answer-by dates "
        "from your Foothold tracker.",
    )
    # How often calendar apps should fetch the feed again: RFC 7986, and the
    # older property Outlook and Google read.
    calendar.add(
        "REFRESH-INTERVAL", timedelta(hours=1), parameters={"VALUE": "DURATION"}
    )
    calendar.add("X-PUBLISHED-TTL", "PT1H")
    interviews = (
        Interview.objects.for_user(user)
        .select_related("application")
        .order_by("starts_at", "id")
    )
    for interview in interviews:
        url = build_url(interview.get_absolute_url())
        calendar.add_component(interview_event(interview, stamp=stamp, url=url))
    follow_ups = (
        Application.objects.for_user(user)
        .active()
        .filter(follow_up_on__isnull=False)
        .order_by("follow_up_on", "id")
    )
    for application in follow_ups:
        url = build_url(application.get_absolute_url())
        calendar.add_component(follow_up_event(application, stamp=stamp, url=url))
    for offer in answer_by_due(user=user, on_or_before=LATEST_DATE):
        url = build_url(offer.get_absolute_url())
        calendar.add_component(answer_by_event(offer, stamp=stamp, url=url))
    return calendar.to_ical()
