from datetime import UTC, date, datetime

import pytest
import time_machine

from tracker.models import Application, Status, StatusChange
from tracker.services import (
    application_change_status,
    application_create,
    application_update,
)

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
T1 = datetime(2026, 3, 9, 15, 30, tzinfo=UTC)


def history(application):
    return [
        (change.from_status, change.to_status, change.changed_at)
        for change in application.status_changes.all()
    ]


def test_creation_is_recorded_as_the_first_change(alice):
    with time_machine.travel(T0, tick=False):
        application = application_create(
            owner=alice, company="Acme", role_title="Designer"
        )
    assert application.status == Status.SAVED
    assert history(application) == [("", "saved", T0)]
    assert application.status_changed_at == T0
    assert application.applied_on is None


def test_each_change_is_recorded_from_to_and_when(alice):
    with time_machine.travel(T0, tick=False):
        application = application_create(
            owner=alice, company="Acme", role_title="Designer", status=Status.APPLIED
        )
    with time_machine.travel(T1, tick=False):
        change = application_change_status(
            application=application, status=Status.SCREENING
        )
    assert (change.from_status, change.to_status) == ("applied", "screening")
    assert history(application) == [
        ("", "applied", T0),
        ("applied", "screening", T1),
    ]
    application.refresh_from_db()
    assert application.status == Status.SCREENING
    assert application.status_changed_at == T1
    assert application.applied_on == date(2026, 3, 2)


def test_setting_the_same_status_records_nothing(alice):
    application = application_create(owner=alice, company="Acme", role_title="Dev")
    assert application_change_status(application=application, status="saved") is None
    assert StatusChange.objects.filter(application=application).count() == 1


def test_unknown_status_is_refused(alice):
    application = application_create(owner=alice, company="Acme", role_title="Dev")
    with pytest.raises(ValueError, match="Unknown status"):
        application_change_status(application=application, status="hired")
    assert StatusChange.objects.filter(application=application).count() == 1


def test_an_edit_that_changes_the_status_records_it(alice):
    application = application_create(owner=alice, company="Acme", role_title="Dev")
    application_update(application=application, status="applied", company="Acme Ltd")
    application.refresh_from_db()
    assert application.company == "Acme Ltd"
    assert [change.to_status for change in application.status_changes.all()] == [
        "saved",
        "applied",
    ]


def test_a_stale_edit_does_not_overwrite_a_move_made_meanwhile(alice):
    application = application_create(owner=alice, company="Acme", role_title="Dev")
    stale = Application.objects.get(pk=application.pk)
    application_change_status(application=application, status="applied")
    application_update(application=stale, notes="Called them")
    stale.refresh_from_db()
    assert stale.status == "applied"
    assert stale.notes == "Called them"


def test_withdrawing_a_saved_job_does_not_invent_an_applied_date(alice):
    application = application_create(owner=alice, company="Acme", role_title="Dev")
    application_change_status(application=application, status=Status.WITHDRAWN)
    application.refresh_from_db()
    assert application.applied_on is None


def test_an_existing_applied_date_is_kept(alice):
    application = application_create(
        owner=alice, company="Acme", role_title="Dev", applied_on=date(2026, 1, 5)
    )
    with time_machine.travel(T1, tick=False):
        application_change_status(application=application, status=Status.APPLIED)
    application.refresh_from_db()
    assert application.applied_on == date(2026, 1, 5)
