"""Stats: the funnel, conversions, response rate and times come from the recorded
history, worked out by hand below; the page shows them in a fixed number of queries."""

import re
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.urls import reverse

from tests.factories import ApplicationFactory
from tracker.models import Application, StatusChange
from tracker.services import application_change_status, application_create
from tracker.stats import ApplicationRow, ChangeRow, compute_stats


def app(pk, source, applied_on):
    return ApplicationRow(id=pk, source=source, applied_on=applied_on)


def change(pk, from_status, to_status, day):
    return ChangeRow(pk, from_status, to_status, date(2025, 3, day))


# 1 applied → screening (7 days later) → rejected: reached screening.
# 2 applied → interviewing (4 days, skipping screening) → offer.
# 3 applied → rejected a day later.
# 4 applied, no answer yet.
# 5 only saved; 7 saved then withdrawn: neither was sent.
# 6 added straight at screening: a response, but not when it came.
APPLICATIONS = [
    app(1, "job_board", date(2025, 3, 3)),
    app(2, "referral", date(2025, 3, 4)),
    app(3, "job_board", date(2025, 3, 5)),
    app(4, "job_board", date(2025, 3, 11)),
    app(5, "", None),
    app(6, "recruiter", date(2025, 3, 1)),
    app(7, "company_site", None),
]
CHANGES = [
    change(1, "", "applied", 3),
    change(1, "applied", "screening", 10),
    change(1, "screening", "rejected", 12),
    change(2, "", "applied", 4),
    change(2, "applied", "interviewing", 8),
    change(2, "interviewing", "offer", 20),
    change(3, "", "applied", 5),
    change(3, "applied", "rejected", 6),
    change(4, "", "applied", 11),
    change(5, "", "saved", 1),
    change(6, "", "screening", 12),
    change(7, "", "saved", 1),
    change(7, "saved", "withdrawn", 2),
]
TODAY = date(2025, 3, 20)  # a Thursday


@pytest.fixture
def stats():
    return compute_stats(APPLICATIONS, CHANGES, today=TODAY)


def test_funnel_counts_the_furthest_stage_each_history_reached(stats):
    # Applied: 1, 2, 3, 4, 6. Screening: 1 (later rejected), 2 (went past it), 6.
    # Interviewing and offer: 2.
    assert [(s.status, s.count) for s in stats.funnel] == [
        ("applied", 5),
        ("screening", 3),
        ("interviewing", 1),
        ("offer", 1),
    ]


def test_conversion_between_consecutive_stages(stats):
    assert [s.conversion for s in stats.funnel] == [None, 3 / 5, 1 / 3, 1.0]


def test_a_rejection_after_screening_still_counts_as_screened():
    stats = compute_stats(APPLICATIONS[:1], CHANGES[:3], today=TODAY)
    assert [s.count for s in stats.funnel] == [1, 1, 0, 0]
    # From current status alone it would look like it never got past applied.
    assert stats.funnel[1].conversion == 1.0


def test_response_rate_counts_any_answer_including_rejections(stats):
    # 1 screening, 2 interviewing, 3 rejected, 6 screening; 4 is still waiting.
    assert (stats.responded, stats.applied) == (4, 5)
    assert stats.response_rate == 0.8


def test_median_days_to_first_response_uses_moves_only(stats):
    # 1: 3 → 10 March, 7 days; 2: 4 → 8 March, 4 days; 3: 5 → 6 March, 1 day.
    # 6 was added at screening, so when the answer came is not known.
    assert stats.measured_responses == 3
    assert stats.median_days_to_response == 4


def test_applications_per_week_for_the_last_twelve_weeks(stats):
    assert len(stats.weeks) == 12
    assert stats.weeks[0] == (date(2024, 12, 30), 0)
    assert stats.weeks[-1] == (date(2025, 3, 17), 0)
    counts = {monday: count for monday, count in stats.weeks if count}
    # 6 on Saturday 1 March; 1, 2 and 3 in the week of 3 March; 4 on 11 March.
    assert counts == {date(2025, 2, 24): 1, date(2025, 3, 3): 3, date(2025, 3, 10): 1}


