"""Settings come from the environment; these run manage.py in a fresh process
so each test sees exactly the environment it sets."""

import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from core.mail import mailer_from_url

BASE_DIR = Path(__file__).resolve().parent.parent


def run_manage(*args, env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        # Start from a clean slate: only what each test passes counts.
        if key not in {"DEBUG", "SECRET_KEY", "HTTPS", "ALLOWED_HOSTS", "CACHE_URL"}
        and not key.startswith(("DJANGO_", "EMAIL_", "SECURE_"))
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def production_environment(tmp_path):
    """The production environment README.md documents, from .env.example."""
    values = {}
    for line in (BASE_DIR / ".env.example").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key.strip()] = value.strip()
    values["SECRET_KEY"] = secrets.token_urlsafe(50)
    values["DATABASE_URL"] = f"sqlite:///{tmp_path / 'prod.sqlite3'}"
    return values


def test_documented_production_environment_passes_check_deploy(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides=production_environment(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_missing_secret_key_with_debug_off_is_a_clear_error(tmp_path):
    result = run_manage(
        "check",
        env_overrides={"DEBUG": "false", "SECRET_KEY": "", "ALLOWED_HOSTS": "x"},
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_sqlite_default_uses_wal_and_immediate_transactions(tmp_path):
    database = tmp_path / "wal.sqlite3"
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute('PRAGMA journal_mode')\n"
        "    print(cursor.fetchone()[0])\n"
        "print(connection.settings_dict['OPTIONS']['transaction_mode'])\n"
        "print(connection.settings_dict['OPTIONS']['timeout'])",
        env_overrides={"DEBUG": "true", "DATABASE_URL": f"sqlite:///{database}"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["wal", "IMMEDIATE", "20"]


def test_console_email_is_the_default(tmp_path):
    result = run_manage(
        "sendtestemail",
        "someone@example.com",
        env_overrides={"DEBUG": "true", "DATABASE_URL": f"sqlite:///{tmp_path}/e.db"},
    )
    assert result.returncode == 0, result.stderr
    assert "To: someone@example.com" in result.stdout


def test_email_url_becomes_a_django_61_mailer():
    assert mailer_from_url("consolemail://") == {
        "BACKEND": "django.core.mail.backends.console.EmailBackend"
    }
    assert mailer_from_url("smtp+tls://mailer:p%40ss@smtp.example.com:587") == {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": "smtp.example.com",
            "port": 587,
            "username": "mailer",
            "password": "p@ss",
            "use_tls": True,
            "timeout": 10,
        },
    }
    assert mailer_from_url("smtp+ssl://smtp.example.com:465")["OPTIONS"] == {
        "host": "smtp.example.com",
        "port": 465,
        "use_ssl": True,
        "timeout": 10,
    }


def redis_is_running():
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", 6379)) == 0


@pytest.mark.skipif(not redis_is_running(), reason="no Redis on 127.0.0.1:6379")
def test_redis_cache_from_cache_url(tmp_path):
    token = secrets.token_hex(8)
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.core.cache import caches\n"
        "cache = caches['default']\n"
        f"cache.set('foothold-settings-test', '{token}', 30)\n"
        "print(type(cache).__name__, cache.get('foothold-settings-test'))",
        env_overrides={"DEBUG": "true", "CACHE_URL": "redis://127.0.0.1:6379/9"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["RedisCache", token]
