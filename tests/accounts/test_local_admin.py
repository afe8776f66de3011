import io

import pytest
from django.core.management import call_command

from accounts.models import User

pytestmark = pytest.mark.django_db


def run_command():
    out = io.StringIO()
    call_command("ensure_local_admin", stdout=out)
    return out.getvalue()


def test_in_debug_creates_one_admin_and_prints_its_password_once(settings):
    settings.DEBUG = True
    output = run_command()
    admin = User.objects.get(is_superuser=True)
    assert admin.email == "admin@localhost"
    password_line = next(
        line for line in output.splitlines() if line.strip().startswith("password:")
    )
    password = password_line.split()[1]
    assert admin.check_password(password)

    again = run_command()
    assert "already exists" in again
    assert password not in again
    assert User.objects.filter(is_superuser=True).count() == 1


def test_without_debug_creates_nothing(settings):
    settings.DEBUG = False
    assert "DEBUG is off" in run_command()
    assert not User.objects.exists()
