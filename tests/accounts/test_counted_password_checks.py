"""Every password check counts toward the same sign-in locks: the site's
sign-in, the admin's, password change and account deletion."""

import pytest
import time_machine
from django.test import Client

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

START = "2026-03-02 09:00:00Z"
ADDRESS = "203.0.113.7"
NEW_PASSWORD = "another-quite-long-passphrase-77"


@pytest.fixture
def staff(db):
    return UserFactory(email="staff@example.com", is_staff=True, is_superuser=True)


def admin_sign_in(client, email, password="wrong", address=ADDRESS):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": email, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def site_sign_in(client, email, password="wrong", address=ADDRESS):
    return client.post(
        "/accounts/signin/",
        {"username": email, "password": password},
        REMOTE_ADDR=address,
    )


def is_signed_in(client):
    return "_auth_user_id" in client.session


def test_thirty_wrong_admin_passwords_then_the_right_one_does_not_sign_in(
    client, staff
):
    with time_machine.travel(START, tick=False):
        for _ in range(30):
            admin_sign_in(client, staff.email)
        response = admin_sign_in(client, staff.email, PASSWORD)
    assert response.status_code == 200
    assert "Too many attempts to sign in" in response.content.decode()
    assert not is_signed_in(client)


@pytest.mark.parametrize(
    ("failing_at", "then_at"),
    [
        (admin_sign_in, admin_sign_in),
        (admin_sign_in, site_sign_in),
        (site_sign_in, admin_sign_in),
    ],
    ids=["admin-then-admin", "admin-then-site", "site-then-admin"],
)
def test_failures_lock_the_account_from_any_address_at_either_sign_in(
    client, staff, failing_at, then_at
):
    with time_machine.travel(START, tick=False):
        for n in range(6):
            failing_at(client, staff.email, address=f"198.51.100.{n}")
        response = then_at(client, staff.email, PASSWORD, address="192.0.2.1")
    assert "Too many attempts to sign in" in response.content.decode()
    assert not is_signed_in(client)


def test_one_address_guessing_at_the_admin_and_the_site_is_locked(client, staff):
    with time_machine.travel(START, tick=False):
        for n in range(11):  # 22 failures from one address: 20 free, then locked
            admin_sign_in(client, f"guess{n}@example.com")
            site_sign_in(client, f"other{n}@example.com")
        response = admin_sign_in(client, staff.email, PASSWORD)
    assert "Too many attempts to sign in" in response.content.decode()
    assert not is_signed_in(client)


def test_a_non_staff_password_at_the_admin_counts_as_a_failure(client, alice):
    with time_machine.travel(START, tick=False):
        for _ in range(6):
            admin_sign_in(client, alice.email, PASSWORD)
        response = site_sign_in(client, alice.email, PASSWORD, address="192.0.2.1")
    assert "Too many attempts to sign in" in response.content.decode()


def test_the_admin_signs_staff_in_and_clears_their_count(client, staff):
    with time_machine.travel(START, tick=False):
        for _ in range(5):
            admin_sign_in(client, staff.email)
        response = admin_sign_in(client, staff.email, PASSWORD)
        assert response.status_code == 302
        client.logout()
        for _ in range(5):
            site_sign_in(client, staff.email, address="198.51.100.1")
        response = site_sign_in(client, staff.email, PASSWORD, address="198.51.100.1")
    assert response.status_code == 302


def delete_account(client, password="wrong", address=ADDRESS):
    return client.post(
        "/accounts/profile/delete/", {"password": password}, REMOTE_ADDR=address
    )


def change_password(client, old_password="wrong", address=ADDRESS):
    return client.post(
        "/accounts/password/change/",
        {
            "old_password": old_password,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        REMOTE_ADDR=address,
    )


def test_wrong_passwords_on_account_deletion_lock_it(alice_client, alice):
    with time_machine.travel(START, tick=False):
        for _ in range(5):
            response = delete_account(alice_client)
            assert response.context["form"].errors["password"] == [
                "That is not your current password."
            ]
        locked = delete_account(alice_client)
        right = delete_account(alice_client, PASSWORD)
    [error] = right.context["form"].errors["password"]
    assert error.startswith("Too many attempts to sign in")
    assert "Too many attempts to sign in" in locked.content.decode()
    assert User.objects.filter(pk=alice.pk).exists()


def test_wrong_passwords_on_password_change_lock_it(alice_client, alice):
    with time_machine.travel(START, tick=False):
        for _ in range(6):  # five free failures, the sixth locks
            change_password(alice_client)
        response = change_password(alice_client, PASSWORD)
    assert response.status_code == 200
    [error] = response.context["form"].errors["old_password"]
    assert error.startswith("Too many attempts to sign in")
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_in_session_failures_lock_sign_in_and_the_other_checks(alice_client, alice):
    client = Client()
    with time_machine.travel(START, tick=False) as traveller:
        for _ in range(3):
            change_password(alice_client, address="198.51.100.1")
        for _ in range(3):
            delete_account(alice_client, address="198.51.100.2")
        # The sixth failure locked the account for a minute, wherever it is used.
        sign_in = site_sign_in(client, alice.email, PASSWORD, address="192.0.2.1")
        change = change_password(alice_client, PASSWORD, address="192.0.2.2")
        traveller.shift(61)
        later = change_password(alice_client, PASSWORD, address="192.0.2.2")
    assert "Too many attempts to sign in" in sign_in.content.decode()
    assert "Too many attempts to sign in" in change.content.decode()
    assert later.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)


def test_a_locked_address_cannot_check_passwords_in_a_session(alice_client):
    with time_machine.travel(START, tick=False):
        for n in range(21):  # 20 free failures from one address, then locked
            site_sign_in(Client(), f"guess{n}@example.com")
        response = delete_account(alice_client, PASSWORD)
    assert "Too many attempts to sign in" in response.content.decode()
