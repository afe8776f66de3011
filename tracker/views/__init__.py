"""Tracker views, one module per area.

applications: list, add, detail, edit, status, archive/restore, delete
board: the status board and its moves (plain form, htmx-enhanced)
details: interviews, contacts and notes of one application
followups: due follow-ups, done, snooze, one-click follow-up
documents: resumes and cover letters, upload and owner-only download
settings: the person's tracker settings

Every view fetches owned objects through tracker.access, which answers 404 for
anyone but the owner.
"""
