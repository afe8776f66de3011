"""The one date range people may enter (1970 to 2100), on every model field they
fill in, and date arithmetic that never overflows."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

from core.dates import add_or_clamp, validate_date_in_range

# Dates and times set by the code (or shown read-only), never typed by a person.
SET_BY_THE_SITE = {
    "accounts.User.date_joined",
    "accounts.User.last_login",
    "careers.GuideView.viewed_at",
    "tracker.CsvImport.imported_at",
    "tracker.StatusChange.changed_at",
    "tracker.Note.created_at",
}


def person_entered_date_fields():
    for model in apps.get_models():
        if model._meta.app_label not in {
            "accounts",
            "careers",
            "assessments",
            "tracker",
        }:
            continue
        for field in model._meta.get_fields():
            name = f"{model._meta.label}.{field.name}"
            if (
                isinstance(field, models.DateField)  # DateTimeField included
                and field.editable
                and not (field.auto_now or field.auto_now_add)
                and name not in SET_BY_THE_SITE
            ):
                yield name, field


def test_every_date_a_person_enters_uses_the_one_range():
    fields = dict(person_entered_date_fields())

    assert set(fields) == {
        "careers.Career.salary_as_of",
        "tracker.Application.applied_on",
        "tracker.Application.closes_on",
        "tracker.Application.follow_up_on",
        "tracker.Application.posted_on",
        "tracker.Interview.starts_at",
        "tracker.Offer.answer_by",
        "tracker.Offer.starts_on",
    }
    for name, field in fields.items():
        assert validate_date_in_range in field.validators, name


@pytest.mark.parametrize(
    "value",
    [
        date(1970, 1, 1),
        date(2100, 12, 31),
        datetime(1970, 1, 1, 0, 0, tzinfo=UTC),
        datetime(2100, 12, 31, 23, 59, tzinfo=UTC),
    ],
)
def test_the_edges_are_in_the_range(value):
    validate_date_in_range(value)


@pytest.mark.parametrize(
    "value",
    [
        date(1, 1, 1),
        date(1969, 12, 31),
        date(2101, 1, 1),
        date(9999, 12, 31),
        datetime(9999, 12, 31, 23, 30, tzinfo=UTC),
    ],
)
def test_outside_the_range_is_a_validation_error(value):
    with pytest.raises(ValidationError, match="from 1970 to 2100"):
        validate_date_in_range(value)


def test_adding_past_the_end_of_the_calendar_stops_there():
    assert add_or_clamp(date(2025, 1, 1), timedelta(days=1)) == date(2025, 1, 2)
    assert add_or_clamp(date(9999, 12, 31), timedelta(days=1)) == date.max
    assert add_or_clamp(date(1, 1, 1), timedelta(days=-1)) == date.min
    late = datetime(9999, 12, 31, 23, 30, tzinfo=UTC)
    assert add_or_clamp(late, timedelta(days=1)) == datetime.max.replace(tzinfo=UTC)
