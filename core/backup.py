"""Online backup and restore of the SQLite database, through SQLite's backup API.

The backup API copies a consistent snapshot page by page while the site keeps
reading and writing, which a plain file copy of a WAL database does not promise.
PostgreSQL has pg_dump and pg_restore for this (see README.md). Django's
dumpdata is no substitute: it reads the tables one by one, so not one snapshot.
"""

import os
import sqlite3
from pathlib import Path

from django.db import connection

# Tables that `migrate` fills by itself: rows there do not make a database "in use".
_SCHEMA_TABLES = ("django_migrations", "django_content_type", "auth_permission")


class BackupError(Exception):
    """The backup or restore cannot be done; the message says why."""


def _sqlite_connection() -> sqlite3.Connection:
    if connection.vendor != "sqlite":
        raise BackupError(
            f"The database is {connection.vendor}, not SQLite: back it up with "
            "pg_dump and restore with pg_restore (see README.md)."
        )
    connection.ensure_connection()
    return connection.connection


def integrity(database: sqlite3.Connection) -> str:
    """SQLite's own verdict on the file: "ok", or the first problems it found."""
    rows = database.execute("PRAGMA integrity_check").fetchall()
    return "; ".join(str(row[0]) for row in rows[:5])


def has_data(database: sqlite3.Connection) -> bool:
    """True when any table besides the ones migrate fills has a row."""
    tables = [
        name
        for (name,) in database.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%'"
        )
        if name not in _SCHEMA_TABLES
    ]
    return any(
        database.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone()
        for name in tables
    )


def backup_database(path: Path) -> None:
    """Write a consistent copy of the live database to `path`, checked, then moved
    into place so a half-written file never has the final name."""
    source = _sqlite_connection()
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    target = sqlite3.connect(partial)
    try:
        source.backup(target)
        verdict = integrity(target)
    finally:
        target.close()
    if verdict != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"The copy failed its integrity check: {verdict}")
    os.replace(partial, path)


def restore_database(path: Path, *, force: bool = False) -> None:
    """Replace the live database's contents with the backup at `path`."""
    if not path.is_file():
        raise BackupError(f"No backup file at {path}.")
    target = _sqlite_connection()
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        try:
            verdict = integrity(source)
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{path} is not an SQLite database: {error}") from None
        if verdict != "ok":
            raise BackupError(f"The backup failed its integrity check: {verdict}")
        if not force and has_data(target):
            raise BackupError(
                "The database already holds data. Restoring replaces all of it; "
                "run again with --force if that is what you want."
            )
        source.backup(target)
    finally:
        source.close()
    verdict = integrity(target)
    if verdict != "ok":
        raise BackupError(f"The restored database failed its check: {verdict}")
