import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests.factories import ApplicationFactory, InterviewFactory, StatusChangeFactory
from tracker.models import Application, Interview, StatusChange, TrackerProfile

pytestmark = pytest.mark.django_db


def test_for_user_is_the_owner_scoped_entry_point(alice, bob):
    mine = ApplicationFactory(owner=alice)
    ApplicationFactory(owner=bob)
    assert list(Application.objects.for_user(alice)) == [mine]
    assert not Application.objects.for_user(AnonymousUser()).exists()
    interview = InterviewFactory(application=mine)
    InterviewFactory(application__owner=bob)
    assert list(Interview.objects.for_user(alice)) == [interview]
    assert not Interview.objects.for_user(AnonymousUser()).exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"salary_min": 50_000, "salary_max": 40_000},
        {"priority": 0},
        {"priority": 4},
        {"status": "hired"},
    ],
)
def test_the_database_refuses_what_clean_refuses(alice, fields):
    application = Application(owner=alice, company="Acme", role_title="Dev", **fields)
    with pytest.raises(ValidationError):
        application.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        application.save()


def test_a_status_change_must_change_something(alice):
    change = StatusChangeFactory.build(
        application=ApplicationFactory(owner=alice),
        from_status="applied",
        to_status="applied",
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        change.save()
    assert not StatusChange.objects.exists()


def test_interview_duration_and_quiet_days_are_bounded(alice):
    with pytest.raises(IntegrityError), transaction.atomic():
        InterviewFactory(
            application=ApplicationFactory(owner=alice), duration_minutes=0
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        TrackerProfile.objects.create(user=alice, quiet_after_days=0)


def test_calendar_tokens_are_unique_once_set(alice, bob):
    TrackerProfile.objects.create(user=alice, calendar_token="")
    TrackerProfile.objects.create(user=bob, calendar_token="")
    TrackerProfile.objects.filter(user=alice).update(calendar_token="secret")
    with pytest.raises(IntegrityError), transaction.atomic():
        TrackerProfile.objects.filter(user=bob).update(calendar_token="secret")


def test_salary_range_reads_naturally(alice):
    def text(low, high, currency="EUR"):
        return Application(salary_min=low, salary_max=high, salary_currency=currency)

    assert text(40_000, 50_000).salary_range == "40,000 to 50,000 EUR"
    assert text(40_000, None).salary_range == "from 40,000 EUR"
    assert text(None, 50_000, "").salary_range == "up to 50,000"
    assert text(45_000, 45_000).salary_range == "45,000 EUR"
    assert text(None, None).salary_range == ""


@pytest.mark.parametrize("currency", ["€12", "12A", "ÉUR", "E U", "E-U"])
def test_a_currency_is_three_letters(alice, currency):
    application = ApplicationFactory.build(owner=alice, salary_currency=currency)

    with pytest.raises(ValidationError) as error:
        application.full_clean()

    assert error.value.message_dict == {
        "salary_currency": ["Use a three-letter code such as EUR, GBP or USD."]
    }


def test_a_currency_in_any_case_is_kept_in_capitals(alice):
    application = ApplicationFactory.build(owner=alice, salary_currency="gbp")

    application.full_clean()

    assert application.salary_currency == "GBP"
