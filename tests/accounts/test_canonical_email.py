"""One canonical form per email address: stored, looked up exactly and counted,
so look-alike spellings reach one account with one set of counters. Run on
SQLite and PostgreSQL: PostgreSQL's UPPER() folds the long s and the dotless i
that SQLite's LIKE leaves alone."""

import importlib

import pytest
import time_machine
from django.apps import apps
from django.core import mail

from accounts.emails import canonical_email
from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

KISS = "kiss@example.com"
LONG_S = "kiſs@example.com"  # U+017F LATIN SMALL LETTER LONG S
DOTLESS_I = "kıss@example.com"  # U+0131 LATIN SMALL LETTER DOTLESS I
START = "2026-03-02 09:00:00Z"


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        (LONG_S, KISS),
        (DOTLESS_I, KISS),
        ("KIſS@EXAMPLE.COM", KISS),
        ("\u212aiss@example.com", KISS),  # KELVIN SIGN
        ("ｋｉｓｓ@ｅｘａｍｐｌｅ.ｃｏｍ", KISS),  # fullwidth letters
        ("  Kiss@Example.com ", KISS),
        ("STRAẞE@example.com", "strasse@example.com"),
        ("straße@example.com", "strasse@example.com"),
    ],
)
def test_look_alike_spellings_have_one_canonical_form(typed, canonical):
    assert canonical_email(typed) == canonical
    assert canonical_email(canonical_email(typed)) == canonical


@pytest.fixture
def kiss(db):
    return UserFactory(email=KISS)


def sign_in(client, email, password="wrong", address="203.0.113.7"):
    return client.post(
        "/accounts/signin/",
        {"username": email, "password": password},
        REMOTE_ADDR=address,
    )


@pytest.mark.parametrize("spelling", [LONG_S, DOTLESS_I])
def test_a_look_alike_spelling_signs_in_to_the_account(client, kiss, spelling):
    response = sign_in(client, spelling, PASSWORD)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == kiss.pk


def test_every_spelling_counts_against_one_account(client, kiss):
    with time_machine.travel(START, tick=False):
        # Five free failures in all, spread over spellings and client addresses.
        for n, spelling in enumerate([KISS, LONG_S, DOTLESS_I, LONG_S, DOTLESS_I]):
            sign_in(client, spelling, address=f"198.51.100.{n}")
        locked = sign_in(client, LONG_S, address="192.0.2.1")
        right_password = sign_in(client, KISS, PASSWORD, address="192.0.2.2")
    assert "Too many attempts to sign in" in locked.content.decode()
    assert "Too many attempts to sign in" in right_password.content.decode()
    assert "_auth_user_id" not in client.session


def test_reset_by_any_spelling_mails_the_stored_address_and_shares_the_limit(
    client, kiss
):
    with time_machine.travel(START, tick=False):
        for n, spelling in enumerate([LONG_S, DOTLESS_I, KISS]):
            response = client.post(
                "/accounts/password/reset/",
                {"email": spelling},
                REMOTE_ADDR=f"198.51.100.{n}",
            )
            assert response.status_code == 302
        refused = client.post(
            "/accounts/password/reset/", {"email": LONG_S}, REMOTE_ADDR="192.0.2.1"
        )
    assert [message.to for message in mail.outbox] == [[KISS]] * 3
    assert "Too many password reset requests" in refused.content.decode()


@pytest.mark.parametrize("spelling", [LONG_S, DOTLESS_I, "KISS@example.com"])
def test_sign_up_with_a_look_alike_of_a_taken_address_is_refused(
    client, kiss, spelling
):
    response = client.post(
        "/accounts/signup/", {"email": spelling, "password": PASSWORD}
    )
    assert response.status_code == 200
    assert "already uses this email address" in response.content.decode()
    assert User.objects.count() == 1


def test_sign_up_stores_the_canonical_form(client):
    response = client.post(
        "/accounts/signup/", {"email": "Kıſs@Example.COM", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert list(User.objects.values_list("email", flat=True)) == [KISS]


def test_an_address_that_folds_into_an_invalid_one_is_refused(client):
    # The dotted capital İ lower-cases to i and a combining dot above.
    response = client.post(
        "/accounts/signup/", {"email": "kİss@example.com", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert not User.objects.exists()


def test_lookups_are_exact_on_the_stored_canonical_form(kiss):
    """No database case folding: a row stored in another spelling (only possible
    by bypassing the manager) is not found, so the database's rules never add
    spellings the throttle keys do not know."""
    User.objects.filter(pk=kiss.pk).update(email="Kiss@Example.com")
    with pytest.raises(User.DoesNotExist):
        User.objects.get_by_natural_key(KISS)
    assert not User.objects.with_email("Kiss@Example.com").exists()


def test_the_admin_stores_the_canonical_form(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    password = "a-long-and-unusual-passphrase-9"
    response = client.post(
        "/admin/accounts/user/add/",
        {
            "email": "Kıſs@Example.com",
            "name": "",
            "usable_password": "true",
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(email=KISS).exists()


migration = importlib.import_module("accounts.migrations.0003_canonical_emails")


def test_the_migration_canonicalises_existing_rows():
    first, second = UserFactory(), UserFactory()
    User.objects.filter(pk=first.pk).update(email="Kıss@Example.com")
    User.objects.filter(pk=second.pk).update(email="ANA@example.com")

    migration.canonicalise_emails(apps, None)

    assert sorted(User.objects.values_list("email", flat=True)) == [
        "ana@example.com",
        KISS,
    ]


def test_the_migration_stops_on_two_spellings_of_one_address(kiss):
    other = UserFactory()
    User.objects.filter(pk=other.pk).update(email=LONG_S)

    with pytest.raises(RuntimeError, match="different spellings"):
        migration.canonicalise_emails(apps, None)

    assert User.objects.get(pk=other.pk).email == LONG_S
