"""The data file preview costs the same number of queries for 2 applications
or 40: every lookup is one query for the whole file."""

import json

import pytest

from tests.accounts.data_file_helpers import IMPORT_URL, upload

pytestmark = pytest.mark.django_db


def data_file(applications: int) -> bytes:
    application = {
        "company": "Acme",
        "role_title": "Analyst",
        "status": "applied",
        "career_slug": "no-such-guide",
        "status_history": [
            {"from": "", "to": "saved", "changed_at": "2026-01-05T10:00:00+00:00"},
            {"from": "saved", "to": "applied", "changed_at": "2026-01-06T10:00:00Z"},
        ],
        "interviews": [{"kind": "interview", "starts_at": "2026-01-07T10:00:00Z"}],
        "contacts": [{"name": "Dana"}],
        "notes_log": [{"body": "Called"}],
    }
    return json.dumps({
        "format": "foothold-account-export",
        "version": 2,
        "account": {"name": "Carol", "target_career": "no-such-guide"},
        "tracker": {
            "settings": {"quiet_after_days": 9, "email_reminders": True},
            "applications": [application] * applications,
            "share_links": [{"label": "Sam", "created_at": "2026-01-05T10:00:00Z"}],
        },
        "assessments": {"results": [], "skill_ratings": []},
        "careers": {"guides_viewed": [
            {"guide": "no-such-guide", "viewed_at": "2026-01-05T10:00:00Z"},
        ]},
    }).encode()  # fmt: skip


@pytest.mark.parametrize("applications", [2, 40])
def test_the_preview_query_count_does_not_grow_with_the_file(
    client, alice, django_assert_num_queries, applications
):
    client.force_login(alice)
    upload(client, data_file(applications), "data.json")
    # Expect 7 queries: the session, the user, the target career by slug
    # (account), the guides by slug and the person's guide views (careers),
    # the tracker settings' existence and the applications' guides by slug
    # (tracker); no results, so no assessments by slug.
    with django_assert_num_queries(7):
        response = client.get(IMPORT_URL)
    assert f"<td>{applications}</td>" in response.content.decode()


def test_the_empty_import_page_costs_two_queries(
    client, alice, django_assert_num_queries
):
    client.force_login(alice)
    # Expect 2 queries: the session and the user.
    with django_assert_num_queries(2):
        response = client.get(IMPORT_URL)
    assert response.status_code == 200
