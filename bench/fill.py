"""Fill an empty database with realistic benchmark data, fast (bulk_create).

50 published guides (the shipped ones and copies of them), 1,000 people, and
applications: one person with 10,000, one with 1,000, one with 100, and a few for
everyone else. Run through Django's settings, so DATABASE_URL decides where.

    DATABASE_URL=sqlite:///bench/.data/bench.sqlite3 python -m bench.fill
"""

import random
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

GUIDES = 50
PEOPLE = 1_000
# Whose tracker the benchmarks open: email → number of applications.
HEAVY_USERS = {
    "bench-10000@example.com": 10_000,
    "bench-1000@example.com": 1_000,
    "bench-100@example.com": 100,
}
OTHERS_EACH = 5
PASSWORD = "bench-passphrase-not-secret"

COMPANIES = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark Industries",
    "Wayne Enterprises",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Vandelay Industries",
    "Wonka",
]
ROLES = [
    "Customer service clerk",
    "Data analyst",
    "Warehouse associate",
    "Office administrator",
    "Junior developer",
    "Sales assistant",
    "Support engineer",
]


def fill_guides(total: int = GUIDES) -> None:
    """Load the shipped guides, then copy them under new slugs up to `total`."""
    from careers.loader import CHILD_LISTS, load_careers
    from careers.models import Career

    load_careers()
    shipped = list(Career.objects.published().order_by("pk"))
    number = 0
    while Career.objects.count() < total:
        original = shipped[number % len(shipped)]
        number += 1
        copy = Career.objects.get(pk=original.pk)
        copy.pk = None
        copy.slug = f"{original.slug}-{number}"
        copy.title = f"{original.title} ({number})"
        copy.save()
        for _, model, _ in CHILD_LISTS:
            rows = list(model.objects.filter(career=original))
            for row in rows:
                row.pk = None
                row.career = copy
            model.objects.bulk_create(rows)


def _applications(owner, count: int, rng: random.Random, careers: list):
    from tracker.models import Application, Status

    statuses = Status.values
    now = timezone.now()
    for index in range(count):
        status = rng.choice(statuses)
        moment = now - timedelta(minutes=rng.randrange(60 * 24 * 365))
        yield Application(
            owner=owner,
            company=f"{rng.choice(COMPANIES)} {index}",
            role_title=rng.choice(ROLES),
            career=rng.choice(careers) if index % 3 == 0 else None,
            status=status,
            applied_on=moment.date() if status != Status.SAVED else None,
            follow_up_on=(moment + timedelta(days=7)).date() if index % 4 else None,
            location="Remote" if index % 2 else "Leeds",
            job_description="Answer customers' questions. " * 20,
            notes="Spoke to the recruiter." if index % 5 == 0 else "",
            archived=index % 10 == 0,
            status_changed_at=moment,
        )


@transaction.atomic
def fill_people() -> None:
    from accounts.models import User
    from careers.models import Career
    from tracker.models import Application, StatusChange

    rng = random.Random(7)
    password = make_password(PASSWORD)
    emails = list(HEAVY_USERS) + [
        f"person{n}@example.com" for n in range(PEOPLE - len(HEAVY_USERS))
    ]
    User.objects.bulk_create(
        User(email=email, name=f"Bench person {n}", password=password)
        for n, email in enumerate(emails)
    )
    careers = list(Career.objects.published())
    for user in User.objects.filter(email__in=emails).iterator(chunk_size=1000):
        count = HEAVY_USERS.get(user.email, OTHERS_EACH)
        applications = Application.objects.bulk_create(
            _applications(user, count, rng, careers), batch_size=1000
        )
        StatusChange.objects.bulk_create(
            (
                StatusChange(
                    application=application,
                    from_status="",
                    to_status=application.status,
                    changed_at=application.status_changed_at,
                )
                for application in applications
            ),
            batch_size=1000,
        )


def fill() -> None:
    from accounts.models import User
    from core.pagecache import pages_changed

    if User.objects.exists():
        raise SystemExit("The benchmark database is not empty; start from a new one.")
    fill_guides()
    fill_people()
    pages_changed()


if __name__ == "__main__":
    import time

    import django

    django.setup()
    started = time.perf_counter()
    fill()
    print(f"Filled in {time.perf_counter() - started:.1f} s")
