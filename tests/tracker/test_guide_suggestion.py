"""The guide suggested on an application's page when none is linked (issue 16,
"Occupation link"): found by the catalogue's title search from the role typed by
hand, confirmed with one click or changed on the edit page."""

import pytest

from careers.models import Career
from careers.search import forget_title_index
from tests.factories import CareerFactory, generated_career_for, occupation_from_pack
from tracker.models import Application
from tracker.services import application_create, application_link_career

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_index():
    forget_title_index()
    yield
    forget_title_index()


@pytest.fixture
def customer_service(db):
    """Customer Service Representatives (43-4051.00) with its generated guide."""
    return generated_career_for(occupation_from_pack("43-4051.00"))


def typed(owner, role_title="call center representative", **fields):
    return application_create(
        owner=owner, company="Northwind", role_title=role_title, **fields
    )


def link_url(application):
    return f"/tracker/{application.pk}/guide/"


def test_a_typed_title_gets_a_guide_suggested(alice_client, alice, customer_service):
    application = typed(alice)

    response = alice_client.get(application.get_absolute_url())

    suggestion = response.context["suggestion"]
    assert suggestion.career == customer_service
    page = response.content.decode()
    assert (
        f'Is this the work? <a href="/careers/{customer_service.slug}/">'
        f"{customer_service.title}</a> (matched: {suggestion.title})"
    ) in page
    assert suggestion.title.lower() == "call center representative"
    assert f'action="{link_url(application)}"' in page
    assert f'name="career" value="{customer_service.pk}"' in page
    assert f'href="/tracker/{application.pk}/edit/#id_career"' in page


def test_no_suggestion_when_a_guide_is_linked(alice_client, alice, customer_service):
    other = CareerFactory(slug="barista", title="Barista")
    application = typed(alice, career=other)

    response = alice_client.get(application.get_absolute_url())

    assert response.context["suggestion"] is None
    assert "Is this the work?" not in response.content.decode()


def test_no_suggestion_when_nothing_matches(alice_client, alice, customer_service):
    application = typed(alice, role_title="Astronaut")

    response = alice_client.get(application.get_absolute_url())

    assert response.context["suggestion"] is None
    assert "Is this the work?" not in response.content.decode()


def test_confirming_links_the_guide(alice_client, alice, customer_service):
    application = typed(alice)

    response = alice_client.post(
        link_url(application), {"career": customer_service.pk}, follow=True
    )

    application.refresh_from_db()
    assert application.career == customer_service
    page = response.content.decode()
    assert f"Linked the guide {customer_service.title}." in page
    assert "Is this the work?" not in page
    assert '<dt>Career guide</dt><dd><a href="/careers/' in page


def test_confirming_twice_links_it_once(alice_client, alice, customer_service):
    application = typed(alice)
    for _ in range(2):
        response = alice_client.post(
            link_url(application), {"career": customer_service.pk}
        )
        assert response.status_code == 302

    application.refresh_from_db()
    assert application.career == customer_service


def test_a_guide_chosen_meanwhile_is_kept(alice_client, alice, customer_service):
    """A stale page's click (the guide was chosen in another tab) changes nothing."""
    chosen = CareerFactory(slug="barista", title="Barista")
    application = typed(alice, career=chosen)

    response = alice_client.post(
        link_url(application), {"career": customer_service.pk}, follow=True
    )

    application.refresh_from_db()
    assert application.career == chosen
    assert "already linked to Barista" in response.content.decode()


@pytest.mark.parametrize("career", ["", "999999", "not-a-number", "9" * 30])
def test_an_unknown_guide_is_refused(alice_client, alice, customer_service, career):
    application = typed(alice)

    response = alice_client.post(link_url(application), {"career": career}, follow=True)

    assert response.status_code == 200
    assert "That guide is no longer published." in response.content.decode()
    application.refresh_from_db()
    assert application.career is None


def test_a_draft_guide_is_refused(alice_client, alice):
    draft = CareerFactory(slug="draft", status=Career.Status.DRAFT)
    application = typed(alice)

    alice_client.post(link_url(application), {"career": draft.pk})

    application.refresh_from_db()
    assert application.career is None


def test_another_persons_application_is_404(client, alice, bob, customer_service):
    application = typed(alice)
    client.force_login(bob)

    response = client.post(link_url(application), {"career": customer_service.pk})

    assert response.status_code == 404
    application.refresh_from_db()
    assert application.career is None


def test_confirming_needs_a_post(alice_client, alice, customer_service):
    application = typed(alice)
    assert alice_client.get(link_url(application)).status_code == 405


def test_confirming_needs_the_csrf_token(client, alice, customer_service):
    application = typed(alice)
    client.handler.enforce_csrf_checks = True
    client.force_login(alice)

    response = client.post(link_url(application), {"career": customer_service.pk})

    assert response.status_code == 403
    application.refresh_from_db()
    assert application.career is None


def test_the_service_links_only_an_application_without_a_guide(alice, customer_service):
    application = typed(alice)
    assert application_link_career(application=application, career=customer_service)
    assert not application_link_career(application=application, career=customer_service)
    assert Application.objects.get().career == customer_service
