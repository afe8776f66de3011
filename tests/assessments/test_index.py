"""The assessments index with a catalogue's worth of assessments: paged,
searchable, hand-written ones first."""

import pytest
from django.urls import reverse

from assessments.models import Assessment
from assessments.views import INDEX_PAGE_SIZE
from tests.factories import AssessmentFactory, CareerFactory

pytestmark = pytest.mark.django_db

URL = reverse("assessments:index")


def _generated(count):
    return [
        AssessmentFactory(
            title=f"Occupation {number:02} Skills Gap Analysis",
            career=CareerFactory(title=f"Occupation {number:02}"),
            kind=Assessment.Kind.SKILLS_GAP,
            source=Assessment.Source.GENERATED,
        )
        for number in range(count)
    ]


def test_the_index_is_paged(client):
    generated = _generated(INDEX_PAGE_SIZE + 3)

    first = client.get(URL).content.decode()
    second = client.get(URL, {"page": 2}).content.decode()

    assert generated[0].title in first
    assert generated[INDEX_PAGE_SIZE - 1].title in first
    assert generated[INDEX_PAGE_SIZE].title not in first
    assert f"{INDEX_PAGE_SIZE + 3} assessments, page 1 of 2" in first
    assert 'rel="next"' in first
    assert generated[INDEX_PAGE_SIZE].title in second
    assert generated[0].title not in second


@pytest.mark.parametrize("page", ["0", "99", "abc", "-1", "1" * 400])
def test_any_page_number_shows_a_page(client, page):
    _generated(3)
    assert client.get(URL, {"page": page}).status_code == 200


def test_hand_written_assessments_come_before_generated_ones(client):
    _generated(INDEX_PAGE_SIZE)
    hand_written = AssessmentFactory(
        title="Zoo clerk readiness", career=CareerFactory(title="Zoo clerk")
    )

    page = client.get(URL).content.decode()

    assert page.index(hand_written.title) < page.index("Occupation 00")


def test_the_index_finds_assessments_by_name(client):
    _generated(12)

    page = client.get(URL, {"q": "occupation 07"}).content.decode()

    assert "Occupation 07 Skills Gap Analysis" in page
    assert "Occupation 08" not in page
    assert "1 assessment matching “occupation 07”" in page


def test_a_search_that_finds_nothing_says_so(client):
    _generated(2)

    page = client.get(URL, {"q": "<b>astronaut</b>" * 30}).content.decode()

    assert "No assessment matches" in page
    assert "<b>astronaut" not in page
