import pytest

from careers.models import Career
from tracker.models import Application
from tracker.services import application_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def careers(db):
    return {
        "published": Career.objects.create(
            title="UX designer",
            slug="ux-designer",
            summary="Designs how products work.",
            status=Career.Status.PUBLISHED,
        ),
        "draft": Career.objects.create(
            title="Secret draft", slug="secret-draft", summary="Not yet."
        ),
    }


def test_new_form_offers_published_careers_only(alice_client, careers):
    form = alice_client.get("/tracker/new/").context["form"]
    assert list(form.fields["career"].queryset) == [careers["published"]]


def test_career_query_parameter_preselects_the_guide(alice_client, careers):
    response = alice_client.get("/tracker/new/?career=ux-designer")
    assert response.context["form"]["career"].value() == careers["published"].pk
    page = response.content.decode()
    assert f'<option value="{careers["published"].pk}" selected>UX designer' in page


@pytest.mark.parametrize("slug", ["secret-draft", "no-such-career", ""])
def test_unknown_or_draft_career_preselects_nothing(alice_client, careers, slug):
    response = alice_client.get(f"/tracker/new/?career={slug}")
    assert response.status_code == 200
    assert response.context["form"]["career"].value() is None


def test_a_draft_career_cannot_be_posted(alice_client, careers):
    response = alice_client.post(
        "/tracker/new/",
        {
            "company": "Acme",
            "role_title": "Designer",
            "status": "saved",
            "priority": "2",
            "career": careers["draft"].pk,
        },
    )
    assert "career" in response.context["form"].errors
    assert not Application.objects.exists()


def test_detail_names_the_linked_guide(alice_client, alice, careers):
    application = application_create(
        owner=alice, company="Acme", role_title="Designer", career=careers["published"]
    )
    page = alice_client.get(f"/tracker/{application.pk}/").content.decode()
    assert (
        '<dt>Career guide</dt><dd><a href="/careers/ux-designer/">UX designer</a>'
        in (page)
    )


def test_a_guides_track_link_survives_signing_in(client, careers):
    response = client.get("/tracker/new/?career=ux-designer")
    assert response["Location"] == (
        "/accounts/signin/?next=/tracker/new/%3Fcareer%3Dux-designer"
    )


def test_deleting_a_career_keeps_the_application(alice, careers):
    application = application_create(
        owner=alice, company="Acme", role_title="Designer", career=careers["published"]
    )
    careers["published"].delete()
    application.refresh_from_db()
    assert application.career is None
