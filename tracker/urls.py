from django.urls import path

from tracker.views import (
    applications,
    board,
    details,
    documents,
    followups,
    matches,
    offers,
    sharing,
    stats,
    transfer,
    unsubscribe,
)
from tracker.views import calendar as calendar_views
from tracker.views import settings as settings_views

app_name = "tracker"

urlpatterns = [
    # Applications
    path("", applications.index, name="index"),
    path("new/", applications.create, name="new"),
    path("<int:pk>/", applications.detail, name="detail"),
    path("<int:pk>/edit/", applications.edit, name="edit"),
    path("<int:pk>/status/", applications.change_status, name="change_status"),
    path("<int:pk>/archive/", applications.archive, name="archive"),
    path("<int:pk>/restore/", applications.restore, name="restore"),
    path("<int:pk>/delete/", applications.delete, name="delete"),
    path("<int:pk>/guide/", applications.link_career, name="link_career"),
    path("<int:pk>/match/", matches.resume_match, name="resume_match"),
    # Board
    path("board/", board.board, name="board"),
    path("board/<int:pk>/move/", board.move, name="move"),
    # Follow-ups
    path("follow-ups/", followups.index, name="follow_ups"),
    path("<int:pk>/follow-up/", followups.follow_up, name="follow_up"),
    path("<int:pk>/follow-up/done/", followups.done, name="follow_up_done"),
    path("<int:pk>/follow-up/snooze/", followups.snooze, name="follow_up_snooze"),
    # Interviews, contacts and notes of one application
    path("<int:pk>/interviews/new/", details.interview_create, name="interview_new"),
    path("interviews/<int:pk>/edit/", details.interview_edit, name="interview_edit"),
    path(
        "interviews/<int:pk>/delete/",
        details.interview_delete,
        name="interview_delete",
    ),
    path("<int:pk>/contacts/new/", details.contact_create, name="contact_new"),
    path("contacts/<int:pk>/edit/", details.contact_edit, name="contact_edit"),
    path("contacts/<int:pk>/delete/", details.contact_delete, name="contact_delete"),
    path("<int:pk>/notes/new/", details.note_create, name="note_new"),
    path("notes/<int:pk>/edit/", details.note_edit, name="note_edit"),
    path("notes/<int:pk>/delete/", details.note_delete, name="note_delete"),
    # Offers: recorded on an application at Offer, compared on one page
    path("offers/", offers.compare, name="offers"),
    path("<int:pk>/offers/new/", offers.offer_new, name="offer_new"),
    path("offers/<int:pk>/edit/", offers.offer_edit, name="offer_edit"),
    path("offers/<int:pk>/delete/", offers.offer_remove, name="offer_delete"),
    # Documents
    path("documents/", documents.index, name="documents"),
    path("documents/<int:pk>/download/", documents.download, name="document_download"),
    path("documents/<int:pk>/delete/", documents.delete, name="document_delete"),
    # Settings
    path("settings/", settings_views.tracker_settings, name="settings"),
    # Stats
    path("stats/", stats.stats, name="stats"),
    # CSV in and out
    path("export.csv", transfer.export_csv, name="export_csv"),
    path("history.csv", transfer.history_csv, name="history_csv"),
    path("import/", transfer.import_page, name="import"),
    # Calendar feed: the page signed in, the feed by its secret token
    path("calendar/", calendar_views.calendar_settings, name="calendar"),
    path("calendar/<slug:token>.ics", calendar_views.feed, name="calendar_feed"),
    # Share with a coach: managed signed in, read-only pages by secret token
    path("share/", sharing.index, name="share"),
    path("share/<int:pk>/revoke/", sharing.revoke, name="share_revoke"),
    path("shared/<slug:token>/", sharing.shared_board, name="shared_board"),
    path("shared/<slug:token>/stats/", sharing.shared_stats, name="shared_stats"),
    # One-click unsubscribe from the daily digest, by the signed token it carries
    path("unsubscribe/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
]
