"""What the signed-in dashboard shows, gathered from every app in a fixed
number of queries."""

from dataclasses import dataclass, field

from django.utils import timezone

from assessments.match_services import career_match, latest_skill_ratings, matches_for
from assessments.models import Assessment, Result
from assessments.services import latest_readiness
from assessments.skills_match import Criteria, Match
from careers.models import Career
from careers.visits import recently_viewed
from tracker.goals import WeeklyProgress
from tracker.models import Application, Interview, Status
from tracker.selectors import (
    due_follow_ups,
    pipeline_summary,
    tracker_profile_for,
    upcoming_interviews,
    weekly_goal_for,
)

NEXT_STEPS = 2
BEST_MATCHES = 3
FOLLOW_UPS_SHOWN = 6


@dataclass
class Dashboard:
    target: Career | None
    target_assessments: list[Assessment]
    readiness: Result | None
    next_steps: list[dict]
    pipeline: list[tuple[Status, int]]
    follow_ups: list[Application]  # overdue first, then today, then this week
    overdue_count: int
    interviews: list[Interview]
    recent_guides: list[Career] = field(default_factory=list)
    # Where a change plan to the target starts: the career of the person's most
    # recent application that has one (with figures), if not the target itself.
    plan_from: Career | None = None
    # From their latest saved skill ratings: the occupations that fit best,
    # and how well the target fits with what holds it back.
    has_ratings: bool = False
    matches: list[Match] = field(default_factory=list)
    target_match: Match | None = None
    # How many applications a week they aim for (None: no goal yet), and this
    # week's progress towards it with the streak.
    weekly_goal: int | None = None
    goal: WeeklyProgress | None = None

    @property
    def active_applications(self) -> int:
        return sum(count for _, count in self.pipeline)

    @property
    def is_new(self) -> bool:
        """Nothing chosen, taken, tracked or read yet: show the first step."""
        return not (
            self.target
            or self.readiness
            or self.pipeline
            or self.recent_guides
            or self.interviews
            or self.has_ratings
        )


def latest_application_career(*, user, other_than: Career) -> Career | None:
    """The career of the person's most recently updated application that names a
    published guide with occupation figures, other than `other_than`."""
    application = (
        Application.objects.for_user(user)
        .filter(
            career__status=Career.Status.PUBLISHED,
            career__occupation__isnull=False,
        )
        .exclude(career=other_than)
        .select_related("career")
        .only("career__slug", "career__title")
        .order_by("-updated_at", "-id")
        .first()
    )
    return application.career if application else None


def dashboard_for(*, user) -> Dashboard:
    target = user.target_career
    if target is not None and not target.is_published:
        target = None
    readiness = latest_readiness(user=user, career=target)
    today = timezone.localdate()
    due = due_follow_ups(user=user, today=today)
    weekly_goal = tracker_profile_for(user=user).weekly_goal
    follow_ups = [*due.overdue, *due.today, *due.this_week]
    ratings = latest_skill_ratings(user)
    return Dashboard(
        target=target,
        target_assessments=list(
            Assessment.objects.published().filter(career=target).order_by("kind")
        )
        if target
        else [],
        readiness=readiness,
        next_steps=readiness.recommendations[:NEXT_STEPS] if readiness else [],
        pipeline=pipeline_summary(user=user),
        follow_ups=follow_ups[:FOLLOW_UPS_SHOWN],
        overdue_count=len(due.overdue),
        interviews=upcoming_interviews(user=user),
        recent_guides=recently_viewed(user=user),
        plan_from=latest_application_career(user=user, other_than=target)
        if target and target.occupation_id
        else None,
        has_ratings=ratings is not None,
        matches=matches_for(ratings, criteria=Criteria(), limit=BEST_MATCHES)
        if ratings
        else [],
        target_match=career_match(ratings, target.pk) if ratings and target else None,
        weekly_goal=weekly_goal,
        goal=weekly_goal_for(user=user, goal=weekly_goal, today=today),
    )
