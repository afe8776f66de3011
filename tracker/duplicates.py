"""Warning before adding the same job twice: the same posting link, or the same
company with a similar role, added in the last six months.

The comparisons are pure functions; `possible_duplicates` reads the person's
recent applications once and compares them in memory.
"""

import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.utils import timezone

from tracker.models import Application

# "The last 6 months", counted in days so that it does not depend on month lengths.
RECENT = timedelta(days=183)

COMPANY_SUFFIXES = frozenset(
    [
        "inc",
        "incorporated",
        "llc",
        "ltd",
        "limited",
        "co",
        "corp",
        "corporation",
        "company",
        "plc",
        "llp",
        "lp",
        "gmbh",
        "ag",
        "sa",
        "sas",
        "bv",
        "pty",
    ]
)
SENIORITY_WORDS = frozenset(
    [
        "senior",
        "sr",
        "junior",
        "jr",
        "lead",
        "principal",
        "staff",
        "entry",
        "level",
        "mid",
        "graduate",
        "trainee",
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "1",
        "2",
        "3",
        "4",
    ]
)
MINOR_WORDS = frozenset(["a", "an", "the", "of", "and", "for", "to", "in", "at", "on"])


def _words(text: str) -> list[str]:
    # "O'Reilly" is one word, "Smith & Sons" the same as "Smith and Sons".
    text = re.sub(r"['’]", "", text.casefold()).replace("&", " and ")
    return re.findall(r"[^\W_]+", text)


def company_key(name: str) -> str:
    """A company's name as compared: no case, punctuation or legal suffix, so that
    "Acme, Inc." and "ACME" are the same company."""
    words = _words(name)
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in COMPANY_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def role_words(title: str) -> frozenset[str]:
    """A role's main words: seniority and small words set aside, plurals singular."""
    return frozenset(
        word[:-1] if len(word) > 3 and word.endswith("s") else word
        for word in _words(title)
        if word not in SENIORITY_WORDS and word not in MINOR_WORDS
    )


def similar_roles(first: str, second: str) -> bool:
    """The same main words, or all of the shorter title's (two or more) in the
    longer: "Senior Designer" and "Designer" are similar, "Data Engineer" and
    "Software Engineer" are not."""
    a, b = role_words(first), role_words(second)
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    return a == b or (len(shorter) >= 2 and shorter <= longer)


def posting_key(url: str) -> str:
    """A posting link as compared: no fragment, tracking parameters, trailing
    slash or case in the host."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    query = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not name.lower().startswith("utm_")
    ]
    return urlunsplit(
        (
            parts.scheme.lower(),
            parts.netloc.lower(),
            parts.path.rstrip("/"),
            urlencode(query),
            "",
        )
    )


@dataclass(frozen=True)
class Posting:
    """What the comparison needs of an application, saved or about to be."""

    company: str
    role_title: str
    posting_url: str = ""
    career_id: int | None = None


def duplicate_reason(new: Posting, old: Posting) -> str:
    """Why `old` looks like the same job as `new`, or "" when it does not."""
    if new.posting_url and posting_key(new.posting_url) == posting_key(old.posting_url):
        return "the same posting link"
    if company_key(new.company) != company_key(old.company) or not company_key(
        new.company
    ):
        return ""
    if new.career_id and new.career_id == old.career_id:
        return "the same company and career guide"
    if similar_roles(new.role_title, old.role_title):
        return "the same company and a similar role"
    return ""


@dataclass(frozen=True)
class Duplicate:
    application: Application
    reason: str


def possible_duplicates(
    *,
    owner,
    posting: Posting,
    client_token: uuid.UUID | None = None,
    now: datetime | None = None,
) -> list[Duplicate]:
    """The person's applications added in the last six months that look like the
    same job, newest first; none when this very form (`client_token`) was already
    saved, since saving it again adds nothing."""
    since = (now or timezone.now()) - RECENT
    # Only the compared columns: a person may have added hundreds in six months.
    recent = (
        Application.objects.for_user(owner)
        .filter(created_at__gte=since)
        .only(
            "company",
            "role_title",
            "posting_url",
            "career_id",
            "client_token",
            "created_at",
        )
        .order_by("-created_at", "-id")
    )
    found = []
    for application in recent:
        if client_token is not None and application.client_token == client_token:
            return []
        reason = duplicate_reason(
            posting,
            Posting(
                company=application.company,
                role_title=application.role_title,
                posting_url=application.posting_url,
                career_id=application.career_id,
            ),
        )
        if reason:
            found.append(Duplicate(application, reason))
    return found
