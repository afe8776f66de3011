"""Sign-in and password reset never tell whether an email address has an account."""

import re

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.core.handlers.wsgi import WSGIHandler
from django.core.mail.backends.locmem import EmailBackend
from django.core.signals import request_started
from django.db import close_old_connections
from django.test import RequestFactory

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


def test_the_reset_page_answers_before_the_mail_backend_is_called(alice, monkeypatch):
    """Served as a WSGI server serves it: the answer is written, then close()
    is called, and only then is the account looked up and the email sent, so a
    slow mail server cannot make a real account's answer slower."""
    events = []
    send_messages = EmailBackend.send_messages

    def recording_send_messages(backend, messages):
        events.append(("mail sent", [message.to for message in messages]))
        return send_messages(backend, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", recording_send_messages)
    factory = RequestFactory()
    csrf_secret = "a" * 32
    factory.cookies["csrftoken"] = csrf_secret
    environ = factory.post(
        "/accounts/password/reset/",
        {"email": alice.email, "csrfmiddlewaretoken": csrf_secret},
    ).environ

    def start_response(status, headers):
        events.append(("answered", status))

    # As Django's test client does: keep the test's database connection.
    request_started.disconnect(close_old_connections)
    try:
        response = WSGIHandler()(environ, start_response)
        body = b"".join(response)
        events.append(("body written", body))
        response.close()
    finally:
        request_started.connect(close_old_connections)

    assert events == [
        ("answered", "302 Found"),
        ("body written", b""),
        ("mail sent", [[alice.email]]),
    ]
    assert response["Location"] == "/accounts/password/reset/sent/"
