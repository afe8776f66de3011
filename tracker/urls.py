from django.urls import path

from tracker.views import (
    applications,
    board,
    details,
    documents,
    followups,
)
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
    # Documents
    path("documents/", documents.index, name="documents"),
    path("documents/<int:pk>/download/", documents.download, name="document_download"),
    path("documents/<int:pk>/delete/", documents.delete, name="document_delete"),
    # Settings
    path("settings/", settings_views.tracker_settings, name="settings"),
    # Stats, CSV export/import, history CSV, calendar feed and the coach's share
    # link come next, each in its own module under tracker/views/.
]
