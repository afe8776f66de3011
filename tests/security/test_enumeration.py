"""Sign-in and password reset never tell whether an email address has an account."""

import re

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail

from accounts.forms import DUPLICATE_EMAIL_MESSAGE
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def page_without_tokens(response, email):
    """The page, minus what legitimately differs: the typed email and CSRF token."""
    page = response.content.decode().replace(email, "EMAIL")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


def test_sign_in_errors_are_the_same_for_known_and_unknown_addresses(client, alice):
    known = client.post(
        "/accounts/signin/", {"username": alice.email, "password": "wrong"}
    )
    unknown = client.post(
        "/accounts/signin/",
        {"username": "nobody@example.com", "password": "wrong"},
    )
    assert known.status_code == unknown.status_code == 200
    assert "do not match an account" in known.content.decode()
    assert page_without_tokens(known, alice.email) == page_without_tokens(
        unknown, "nobody@example.com"
    )


def test_an_inactive_account_gets_the_same_sign_in_error(client):
    UserFactory(email="gone@example.com", is_active=False)
    inactive = client.post(
        "/accounts/signin/", {"username": "gone@example.com", "password": PASSWORD}
    )
    unknown = client.post(
        "/accounts/signin/", {"username": "none@example.com", "password": PASSWORD}
    )
    assert page_without_tokens(inactive, "gone@example.com") == page_without_tokens(
        unknown, "none@example.com"
    )


def test_the_password_hasher_runs_once_whether_or_not_the_account_exists(
    client, alice, monkeypatch
):
    """ModelBackend hashes the password for unknown users too, so a wrong
    address takes as long to refuse as a wrong password."""
    calls = []
    original = MD5PasswordHasher.encode

    def counting_encode(self, password, salt):
        calls.append(password)
        return original(self, password, salt)

    monkeypatch.setattr(MD5PasswordHasher, "encode", counting_encode)

    client.post("/accounts/signin/", {"username": alice.email, "password": "wrong1"})
    known = len(calls)
    client.post(
        "/accounts/signin/", {"username": "nobody@example.com", "password": "wrong2"}
    )
    unknown = len(calls) - known

    assert known == unknown == 1
    assert calls == ["wrong1", "wrong2"]


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(client, alice):
    known = client.post("/accounts/password/reset/", {"email": alice.email})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/accounts/password/reset/sent/"
    assert [message.to for message in mail.outbox] == [[alice.email]]

    page = client.get(known["Location"]).content.decode()
    assert "If that address belongs to a Foothold account" in page


def test_sign_up_says_an_address_is_taken_and_nothing_more(client):
    UserFactory(email="taken@example.com", name="Zebediah Quist", is_active=False)

    response = client.post(
        "/accounts/signup/",
        {"email": "TAKEN@example.com", "name": "", "password": PASSWORD},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"email": [DUPLICATE_EMAIL_MESSAGE]}
    page = response.content.decode()
    assert "Zebediah" not in page
    assert "inactive" not in page.lower()
    assert "_auth_user_id" not in client.session
