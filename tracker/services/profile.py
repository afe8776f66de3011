"""The person's tracker settings."""

from django.contrib.auth import get_user_model

from tracker.models import TrackerProfile

User = get_user_model()


def tracker_profile_update(
    *,
    user: User,
    quiet_after_days: int,
    email_reminders: bool,
    weekly_goal: int | None,
) -> TrackerProfile:
    profile, _ = TrackerProfile.objects.update_or_create(
        user=user,
        defaults={
            "quiet_after_days": quiet_after_days,
            "email_reminders": email_reminders,
            "weekly_goal": weekly_goal,
        },
    )
    return profile


def tracker_weekly_goal_set(*, user: User, weekly_goal: int | None) -> TrackerProfile:
    """Set (or, with None, clear) how many applications a week the person aims for."""
    profile, _ = TrackerProfile.objects.update_or_create(
        user=user, defaults={"weekly_goal": weekly_goal}
    )
    return profile
