"""/sitemap.xml: every public page, drawn once for each state of what it lists."""

import pytest

from careers.models import Career
from tests.factories import AssessmentFactory, CareerFactory


@pytest.mark.parametrize("guides", [1, 25])
def test_sitemap_queries_do_not_grow_with_the_guides(
    client, db, guides, django_assert_num_queries
):
    AssessmentFactory()  # with its own guide
    CareerFactory.create_batch(guides - 1)

    # 2 aggregates (published guides and assessments: how many, latest save),
    # then Django's sitemap: a count and the rows for guides and assessments.
    with django_assert_num_queries(6):
        first = client.get("/sitemap.xml")
    # The stored copy: only the 2 aggregates that say it is still current.
    with django_assert_num_queries(2):
        second = client.get("/sitemap.xml")

    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert first.content.count(b"<url>") == guides + 1 + 4  # and 4 fixed pages


def _listed(client) -> str:
    return client.get("/sitemap.xml").content.decode()


def test_a_guide_published_withdrawn_or_deleted_shows_at_once(client, db):
    baker = CareerFactory(title="Baker")
    _listed(client)

    CareerFactory(title="Butcher")
    assert "/careers/butcher/" in _listed(client)

    baker.status = Career.Status.DRAFT
    baker.save()
    assert "/careers/baker/" not in _listed(client)

    Career.objects.filter(slug="butcher").delete()
    assert "/careers/butcher/" not in _listed(client)


def test_an_assessment_published_shows_at_once(client, db):
    assessment = AssessmentFactory(title="Baker readiness", is_published=False)
    assert assessment.get_absolute_url() not in _listed(client)

    assessment.is_published = True
    assessment.save()

    assert assessment.get_absolute_url() in _listed(client)


def test_each_host_gets_its_own_addresses(client, db, settings):
    settings.ALLOWED_HOSTS = ["testserver", "foothold.example"]
    CareerFactory(title="Baker")

    here = _listed(client)
    there = client.get("/sitemap.xml", HTTP_HOST="foothold.example").content.decode()

    assert "<loc>http://testserver/careers/baker/</loc>" in here
    assert "<loc>http://foothold.example/careers/baker/</loc>" in there


def test_a_page_past_the_end_is_not_found(client, db):
    CareerFactory(title="Baker")

    assert client.get("/sitemap.xml?p=2").status_code == 404
    assert client.get("/sitemap.xml?p=abc").status_code == 404
    assert client.get("/sitemap.xml?p=1").status_code == 200
