"""Account workflows: creating, exporting and deleting a person's account."""

from django.apps import apps
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import User


class DuplicateEmail(Exception):
    """Another account took this email address between validation and save."""


def user_create(*, email: str, password: str, name: str = "") -> User:
    """Create an account, raising DuplicateEmail if the address is taken."""
    try:
        with transaction.atomic():
            return User.objects.create_user(email=email, password=password, name=name)
    except IntegrityError as error:
        raise DuplicateEmail(email) from error


def user_export_data(*, user: User) -> dict:
    """Return everything Foothold holds about a person, ready for JSON.

    Each app adds its own part by giving its AppConfig an
    `export_user_data(user) -> dict` method; the result is keyed by app label.
    """
    data = {
        "format": "foothold-account-export",
        "version": 1,
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "name": user.name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "target_career": user.target_career.slug if user.target_career else None,
        },
    }
    for app_config in apps.get_app_configs():
        export = getattr(app_config, "export_user_data", None)
        if callable(export):
            data[app_config.label] = export(user)
    return data


def user_delete(*, user: User) -> None:
    """Delete an account and, through cascading foreign keys, all of its data."""
    user.delete()
