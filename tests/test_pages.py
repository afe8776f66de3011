import re

import pytest
from django.db import OperationalError, connection
from django.test import Client


@pytest.mark.django_db
def test_landing_page_explains_foothold_and_invites_sign_up(client):
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Get a foothold in the work you want" in page
    assert 'href="/accounts/signup/"' in page
    assert '<a class="skip-link" href="#main">' in page


@pytest.mark.django_db
def test_every_header_and_footer_link_works(client):
    page = client.get("/").content.decode()
    links = set(re.findall(r'<a[^>]+href="(/[^"#]*)"', page))
    assert links, "the landing page should link somewhere"
    for link in links:
        # Signed-in-only sections (the tracker) send anonymous people to sign in.
        assert client.get(link, follow=True).status_code == 200, link


@pytest.mark.django_db
def test_healthz_is_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_does_not_answer(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"database unavailable"


@pytest.mark.django_db
def test_unknown_page_shows_the_branded_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.urls("tests.urls_with_error")
def test_server_error_shows_the_branded_500():
    client = Client(raise_request_exception=False)
    response = client.get("/broken/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong on our side" in page
    assert "Foothold" in page


@pytest.mark.django_db
@pytest.mark.urls("tests.urls_with_error")
def test_permission_denied_shows_the_branded_403(client):
    response = client.get("/forbidden/")
    assert response.status_code == 403
    assert "You do not have access to this page" in response.content.decode()


@pytest.mark.django_db
def test_https_redirect_spares_the_health_check(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/"
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_stylesheet_is_served_compressed_with_a_hashed_name(client):
    page = client.get("/").content.decode()
    stylesheet = re.search(r'href="(/static/css/foothold\.[0-9a-f]{12}\.css)"', page)
    assert stylesheet, "the stylesheet link should carry whitenoise's content hash"
    response = client.get(stylesheet.group(1), headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "max-age=315360000" in response["Cache-Control"]
