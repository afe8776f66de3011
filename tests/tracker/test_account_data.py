import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from accounts.services import user_delete
from tests.factories import (
    ContactFactory,
    DocumentFactory,
    InterviewFactory,
    NoteFactory,
    OfferFactory,
)
from tracker.fields import OFFER_FIELDS
from tracker.models import (
    Application,
    Contact,
    Document,
    Interview,
    Note,
    Offer,
    StatusChange,
    TrackerProfile,
)
from tracker.services import application_change_status, application_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def alices_tracker(alice):
    application = application_create(
        owner=alice, company="Acme", role_title="Designer", notes="Dream job"
    )
    application_change_status(application=application, status="applied")
    InterviewFactory(application=application, location="Room 4")
    ContactFactory(application=application, name="Dana Recruiter")
    NoteFactory(application=application, body="Called back")
    document = DocumentFactory(owner=alice, label="Resume v3")
    application.documents_sent.set([document])
    TrackerProfile.objects.create(user=alice, quiet_after_days=10, weekly_goal=5)
    OfferFactory(
        application=application,
        base_pay=Decimal("22.50"),
        pay_period="hour",
        bonus=Decimal(1000),
        answer_by=date(2026, 1, 16),
        state="39",
        benefits="Dental",
    )
    return application


def test_account_export_includes_the_tracker(alice_client, alices_tracker, bob):
    application_create(owner=bob, company="Bob's secret", role_title="Spy")
    response = alice_client.get("/accounts/profile/export.json")
    data = json.loads(response.content)["tracker"]
    assert data["settings"] == {
        "quiet_after_days": 10,
        "email_reminders": True,
        "weekly_goal": 5,
    }
    [exported] = data["applications"]
    assert exported["company"] == "Acme"
    assert exported["notes"] == "Dream job"
    assert exported["status"] == "applied"
    assert [(c["from"], c["to"]) for c in exported["status_history"]] == [
        ("", "saved"),
        ("saved", "applied"),
    ]
    assert exported["interviews"][0]["location"] == "Room 4"
    assert exported["contacts"][0]["name"] == "Dana Recruiter"
    assert exported["notes_log"][0]["body"] == "Called back"
    assert exported["documents_sent"] == ["Resume v3"]
    assert data["documents"][0]["label"] == "Resume v3"
    assert data["documents"][0]["file_name"] == "resume.txt"
    [offer] = exported["offers"]
    assert {name: offer[name] for name in OFFER_FIELDS} == {
        "base_pay": 22.5,
        "pay_period": "hour",
        "currency": "USD",
        "bonus": 1000,
        "other_pay": None,
        "starts_on": None,
        "answer_by": "2026-01-16",
        "state": "39",
        "benefits": "Dental",
    }
    assert offer["created_at"]
    assert "Bob's secret" not in response.content.decode()


def test_deleting_the_account_removes_the_tracker_data(
    alice, alices_tracker, bob, django_capture_on_commit_callbacks
):
    application_create(owner=bob, company="Bob's", role_title="Spy")
    file_path = Path(Document.objects.get(owner=alice).file.path)
    assert file_path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=alice)
    assert list(Application.objects.values_list("company", flat=True)) == ["Bob's"]
    assert StatusChange.objects.count() == 1  # Bob's first status
    for model in (Interview, Contact, Note, Document, TrackerProfile, Offer):
        assert not model.objects.exists(), model
    assert not file_path.exists()
