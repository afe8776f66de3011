import pytest

from accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_admin_is_for_staff_only(alice_client):
    response = alice_client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_anonymous_people_cannot_open_the_admin(client):
    assert client.get("/admin/accounts/user/").status_code == 302


def test_staff_can_add_and_change_accounts(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get("/admin/accounts/user/").status_code == 200
    assert client.get("/admin/accounts/user/add/").status_code == 200
    response = client.post(
        "/admin/accounts/user/add/",
        {
            "email": "Added@Example.com",
            "name": "Added",
            "usable_password": "true",
            "password1": "a-long-and-unusual-passphrase-9",
            "password2": "a-long-and-unusual-passphrase-9",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    added = User.objects.get(email="added@example.com")
    assert client.get(f"/admin/accounts/user/{added.pk}/change/").status_code == 200