def test_results_by_source(stats):
    rows = [
        (r.label, r.applied, r.responses, r.interviews, r.offers) for r in stats.sources
    ]
    assert rows == [
        ("Job board", 3, 2, 0, 0),
        ("Referral", 1, 1, 1, 1),
        ("Recruiter", 1, 1, 0, 0),
    ]


def test_nothing_sent_is_empty():
    stats = compute_stats(APPLICATIONS[4:5], CHANGES[9:10], today=TODAY)
    assert stats.is_empty
    assert stats.response_rate is None
    assert stats.median_days_to_response is None
    assert [s.conversion for s in stats.funnel] == [None, None, None, None]


def at(day):
    return datetime(2025, 3, day, 10, tzinfo=UTC)


def table(page, table_id):
    """The rows of one table as lists of cell texts."""
    body = re.search(rf'<table[^>]*id="{table_id}".*?<tbody>(.*?)</tbody>', page, re.S)
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body[1], re.S)
    ]


@pytest.mark.django_db
def test_the_page_shows_the_figures_from_recorded_moves(alice_client, alice):
    with time_machine.travel(at(3), tick=False):
        first = application_create(
            owner=alice,
            company="Acme",
            role_title="Designer",
            status="applied",
            source="job_board",
        )
        second = application_create(
            owner=alice,
            company="Globex",
            role_title="Analyst",
            status="applied",
            source="referral",
        )
    application_change_status(application=first, status="screening", at=at(10))
    application_change_status(application=first, status="rejected", at=at(12))
    application_change_status(application=second, status="interviewing", at=at(5))

    with time_machine.travel(at(20), tick=False):
        response = alice_client.get(reverse("tracker:stats"))
    page = response.content.decode()
    assert response.status_code == 200
    assert table(page, "funnel-table") == [
        ["Applied", "2", "—"],
        ["Screening", "2", "100%"],
        ["Interviewing", "1", "50%"],
        ["Offer", "0", "0%"],
    ]
    assert table(page, "sources-table") == [
        ["Job board", "1", "1", "0", "0"],
        ["Referral", "1", "1", "1", "0"],
    ]
    assert ["Mon 3 Mar 2025", "2"] in table(page, "weeks-table")
    assert "100%" in page  # both heard back
    assert "4.5 days" in page  # median of 7 and 2
    assert 'role="img"' in page
    assert '<title id="funnel-title">' in page
    assert (
        '<desc id="funnel-desc">Applied: 2; Screening: 2 (100% of applied); '
        "Interviewing: 1 (50% of screening); Offer: 0 (0% of interviewing)."
    ) in page


@pytest.mark.django_db
def test_empty_state_before_anything_is_sent(alice_client, alice):
    application_create(owner=alice, company="Acme", role_title="Designer")
    page = alice_client.get(reverse("tracker:stats")).content.decode()
    assert "No applications sent yet" in page
    assert "funnel-table" not in page


def make_applications(owner, count):
    """`count` applied applications, half moved on to screening, in bulk."""
    applications = Application.objects.bulk_create(
        ApplicationFactory.build(owner=owner, status="applied", source="job_board")
        for _ in range(count)
    )
    StatusChange.objects.bulk_create(
        [
            StatusChange(application=a, from_status="", to_status="applied")
            for a in applications
        ]
        + [
            StatusChange(application=a, from_status="applied", to_status="screening")
            for a in applications[::2]
        ]
    )


@pytest.mark.django_db
@pytest.mark.parametrize("count", [5, 500])
def test_query_count_is_flat(alice_client, alice, django_assert_num_queries, count):
    make_applications(alice, count)
    # Expect 4 queries: the session, the user, the applications' (id, source,
    # applied_on) rows and their status changes' rows.
    with django_assert_num_queries(4):
        response = alice_client.get(reverse("tracker:stats"))
    assert f"<td>{count}</td>" in response.content.decode()
