"""Sign-in and password-reset throttling, on the form and in accounts.throttle."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.core import mail
from django.core.cache import caches

from accounts import throttle
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SIGN_IN = "/accounts/signin/"
RESET = "/accounts/password/reset/"
START = "2026-03-02 09:00:00Z"


def sign_in(client, email, password="wrong", address="203.0.113.7"):
    return client.post(
        SIGN_IN, {"username": email, "password": password}, REMOTE_ADDR=address
    )


def fail(client, email, times, address="203.0.113.7"):
    for _ in range(times):
        sign_in(client, email, address=address)


def is_signed_in(client):
    return "_auth_user_id" in client.session


def test_lock_lengths_double_after_the_free_failures_up_to_the_cap():
    rule = throttle.SIGN_IN_ACCOUNT
    lengths = [throttle.lock_seconds(rule, n) for n in range(1, 12)]
    assert lengths == [0, 0, 0, 0, 0, 60, 120, 240, 480, 900, 900]


def test_five_wrong_passwords_are_free_then_the_account_is_slowed(client, alice):
    with time_machine.travel(START, tick=False):
        fail(client, alice.email, 5)
        response = sign_in(client, alice.email)
    page = response.content.decode()
    assert "Too many attempts to sign in" in page
    assert "try again in 1 minute," in page


def test_a_locked_account_refuses_even_the_right_password(client, alice):
    with time_machine.travel(START, tick=False) as traveller:
        fail(client, alice.email, 6)
        response = sign_in(client, alice.email, PASSWORD)
        assert "Too many attempts" in response.content.decode()
        assert not is_signed_in(client)

        traveller.shift(61)
        response = sign_in(client, alice.email, PASSWORD)
        assert response.status_code == 302
        assert is_signed_in(client)


def test_each_further_failure_locks_for_longer_up_to_fifteen_minutes(client, alice):
    with time_machine.travel(START, tick=False) as traveller:
        fail(client, alice.email, 6)  # locked 1 minute
        for minutes in [2, 4, 8, 15, 15]:
            traveller.shift(15 * 60 + 1)
            response = sign_in(client, alice.email)
            assert f"try again in {minutes} minutes" in response.content.decode()


def test_the_account_is_matched_in_any_case(client, alice):
    with time_machine.travel(START, tick=False):
        fail(client, "ALICE@example.com", 3)
        fail(client, "Alice@Example.COM", 3, address="198.51.100.1")
        response = sign_in(client, "alice@example.com", PASSWORD, "192.0.2.9")
        assert "Too many attempts" in response.content.decode()
        assert not is_signed_in(client)


def test_unknown_addresses_are_throttled_exactly_like_real_ones(client, alice):
    with time_machine.travel(START, tick=False):
        fail(client, "nobody@example.com", 6)
        unknown = sign_in(client, "nobody@example.com").content.decode()
        fail(client, alice.email, 6)
        known = sign_in(client, alice.email).content.decode()
    assert "Too many attempts" in unknown
    assert "Too many attempts" in known


def test_other_accounts_and_addresses_are_unaffected(client, alice, bob):
    with time_machine.travel(START, tick=False):
        fail(client, alice.email, 8)
        response = sign_in(client, bob.email, PASSWORD, address="198.51.100.1")
        assert response.status_code == 302
        assert int(client.session["_auth_user_id"]) == bob.pk


def test_one_address_guessing_many_accounts_is_locked(client, bob):
    with time_machine.travel(START, tick=False) as traveller:
        for n in range(21):  # 20 free failures, the 21st locks the address
            sign_in(client, f"guess{n}@example.com")
        response = sign_in(client, bob.email, PASSWORD)
        assert "Too many attempts" in response.content.decode()
        assert not is_signed_in(client)

        # Bob signing in from elsewhere is fine, and so is this address later.
        response = sign_in(client, bob.email, PASSWORD, address="198.51.100.1")
        assert response.status_code == 302
        client.post("/accounts/signout/")
        traveller.shift(61)
        response = sign_in(client, bob.email, PASSWORD)
    assert response.status_code == 302


def test_success_resets_the_count_for_that_account(client, alice):
    with time_machine.travel(START, tick=False):
        fail(client, alice.email, 5)
        assert sign_in(client, alice.email, PASSWORD).status_code == 302
        client.post("/accounts/signout/")
        fail(client, alice.email, 5)
        response = sign_in(client, alice.email, PASSWORD)
    assert response.status_code == 302


def test_counts_are_forgotten_after_an_hour_without_failures(client, alice):
    with time_machine.travel(START, tick=False) as traveller:
        fail(client, alice.email, 5)
        traveller.shift(60 * 60 + 1)
        fail(client, alice.email, 5)
        response = sign_in(client, alice.email, PASSWORD)
    assert response.status_code == 302


def test_behind_a_trusted_proxy_the_last_forwarded_address_counts(rf, settings):
    settings.TRUST_X_FORWARDED_FOR = True
    request = rf.get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )
    assert throttle.client_address(request) == "203.0.113.7"
    settings.TRUST_X_FORWARDED_FOR = False
    assert throttle.client_address(request) == "10.0.0.1"


def reset(client, email, address="203.0.113.7"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


def test_three_reset_emails_an_hour_per_address(client, alice):
    with time_machine.travel(START, tick=False) as traveller:
        for _ in range(3):
            assert reset(client, "ALICE@example.com").status_code == 302
        response = reset(client, alice.email, address="198.51.100.1")
        assert response.status_code == 200
        assert "Too many password reset requests. Try again in 60 minutes" in (
            response.content.decode()
        )
        assert len(mail.outbox) == 3

        traveller.shift(60 * 60 + 1)
        assert reset(client, alice.email).status_code == 302
    assert len(mail.outbox) == 4


def test_reset_requests_for_unknown_addresses_count_the_same(client):
    with time_machine.travel(START, tick=False):
        for _ in range(3):
            assert reset(client, "nobody@example.com").status_code == 302
        response = reset(client, "nobody@example.com")
    assert "Too many password reset requests" in response.content.decode()


def test_one_client_asking_for_many_resets_is_limited(client, alice):
    with time_machine.travel(START, tick=False):
        for n in range(10):
            assert reset(client, f"someone{n}@example.com").status_code == 302
        response = reset(client, alice.email)
        assert "Too many password reset requests" in response.content.decode()
        assert mail.outbox == []
        assert reset(client, alice.email, address="198.51.100.1").status_code == 302
    assert len(mail.outbox) == 1


SIGN_UP = "/accounts/signup/"


def sign_up(client, email, address="203.0.113.7"):
    return client.post(
        SIGN_UP, {"email": email, "password": PASSWORD}, REMOTE_ADDR=address
    )


def test_sign_up_is_limited_per_address_and_then_reveals_nothing(client, alice):
    with time_machine.travel(START, tick=False):
        for n in range(throttle.SIGN_UP_ADDRESS.requests):
            sign_up(client, f"probe{n}@example.com")
            client.logout()

        refused = sign_up(client, alice.email)

    page = refused.content.decode()
    assert "Too many sign-up attempts from your network. Try again in" in page
    assert "already uses this email address" not in page
    assert 'value="alice@example.com"' in page  # what was typed is kept


def test_sign_up_from_another_address_is_unaffected(client):
    with time_machine.travel(START, tick=False):
        for n in range(throttle.SIGN_UP_ADDRESS.requests + 1):
            sign_up(client, f"probe{n}@example.com")
            client.logout()

        response = sign_up(client, "fresh@example.com", address="198.51.100.9")

    assert response.status_code == 302


def test_the_sign_up_limit_lifts_after_an_hour(client):
    with time_machine.travel(START, tick=False) as traveller:
        for n in range(throttle.SIGN_UP_ADDRESS.requests + 1):
            sign_up(client, f"probe{n}@example.com")
            client.logout()
        traveller.shift(60 * 60 + 1)

        response = sign_up(client, "later@example.com")

    assert response.status_code == 302


def test_page_cache_churn_never_evicts_a_lock(client, alice):
    with time_machine.travel(START, tick=False):
        fail(client, alice.email, 6)
        page_cache = caches["default"]
        # More pages than the memory and database caches keep before culling.
        page_cache.set_many({f"pagecache:page:{n}": "x" * 100 for n in range(400)})
        page_cache.clear()
        response = sign_in(client, alice.email, PASSWORD)
    assert "Too many attempts" in response.content.decode()
    assert not is_signed_in(client)


def test_with_the_database_cache_throttle_counters_get_their_own_table(tmp_path):
    """Run in a fresh process so the settings see only this environment."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.endswith("CACHE_URL") and key != "DEBUG"
    }
    environment |= {
        "DEBUG": "false",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cache.sqlite3'}",
    }
    script = (
        "from django.conf import settings\n"
        "from django.core.management import call_command\n"
        "from django.db import connection\n"
        "call_command('createcachetable')\n"
        "print(settings.CACHES['default']['LOCATION'])\n"
        "print(settings.CACHES['throttle']['LOCATION'])\n"
        "print(settings.CACHES['throttle']['OPTIONS']['MAX_ENTRIES'])\n"
        "print(sorted(connection.introspection.table_names()))\n"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    default, throttle_table, max_entries, tables = result.stdout.splitlines()
    assert (default, throttle_table) == ("foothold_cache", "foothold_throttle")
    assert int(max_entries) > 300
    assert "'foothold_cache'" in tables
    assert "'foothold_throttle'" in tables
