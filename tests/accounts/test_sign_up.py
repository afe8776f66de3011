import pytest
from django.db import IntegrityError, transaction

from accounts.models import User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGN_UP = "/accounts/signup/"


def test_sign_up_creates_the_account_and_signs_in(client):
    response = client.post(
        SIGN_UP,
        {
            "email": "  New.Person@Example.com ",
            "name": "New Person",
            "password": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"
    user = User.objects.get()
    assert user.email == "new.person@example.com"
    assert user.name == "New Person"
    assert user.check_password(PASSWORD)
    assert int(client.session["_auth_user_id"]) == user.pk


def test_sign_up_rejects_an_email_already_used_in_any_case(client):
    UserFactory(email="taken@example.com")
    response = client.post(
        SIGN_UP, {"email": "TAKEN@Example.COM", "name": "Kept", "password": PASSWORD}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [
        "An account already uses this email address. Sign in instead, or reset "
        "your password if you have forgotten it."
    ]
    page = response.content.decode()
    assert "Please fix 1 problem below" in page
    assert 'value="Kept"' in page, "what the person typed is kept"
    assert User.objects.count() == 1


def test_database_refuses_a_second_account_differing_only_in_case():
    UserFactory(email="case@example.com")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.bulk_create([User(email="CASE@example.com")])


def test_sign_up_shows_field_errors_for_a_weak_password_and_bad_email(client):
    response = client.post(SIGN_UP, {"email": "not-an-email", "password": "123"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["email"] == ["Enter a valid email address."]
    assert any("too short" in message for message in errors["password"])
    assert 'aria-invalid="true"' in response.content.decode()
    assert not User.objects.exists()


def test_sign_up_follows_next_on_our_site(client):
    response = client.post(
        f"{SIGN_UP}?next=/accounts/profile/",
        {"email": "a@example.com", "password": PASSWORD, "next": "/accounts/profile/"},
    )
    assert response["Location"] == "/accounts/profile/"


def test_sign_up_ignores_next_to_another_host(client):
    response = client.post(
        SIGN_UP,
        {"email": "b@example.com", "password": PASSWORD, "next": "https://evil.test/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"
