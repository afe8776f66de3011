"""Tracker views, one module per area.

applications: list, add, detail, edit, status, archive/restore, delete
board: the status board and its moves (plain form, htmx-enhanced)
details: interviews, contacts and notes of one application
followups: due follow-ups, done, snooze, one-click follow-up
offers: offers on an application at Offer, and the page comparing them
documents: resumes and cover letters, upload and owner-only download
settings: the person's tracker settings
stats: the funnel, response rate and time, per week and per source
transfer: CSV export, status-history CSV and CSV import with its preview
calendar: the calendar feed page and the token-opened .ics feed
sharing: coach links, managed signed in, and the token-opened read-only pages
unsubscribe: one-click unsubscribe from the daily digest, by its signed token

Every view fetches owned objects through tracker.access, which answers 404 for
anyone but the owner. The calendar feed and the shared pages need no sign-in: a
long random token (tracker.sharing) is their key, and an unknown one answers 404;
the unsubscribe page's key is a signed token (tracker.unsubscribe).
"""
