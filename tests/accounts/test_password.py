import re

import pytest
import time_machine
from django.core.signals import request_finished

from core.responses import RedirectThen
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "another-quite-long-passphrase-77"


def test_reset_sends_a_working_link(client, alice, mailoutbox):
    response = client.post("/accounts/password/reset/", {"email": "Alice@Example.com"})
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["alice@example.com"]
    assert message.subject == "Reset your Foothold password"
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", message.body)
    assert link, message.body

    form_page = client.get(link.group(1), follow=True)
    assert "Choose a new password" in form_page.content.decode()
    set_password_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_password_url,
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert done["Location"] == "/accounts/password/reset/complete/"
    assert int(client.session["_auth_user_id"]) == alice.pk

    client.logout()
    assert client.login(email="alice@example.com", password=NEW_PASSWORD)
    assert not client.login(email="alice@example.com", password=PASSWORD)
    # A used link cannot be used again.
    assert "no longer works" in client.get(link.group(1), follow=True).content.decode()


def test_reset_gives_no_hint_whether_an_address_has_an_account(
    client, alice, mailoutbox
):
    known = client.post("/accounts/password/reset/", {"email": alice.email})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mailoutbox) == 1


def test_password_change_needs_the_old_password(alice_client, alice):
    wrong = alice_client.post(
        "/accounts/password/change/",
        {
            "old_password": "wrong",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert wrong.status_code == 200
    assert wrong.context["form"].errors["old_password"]

    right = alice_client.post(
        "/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        follow=True,
    )
    assert "Your password has been changed." in right.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    # Changing the password keeps this session signed in.
    assert int(alice_client.session["_auth_user_id"]) == alice.pk


def test_a_successful_reset_clears_the_sign_in_lock(client, alice, mailoutbox):
    with time_machine.travel("2026-03-02 09:00:00Z", tick=False):
        for _ in range(6):
            client.post(
                "/accounts/signin/", {"username": alice.email, "password": "wrong"}
            )
        locked = client.post(
            "/accounts/signin/", {"username": alice.email, "password": PASSWORD}
        )
        assert "Too many attempts to sign in" in locked.content.decode()

        client.post("/accounts/password/reset/", {"email": alice.email})
        link = re.search(
            r"http://testserver(/accounts/password/reset/\S+/)", mailoutbox[0].body
        )
        form_page = client.get(link.group(1), follow=True)
        client.post(
            form_page.redirect_chain[-1][0],
            {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        )
        client.logout()

        response = client.post(
            "/accounts/signin/", {"username": alice.email, "password": NEW_PASSWORD}
        )
        assert response.status_code == 302
        assert int(client.session["_auth_user_id"]) == alice.pk


def test_work_after_the_answer_that_fails_is_logged_and_the_request_finishes(
    caplog,
):
    finished = []

    def fail():
        raise ConnectionRefusedError("no mail server")

    def on_finished(**kwargs):
        finished.append(True)

    response = RedirectThen("/accounts/password/reset/sent/", then=fail)
    request_finished.connect(on_finished)
    try:
        response.close()
        response.close()  # a second close() runs nothing twice
    finally:
        request_finished.disconnect(on_finished)

    assert finished == [True, True]
    [record] = caplog.records
    assert record.message == "Work after the response failed"
    assert record.exc_info[0] is ConnectionRefusedError
