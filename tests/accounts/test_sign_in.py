import pytest

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

SIGN_IN = "/accounts/signin/"


def test_sign_in_with_email_in_any_case(client, alice):
    response = client.post(
        SIGN_IN, {"username": "ALICE@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == alice.pk


def test_wrong_password_shows_a_clear_message_and_keeps_the_email(client, alice):
    response = client.post(
        SIGN_IN, {"username": "alice@example.com", "password": "nope"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "That email address and password do not match an account" in page
    assert 'value="alice@example.com"' in page
    assert "_auth_user_id" not in client.session


def test_sign_in_follows_next_on_our_site(client, alice):
    response = client.post(
        f"{SIGN_IN}?next=/accounts/profile/",
        {"username": alice.email, "password": PASSWORD, "next": "/accounts/profile/"},
    )
    assert response["Location"] == "/accounts/profile/"


@pytest.mark.parametrize(
    "next_url", ["https://evil.test/", "//evil.test/path", "http:evil.test"]
)
def test_sign_in_ignores_next_to_another_host(client, alice, next_url):
    response = client.post(
        SIGN_IN, {"username": alice.email, "password": PASSWORD, "next": next_url}
    )
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"


def test_sign_out_is_post_only_and_signs_out(alice_client):
    assert alice_client.get("/accounts/signout/").status_code == 405
    response = alice_client.post("/accounts/signout/", follow=True)
    assert response.status_code == 200
    assert "_auth_user_id" not in alice_client.session
    assert "You have signed out." in response.content.decode()


def test_signed_in_person_sees_their_account_menu(alice_client):
    page = alice_client.get("/", follow=True).content.decode()
    assert "Alice" in page
    assert 'action="/accounts/signout/"' in page


def test_pages_that_need_an_account_send_anonymous_people_to_sign_in(client):
    for url in [
        "/accounts/profile/",
        "/accounts/profile/export.json",
        "/accounts/profile/delete/",
        "/accounts/password/change/",
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(f"{SIGN_IN}?next="), url


def test_signed_in_person_with_next_pointing_at_sign_in_is_not_looped(alice_client):
    response = alice_client.get("/accounts/signin/?next=/accounts/signin/")
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"


def test_empty_sign_in_says_what_is_missing(client):
    response = client.post(SIGN_IN, {"username": "", "password": ""})
    assert response.context["form"].errors == {
        "username": ["Enter your email address."],
        "password": ["Enter your password."],
    }
