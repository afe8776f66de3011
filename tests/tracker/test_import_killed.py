"""A CSV import killed midway (SIGKILL, no clean-up runs) leaves nothing behind."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent.parent

IMPORT_THEN_HANG = textwrap.dedent(
    """
    import time
    import django
    django.setup()
    from django.core.management import call_command
    from accounts.models import User
    from tracker import imports

    call_command("migrate", verbosity=0)
    owner = User.objects.create_user(email="owner@example.com", password="x")
    rows = "".join(f"Company {n},Clerk\\n" for n in range(300))
    parsed = imports.parse_import("company,role\\n" + rows)
    real_create = imports.application_create
    done = []

    def create_then_stall(**fields):
        done.append(real_create(**fields))
        if len(done) == 100:
            print("MIDWAY", flush=True)  # 100 rows written, transaction open
            time.sleep(120)
        return done[-1]

    imports.application_create = create_then_stall
    imports.import_applications(owner=owner, parsed=parsed)
    """
)


def test_an_import_killed_midway_leaves_no_rows(tmp_path):
    database = tmp_path / "killed.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": "test-only",
    }
    process = subprocess.Popen(
        [sys.executable, "-c", IMPORT_THEN_HANG],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout.readline().strip() == "MIDWAY"
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()

    with sqlite3.connect(database) as connection:
        applications = connection.execute(
            "SELECT count(*) FROM tracker_application"
        ).fetchone()[0]
        history = connection.execute(
            "SELECT count(*) FROM tracker_statuschange"
        ).fetchone()[0]
        owners = connection.execute("SELECT count(*) FROM accounts_user").fetchone()[0]
        verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
    assert process.returncode == -signal.SIGKILL
    assert owners == 1  # written before the import began, so committed
    assert applications == history == 0
    assert verdict == "ok"
