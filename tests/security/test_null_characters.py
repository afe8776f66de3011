"""A NUL in a query string or a posted slug answers like any other odd input.

PostgreSQL refuses a NUL in a lookup (a 500 before the fix); on SQLite the
middleware test still shows what reaches the view.
"""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from core.middleware import NullCharactersMiddleware
from tests.factories import CareerFactory

pytestmark = pytest.mark.django_db


def test_the_view_sees_the_query_without_nul_characters():
    seen = {}

    def view(request):
        seen["GET"] = request.GET
        seen["query"] = request.META["QUERY_STRING"]
        return HttpResponse()

    request = RequestFactory().get("/tracker/new/?career=a%00b&x%00=1&career=c")
    NullCharactersMiddleware(view)(request)

    assert seen["GET"].getlist("career") == ["ab", "c"]
    assert seen["GET"]["x"] == "1"
    assert "%00" not in seen["query"]


def test_a_nul_in_a_career_parameter_is_not_an_error(alice_client):
    career = CareerFactory()

    response = alice_client.get(f"/tracker/new/?career={career.slug}%00")

    assert response.status_code == 200


def test_a_posted_target_with_a_nul_says_the_guide_is_not_available(alice_client):
    response = alice_client.post(
        "/accounts/profile/target/", {"career": "customer\x00service"}, follow=True
    )

    assert response.status_code == 200
    assert "That career guide is not available." in response.content.decode()
