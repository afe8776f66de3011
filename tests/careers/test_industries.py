"""Each occupation's top industries, as rows the careers list filters on."""

from careers.industries import TOP_INDUSTRIES, occupation_industries_link
from careers.models import Industry, OccupationIndustry
from tests.factories import IndustryFactory, occupation_from_pack


def linked(occupation) -> list[str]:
    return [
        link.industry.name
        for link in OccupationIndustry.objects.filter(occupation=occupation)
        .select_related("industry")
        .order_by("rank")
    ]


def test_links_the_five_largest_employing_industries_largest_first(db):
    occupation = occupation_from_pack("15-1211.00")  # Computer Systems Analysts

    industries = sorted(
        occupation.facts["industries"], key=lambda row: -row["employment"]
    )
    assert len(industries) > TOP_INDUSTRIES == 5
    assert linked(occupation) == [row["name"] for row in industries[:5]]


def test_a_hand_written_guides_industry_of_the_same_name_is_reused(db):
    hospitals = IndustryFactory(name="Hospitals", slug="hospitals")

    occupation = occupation_from_pack("29-1011.00")  # Chiropractors

    assert "Hospitals" in linked(occupation)
    assert Industry.objects.filter(slug="hospitals").get() == hospitals


def test_linking_again_replaces_the_links(db):
    occupation = occupation_from_pack("23-1012.00")  # one industry
    occupation.facts["industries"] = [{"name": "Legal Services", "employment": 9}]

    occupation_industries_link(occupations=[occupation])

    assert linked(occupation) == ["Legal Services"]
