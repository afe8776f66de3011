"""Tracker workflows, by area: every write to a person's tracker goes through
one of these functions. Reads for pages are in tracker.selectors."""

from tracker.services.account_data import tracker_export_user_data
from tracker.services.applications import (
    EDITABLE_FIELDS,
    application_archive,
    application_change_status,
    application_create,
    application_create_once,
    application_delete,
    application_link_career,
    application_restore,
    application_update,
)
from tracker.services.documents import document_create, document_delete, document_text
from tracker.services.follow_ups import (
    DEFAULT_FOLLOW_UP_DAYS,
    application_follow_up,
    follow_up_done,
    follow_up_mailto,
    follow_up_snooze,
)
from tracker.services.matches import application_resume_matches
from tracker.services.offers import offer_create, offer_delete, offer_update
from tracker.services.profile import tracker_profile_update, tracker_weekly_goal_set
from tracker.services.reminders import (
    digests_turn_off,
    send_daily_digest,
    send_daily_digests,
)

__all__ = [
    "DEFAULT_FOLLOW_UP_DAYS",
    "EDITABLE_FIELDS",
    "application_archive",
    "application_change_status",
    "application_create",
    "application_create_once",
    "application_delete",
    "application_follow_up",
    "application_link_career",
    "application_restore",
    "application_resume_matches",
    "application_update",
    "digests_turn_off",
    "document_create",
    "document_delete",
    "document_text",
    "follow_up_done",
    "follow_up_mailto",
    "follow_up_snooze",
    "offer_create",
    "offer_delete",
    "offer_update",
    "send_daily_digest",
    "send_daily_digests",
    "tracker_export_user_data",
    "tracker_profile_update",
    "tracker_weekly_goal_set",
]
