"""About the data: the releases, what each figure means, the credits."""

import pytest

from careers.models import DataRelease

pytestmark = pytest.mark.django_db

# Word for word as O*NET's licence asks (../shared/data/README.md).
ONET_ATTRIBUTION = (
    "This site includes information from the O*NET 29.3 Database by the U.S. "
    "Department of Labor, Employment and Training Administration (USDOL/ETA). Used "
    "under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. Foothold has "
    "modified all or some of this information. USDOL/ETA has not approved, "
    "endorsed, or tested these modifications."
)


def test_the_page_credits_onet_exactly_and_gives_blss_caveat(client):
    page = client.get("/careers/about-the-data/").content.decode()

    assert ONET_ATTRIBUTION in page
    assert (
        "BLS cannot vouch for data or analyses derived from its data after retrieval."
    ) in page


def test_the_page_explains_the_figures_and_the_ratings(client):
    page = client.get("/careers/about-the-data/").content.decode()

    for words in [
        "Median pay",
        "they are not pay by years of experience",
        "Not published",
        "Above the highest published figure",
        "Figures for a wider BLS group",
        "Job zone",
        'id="ratings"',
        "to one decimal place",
        "We rescale it to 1 to 5",
    ]:
        assert words in page


def test_without_loaded_releases_the_packs_manifest_names_them(client):
    page = client.get("/careers/about-the-data/").content.decode()

    assert '<th scope="row">O*NET 29.3 Database</th>' in page
    assert "<td>May 2025</td>" in page
    assert "<td>2024–34</td>" in page


def test_loaded_releases_are_listed(client):
    DataRelease.objects.create(
        source=DataRelease.Source.OEWS,
        name="Occupational Employment and Wage Statistics",
        publisher="U.S. Bureau of Labor Statistics",
        release="May 2026",
        date="2026-05",
    )

    page = client.get("/careers/about-the-data/").content.decode()

    assert "<td>May 2026</td>" in page
    assert "O*NET 29.3 Database" not in page.split("<tbody>")[1].split("</tbody>")[0]


def test_the_footer_links_to_it(client):
    page = client.get("/").content.decode()

    assert '<a href="/careers/about-the-data/">About the data</a>' in page
