"""The signed-in dashboard: one page that joins guides, assessments and the tracker."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from assessments.match_candidates import forget_match_candidates
from assessments.match_services import career_match, latest_skill_ratings, matches_for
from assessments.models import SkillRatings
from assessments.skills_match import Criteria, skill_names
from careers.visits import RECORD_EVERY
from dashboard.selectors import BEST_MATCHES
from tests.factories import (
    AssessmentFactory,
    CareerFactory,
    InterviewFactory,
    ResultFactory,
    generated_career_for,
    occupation_from_pack,
)
from tracker.services import application_create

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("dashboard:index")


def _page(client):
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.content.decode()


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))


def test_the_home_page_sends_signed_in_people_to_the_dashboard(alice_client, client):
    assert alice_client.get("/")["Location"] == DASHBOARD


def test_a_brand_new_account_gets_a_clear_first_step(alice_client):
    page = _page(alice_client)

    assert "Your first step" in page
    assert "Make this my target" in page


def test_the_target_career_shows_its_key_facts(alice_client, alice):
    career = CareerFactory(title="Customer Service Clerk", median_salary=38_400)
    alice.target_career = career
    alice.save()

    page = _page(alice_client)

    assert "Your first step" not in page
    assert f'href="{career.get_absolute_url()}"' in page
    assert "$38,400" in page


def test_latest_readiness_score_with_the_next_two_steps(alice_client, alice):
    career = CareerFactory()
    alice.target_career = career
    alice.save()
    readiness = AssessmentFactory(career=career)
    steps = [
        {"title": f"Step {n}", "url": f"/careers/x/#s{n}", "lift": 10 - n}
        for n in range(1, 4)
    ]
    ResultFactory(assessment=readiness, owner=alice, overall_score=30, band="not_yet")
    ResultFactory(
        assessment=readiness,
        owner=alice,
        overall_score=71,
        band="ready",
        recommendations=steps,
    )

    page = _page(alice_client)

    assert '<span class="result__number">71</span>' in page
    assert "Ready" in page
    assert '<a href="/careers/x/#s1">Step 1</a>' in page
    assert '<a href="/careers/x/#s2">Step 2</a>' in page
    assert "Step 3" not in page


def test_pipeline_summary_counts_active_applications_by_status(alice_client, alice):
    for status in ("applied", "applied", "interviewing"):
        application_create(
            owner=alice, company="Acme", role_title="Clerk", status=status
        )
    archived = application_create(
        owner=alice, company="Old", role_title="Clerk", status="offer"
    )
    archived.archived = True
    archived.save()

    page = _page(alice_client)

    assert "3 active applications" in page
    assert (
        '<span class="status status--applied">Applied</span> '
        '<span class="pipeline__count">2</span>'
    ) in page
    assert '<span class="status status--offer">' not in page


def test_follow_ups_due_list_overdue_first(alice_client, alice):
    today = timezone.localdate()
    application_create(
        owner=alice,
        company="Later Co",
        role_title="Clerk",
        status="applied",
        follow_up_on=today + timedelta(days=2),
    )
    application_create(
        owner=alice,
        company="Late Co",
        role_title="Clerk",
        status="applied",
        follow_up_on=today - timedelta(days=3),
    )

    page = _page(alice_client)

    assert "1 overdue" in page
    assert page.index("Late Co") < page.index("Later Co")
    assert "overdue since" in page


def test_upcoming_interviews_are_listed_soonest_first(alice_client, alice):
    application = application_create(
        owner=alice, company="Acme", role_title="Clerk", status="interviewing"
    )
    now = timezone.now()
    InterviewFactory(application=application, starts_at=now + timedelta(days=5))
    InterviewFactory(
        application=application, kind="phone_screen", starts_at=now + timedelta(days=1)
    )
    InterviewFactory(application=application, starts_at=now - timedelta(days=1))

    page = _page(alice_client)

    assert page.count('Clerk at Acme</a> <span class="muted"><time') == 2
    assert page.index("Phone screen: Clerk at Acme") < page.index(
        "Interview: Clerk at Acme"
    )


def test_recently_viewed_guides_come_from_reading_them(alice_client):
    first = CareerFactory(title="Bank Teller")
    second = CareerFactory(title="Receptionist")
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        alice_client.get(first.get_absolute_url())
        alice_client.get(second.get_absolute_url())
        # A reread counts once the last record of it is five minutes old.
        traveller.shift(RECORD_EVERY)
        alice_client.get(first.get_absolute_url())

    page = _page(alice_client)

    recent = page.split('id="recent-title"')[1]
    assert recent.index("Bank Teller") < recent.index("Receptionist")


def test_nobody_sees_anybody_elses_dashboard_data(client, alice, bob):
    application_create(owner=alice, company="Secret Corp", role_title="Clerk")
    ResultFactory(owner=alice, overall_score=88, band="strong")
    client.get(CareerFactory(title="Private Reading").get_absolute_url())
    client.force_login(bob)

    page = _page(client)

    assert "Secret Corp" not in page
    assert "88" not in page.split('id="readiness-title"')[1].split("</section>")[0]
    assert "Private Reading" not in page
    assert "Your first step" in page


def test_the_target_can_be_chosen_and_cleared_on_the_profile(alice_client, alice):
    career = CareerFactory(title="Bank Teller")
    url = reverse("accounts:profile")

    alice_client.post(url, {"name": "Alice", "target_career": career.pk})
    assert User.objects.get(pk=alice.pk).target_career == career
    alice_client.post(url, {"name": "Alice", "target_career": ""})
    assert User.objects.get(pk=alice.pk).target_career is None


def test_the_dashboard_takes_a_fixed_number_of_queries(alice_client, alice):
    def queries():
        with CaptureQueriesContext(connection) as context:
            _page(alice_client)
        return len(context.captured_queries)

    career = CareerFactory()
    alice.target_career = career
    alice.save()
    AssessmentFactory(career=career)
    few = queries()
    for n in range(5):
        application = application_create(
            owner=alice,
            company=f"Co {n}",
            role_title="Clerk",
            status="interviewing",
            follow_up_on=timezone.localdate(),
        )
        InterviewFactory(application=application)
        ResultFactory(assessment__career=career, owner=alice)
        alice_client.get(CareerFactory().get_absolute_url())

    # Expect 11 queries: the session, the user, their target career, the
    # latest readiness result, follow-ups due, their tracker settings (for the
    # weekly goal; with no goal its counts are not asked for), their latest
    # skill ratings, the target's assessments, pipeline counts, upcoming
    # interviews and recently viewed guides.
    assert few == 11
    assert queries() == few


def test_the_target_careers_readiness_wins_over_a_newer_one_elsewhere(
    alice_client, alice
):
    target = CareerFactory(title="Bank Teller")
    alice.target_career = target
    alice.save()
    ResultFactory(assessment__career=target, owner=alice, overall_score=55)
    ResultFactory(owner=alice, overall_score=90, band="strong")

    page = _page(alice_client)

    assert '<span class="result__number">55</span>' in page


def test_the_target_and_the_guides_read_are_in_the_account_export(alice_client, alice):
    career = CareerFactory(title="Bank Teller")
    alice.target_career = career
    alice.save()
    alice_client.get(career.get_absolute_url())

    export = alice_client.get(reverse("accounts:export")).json()

    assert export["account"]["target_career"] == career.slug
    assert [row["guide"] for row in export["careers"]["guides_viewed"]] == [career.slug]


def test_the_target_links_to_a_change_plan_from_the_latest_application(
    alice_client, alice
):
    target = generated_career_for(occupation_from_pack("13-2011.00"))
    now = generated_career_for(occupation_from_pack("43-4051.00"))
    older = generated_career_for(occupation_from_pack("43-3031.00"))
    alice.target_career = target
    alice.save()
    application_create(owner=alice, company="Old", role_title="Clerk", career=older)
    application_create(owner=alice, company="New", role_title="Rep", career=now)
    application_create(owner=alice, company="Aim", role_title="CPA", career=target)

    html = _page(alice_client)

    assert f"/careers/plan/?from={now.slug}&amp;to={target.slug}" in html
    assert "Plan the change from customer service representatives" in html


def test_with_no_application_the_plan_link_starts_from_nothing(alice_client, alice):
    alice.target_career = generated_career_for(occupation_from_pack("13-2011.00"))
    alice.save()

    assert f"/careers/plan/?to={alice.target_career.slug}" in _page(alice_client)


def _save_ratings(user, **overrides):
    ratings = dict.fromkeys(skill_names(), 3) | overrides
    return SkillRatings.objects.create(owner=user, ratings=ratings)


def test_without_ratings_the_dashboard_offers_the_matcher(alice_client):
    page = _page(alice_client)

    section = page.split('id="matches-title"')[1].split("</section>")[0]
    assert f'href="{reverse("assessments:match")}"' in section


def test_saved_ratings_show_the_best_matches_and_the_gap_to_the_target(
    alice_client, alice
):
    careers = {
        code: generated_career_for(occupation_from_pack(code))
        for code in ("43-4051.00", "29-1141.00", "53-7051.00", "11-1011.00")
    }
    target = careers["29-1141.00"]
    alice.target_career = target
    alice.save()
    # Low on everything a nurse needs most: the gap is plain.
    _save_ratings(alice, **{"2.B.1.a": 1, "2.A.1.b": 1})

    page = _page(alice_client)

    section = page.split('id="matches-title"')[1].split("</section>")[0]
    nurse = career_match(latest_skill_ratings(alice), target.pk)
    assert f"Your skills fit registered nurses <strong>{nurse.percent}%</strong>" in (
        section
    )
    for short in nurse.holding_back:
        assert short.name in section
    assert f"?to={target.slug}" in section
    best = matches_for(
        latest_skill_ratings(alice), criteria=Criteria(), limit=BEST_MATCHES
    )
    assert len(best) == 3
    shown = [section.index(f">{match.candidate.title}</a>") for match in best]
    assert shown == sorted(shown)
    assert "Your first step" not in page


def test_nobody_sees_anybody_elses_matches(client, alice, bob):
    generated_career_for(occupation_from_pack("43-4051.00"))
    _save_ratings(alice)
    client.force_login(bob)

    page = _page(client)

    assert "% fit" not in page


def test_the_dashboard_with_ratings_takes_a_fixed_number_of_queries(
    alice_client, alice
):
    def queries():
        with CaptureQueriesContext(connection) as context:
            _page(alice_client)
        return len(context.captured_queries)

    first = generated_career_for(occupation_from_pack("43-4051.00"))
    alice.target_career = first
    alice.save()
    _save_ratings(alice)
    _page(alice_client)  # the occupations are read once per content version
    few = queries()
    for code in ("29-1141.00", "53-7051.00", "11-1011.00", "41-2031.00"):
        generated_career_for(occupation_from_pack(code))
    forget_match_candidates()
    _page(alice_client)

    # Expect 12 queries: the 11 of a dashboard with a target, the latest
    # application's career to plan from. Ranking every occupation asks the
    # database nothing.
    assert few == 12
    assert queries() == few
