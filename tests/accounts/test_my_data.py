import json

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session

from accounts.models import User
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_profile_saves_the_name(alice_client, alice):
    response = alice_client.post(
        "/accounts/profile/", {"name": "Alice M."}, follow=True
    )
    assert "Your profile has been saved." in response.content.decode()
    alice.refresh_from_db()
    assert alice.name == "Alice M."


def test_export_is_a_json_download_of_the_persons_data(alice_client, alice, bob):
    response = alice_client.get("/accounts/profile/export.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="foothold-data-'
    )
    data = json.loads(response.content)
    assert data["format"] == "foothold-account-export"
    assert data["account"]["email"] == "alice@example.com"
    assert data["account"]["name"] == "Alice Moreno"
    assert "bob@example.com" not in response.content.decode()


def test_delete_needs_the_password_and_keeps_the_account_when_wrong(alice_client):
    response = alice_client.post("/accounts/profile/delete/", {"password": "wrong"})
    assert response.status_code == 200
    assert response.context["form"].errors["password"] == [
        "That is not your current password."
    ]
    assert User.objects.filter(email="alice@example.com").exists()


def test_delete_removes_the_account_and_signs_out(alice_client, alice, bob):
    response = alice_client.post(
        "/accounts/profile/delete/", {"password": PASSWORD}, follow=True
    )
    assert "Your account and everything in it have been deleted." in (
        response.content.decode()
    )
    assert not User.objects.filter(pk=alice.pk).exists()
    assert User.objects.filter(pk=bob.pk).exists()
    assert "_auth_user_id" not in alice_client.session
    assert not any(
        session.get_decoded().get("_auth_user_id") == str(alice.pk)
        for session in Session.objects.all()
    )


def test_each_app_adds_its_own_part_to_the_export(alice_client, monkeypatch):
    accounts_app = apps.get_app_config("accounts")
    monkeypatch.setattr(
        accounts_app,
        "export_user_data",
        lambda user: {"greeting": f"hello {user.email}"},
        raising=False,
    )
    data = json.loads(alice_client.get("/accounts/profile/export.json").content)
    assert data["accounts"] == {"greeting": "hello alice@example.com"}
