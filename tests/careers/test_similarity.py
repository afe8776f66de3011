"""Skills overlap between occupations and the "careers like this" lists."""

import pytest
from django.core.management import call_command

from careers.catalogue.similarity import (
    overlap,
    overlap_percent,
    similar_occupations,
    skill_profiles,
    skill_vectors,
)
from careers.models import Occupation
from tests.careers.conftest import read_pack_cached

CSR = "43-4051.00"
SURGEON = "29-1022.00"  # Oral and Maxillofacial Surgeons


@pytest.fixture(scope="module")
def every_vector():
    """Every rated occupation in the pack (879 of 923), as the loader sees them."""
    pack = read_pack_cached()
    return skill_vectors(
        (record["code"], record.get("skills", [])) for record in pack["occupations"]
    )


@pytest.fixture(scope="module")
def every_profile(every_vector):
    return skill_profiles(every_vector)


def test_overlap_is_symmetric_and_total_with_itself(every_profile):
    codes = [CSR, SURGEON, "43-3031.00", "29-1141.00", "47-2111.00"]
    for first in codes:
        assert (
            overlap_percent(overlap(every_profile[first], every_profile[first])) == 100
        )
        for second in codes:
            assert overlap(every_profile[first], every_profile[second]) == (
                pytest.approx(overlap(every_profile[second], every_profile[first]))
            )


def test_overlap_spreads_where_plain_cosine_does_not(every_profile):
    def percent(first, second):
        return overlap_percent(overlap(every_profile[first], every_profile[second]))

    # A customer service representative and a surgeon: far apart (plain cosine
    # over the same importances says about 93%).
    assert percent(CSR, SURGEON) < 30
    assert percent(CSR, "47-2111.00") < 30  # Electricians
    # Close office work stays close.
    assert percent(CSR, "43-3031.00") > 60  # Bookkeeping clerks
    scores = [
        overlap(every_profile[CSR], profile)
        for code, profile in every_profile.items()
        if code != CSR
    ]
    assert min(scores) < -0.5 < 0.5 < max(scores)


def test_negative_overlap_shows_as_zero_percent():
    assert overlap_percent(-0.6) == 0
    assert overlap_percent(0.0) == 0
    assert overlap_percent(0.734) == 73
    assert overlap_percent(1.0000001) == 100


def test_an_unlisted_skill_counts_as_not_relevant_rather_than_missing():
    vectors = {
        "a": {"s1": 5.0, "s2": 1.0},
        "b": {"s1": 5.0},  # s2 rated not relevant: importance 1
        "c": {"s1": 1.0, "s2": 5.0},
    }
    profiles = skill_profiles(vectors)
    assert overlap(profiles["a"], profiles["b"]) == pytest.approx(1.0)


def test_similar_occupations_are_the_closest_first_without_itself(every_vector):
    similar = similar_occupations(every_vector, limit=6)
    assert len(similar) == len(every_vector)
    closest = similar[CSR]
    assert [code for code, _ in closest][:2] == ["43-4111.00", "43-4161.00"]
    assert CSR not in [code for code, _ in closest]
    scores = [score for _, score in closest]
    assert scores == sorted(scores, reverse=True)


def test_refresh_similar_stores_the_cards_a_guide_shows(catalogue):
    csr = Occupation.objects.get(code=CSR)
    first = csr.similar[0]
    interviewers = Occupation.objects.get(code=first["code"])
    assert first["code"] == "43-4111.00"
    assert first["title"] == interviewers.title
    assert first["slug"] == catalogue["43-4111.00"].slug
    assert first["median_annual"] == interviewers.median_annual
    assert first["growth_percent"] == float(interviewers.growth_percent)
    assert 0 < first["score"] <= 1
    # O*NET's related list for customer service representatives names new
    # accounts clerks but not interviewers.
    assert first["onet_related"] is False
    by_code = {card["code"]: card for card in csr.similar}
    assert by_code["43-4141.00"]["onet_related"] is True
    assert csr.skill_profile
    assert CSR not in by_code


def test_the_command_refreshes_every_occupation(catalogue):
    Occupation.objects.update(similar=[], skill_profile={})
    call_command("refresh_similar", verbosity=0)
    assert not Occupation.objects.filter(similar=[]).exists()
