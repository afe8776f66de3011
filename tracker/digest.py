"""What the daily digest email says: its sections, each assembled here.

The digest is a list of sections (offers to answer, follow-ups due, interviews
tomorrow), each with its own heading, lines and link; `digest_sections`
assembles them and the email templates only draw them. `digest_recipient_ids`
names who may have something, so a run never looks at people with nothing due.
A new section is one builder in DIGEST_SECTIONS and one query in
`digest_recipient_ids`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from tracker.models import Application, Interview, Offer, Outcome
from tracker.selectors import answer_by_due, due_follow_ups

# Offers to answer by this many days ahead (and any overdue) are in the digest,
# so the answer never comes as a surprise on the day.
ANSWER_BY_DAYS_AHEAD = 1


@dataclass(frozen=True)
class DigestItem:
    """One line of a section: what it is, when or why, and its page."""

    text: str
    detail: str
    url: str


@dataclass(frozen=True)
class DigestSection:
    """A heading, its lines and a link to act on them; `summary` goes in the subject."""

    heading: str
    summary: str
    items: list[DigestItem]
    link_text: str = ""
    link_url: str = ""


def absolute_url(path: str) -> str:
    """The address of `path` on the site: emails are read outside any request."""
    return f"{settings.SITE_URL}{path}"


def counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The first instant of `day` and of the day after, in the site's time zone."""
    zone = timezone.get_current_timezone()
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def interviews_on(day: date) -> QuerySet[Interview]:
    """Everyone's interviews that day (site time zone), not cancelled, of
    applications still active."""
    start, end = day_bounds(day)
    return (
        Interview.objects.filter(
            starts_at__gte=start, starts_at__lt=end, application__archived=False
        )
        .exclude(outcome=Outcome.CANCELLED)
        .order_by("starts_at", "id")
    )


def follow_ups_section(*, user, today: date) -> DigestSection | None:
    due = due_follow_ups(user=user, today=today)
    if not due.due_now:
        return None
    items = [
        DigestItem(
            text=f"{application.role_title} at {application.company}",
            detail=f"overdue, planned for {application.follow_up_on:%-d %B}",
            url=absolute_url(application.get_absolute_url()),
        )
        for application in due.overdue
    ] + [
        DigestItem(
            text=f"{application.role_title} at {application.company}",
            detail="due today",
            url=absolute_url(application.get_absolute_url()),
        )
        for application in due.today
    ]
    return DigestSection(
        heading="Follow-ups due",
        summary=f"{counted(len(items), 'follow-up')} due",
        items=items,
        link_text="Mark each one done or snooze it on your follow-ups page",
        link_url=absolute_url(reverse("tracker:follow_ups")),
    )


def interviews_tomorrow_section(*, user, today: date) -> DigestSection | None:
    interviews = list(
        interviews_on(today + timedelta(days=1))
        .filter(application__owner=user)
        .select_related("application")
    )
    if not interviews:
        return None
    items = []
    for interview in interviews:
        application = interview.application
        starts = timezone.localtime(interview.starts_at)
        where = f", {interview.location}" if interview.location else ""
        items.append(
            DigestItem(
                text=f"{interview.get_kind_display()}: "
                f"{application.role_title} at {application.company}",
                detail=f"{starts:%H:%M} {starts.tzname()}{where}",
                url=absolute_url(interview.get_absolute_url()),
            )
        )
    return DigestSection(
        heading="Interviews tomorrow",
        summary=f"{counted(len(items), 'interview')} tomorrow",
        items=items,
    )


def answer_by_section(*, user, today: date) -> DigestSection | None:
    offers = answer_by_due(
        user=user, on_or_before=today + timedelta(days=ANSWER_BY_DAYS_AHEAD)
    )
    if not offers:
        return None
    items = []
    for offer in offers:
        if offer.answer_by < today:
            when = f"overdue: the answer was due {offer.answer_by:%-d %B}"
        elif offer.answer_by == today:
            when = "answer today"
        else:
            when = f"answer by tomorrow, {offer.answer_by:%-d %B}"
        items.append(
            DigestItem(
                text=f"{offer.application}: {offer}",
                detail=when,
                url=absolute_url(offer.get_absolute_url()),
            )
        )
    return DigestSection(
        heading="Offers to answer",
        summary=f"{counted(len(items), 'offer')} to answer",
        items=items,
        link_text="Compare your offers side by side",
        link_url=absolute_url(reverse("tracker:offers")),
    )


# In the order the email shows them.
DIGEST_SECTIONS: list[Callable[..., DigestSection | None]] = [
    answer_by_section,
    follow_ups_section,
    interviews_tomorrow_section,
]


def digest_sections(*, user, today: date) -> list[DigestSection]:
    """The sections of the person's digest for `today` that have something in them."""
    sections = (build(user=user, today=today) for build in DIGEST_SECTIONS)
    return [section for section in sections if section is not None]


def digest_recipient_ids(*, today: date) -> set[int]:
    """The people who may have something in a digest today (one query a section)."""
    owners = [
        Application.objects.follow_up_due_by(today).values_list("owner_id", flat=True),
        interviews_on(today + timedelta(days=1)).values_list(
            "application__owner_id", flat=True
        ),
        Offer.objects.to_answer_by(
            today + timedelta(days=ANSWER_BY_DAYS_AHEAD)
        ).values_list("application__owner_id", flat=True),
    ]
    return {owner_id for query in owners for owner_id in query.order_by().distinct()}
