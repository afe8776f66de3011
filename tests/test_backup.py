"""backup_db and restore_db: a consistent copy while the site runs, and back."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def sqlite_only():
    """On another database the commands refuse and point to pg_dump instead."""
    if connection.vendor != "sqlite":
        with pytest.raises(CommandError, match="pg_dump"):
            call_command("backup_db", "/tmp/never-written.sqlite3")
        pytest.skip("backup_db is for SQLite; checked that it refuses here")


def test_restore_brings_back_what_was_backed_up(sqlite_only, tmp_path):
    UserFactory(email="kept@example.com")
    backup = tmp_path / "foothold.sqlite3"
    call_command("backup_db", str(backup))
    UserFactory(email="after-the-backup@example.com")

    call_command("restore_db", str(backup), "--force")

    assert list(User.objects.values_list("email", flat=True)) == ["kept@example.com"]
    assert not (tmp_path / "foothold.sqlite3.partial").exists()


def test_restore_refuses_a_database_with_data_without_force(sqlite_only, tmp_path):
    UserFactory(email="kept@example.com")
    backup = tmp_path / "foothold.sqlite3"
    call_command("backup_db", str(backup))
    UserFactory(email="newer@example.com")

    with pytest.raises(CommandError, match="--force"):
        call_command("restore_db", str(backup))

    assert User.objects.count() == 2


def test_restore_into_an_empty_database_needs_no_force(sqlite_only, tmp_path):
    UserFactory(email="kept@example.com")
    backup = tmp_path / "foothold.sqlite3"
    call_command("backup_db", str(backup))
    User.objects.all().delete()

    call_command("restore_db", str(backup))

    assert User.objects.get().email == "kept@example.com"


def test_restore_refuses_a_file_that_is_not_a_database(sqlite_only, tmp_path):
    UserFactory()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)

    with pytest.raises(CommandError, match="not an SQLite database"):
        call_command("restore_db", str(junk), "--force")

    assert User.objects.count() == 1
