"""The data pack committed in careers/catalogue/pack/ (built from the real releases)."""

import hashlib
import json

import pytest

from careers.catalogue.pack import MANIFEST_NAME, PACK_PATH, PackError, read_pack


@pytest.fixture(scope="module")
def pack():
    return read_pack()


@pytest.fixture(scope="module")
def occupations(pack):
    return {occupation["code"]: occupation for occupation in pack["occupations"]}


def test_pack_holds_every_detailed_occupation_with_data(pack, occupations):
    assert len(occupations) == 923
    assert [o["code"] for o in pack["occupations"]] == sorted(occupations)
    assert pack["manifest"]["counts"]["occupations"] == 923
    assert PACK_PATH.stat().st_size < 5_000_000


def test_customer_service_representatives_figures_name_their_release(pack, occupations):
    clerk = occupations["43-4051.00"]
    assert clerk["oews"]["national"]["annual"]["median"] == 44_770
    assert clerk["oews"]["national"]["employment"] == 2_595_750
    assert clerk["projections"]["change_percent"] == -5.5
    assert clerk["projections"]["openings"] == 341_700
    releases = pack["manifest"]["releases"]
    assert releases["oews"]["release"] == "May 2025"
    assert releases["projections"]["release"] == "2024–34"
    assert releases["onet"]["name"] == "O*NET 29.3 Database"


def test_fishing_and_hunting_workers_have_no_oews_figures(pack, occupations):
    assert occupations["45-3031.00"]["oews"] is None
    assert "45-3031.00" in pack["manifest"]["no_oews_figures"]


def test_every_occupation_is_in_one_of_22_major_groups(pack, occupations):
    groups = {group["code"] for group in pack["major_groups"]}
    assert len(groups) == 22
    assert {o["major_group"] for o in occupations.values()} == groups


def test_nine_occupations_share_computer_occupations_all_other(occupations):
    shared = [c for c in occupations if c.startswith("15-1299.")]
    assert len(shared) == 9
    assert all(occupations[c]["bls"]["wider_group"] for c in shared)


def test_states_are_the_50_dc_and_published_territories(pack):
    names = {state["name"] for state in pack["states"]}
    assert len(names) == 54
    assert {"District of Columbia", "Puerto Rico", "Guam", "Virgin Islands"} <= names


def test_manifest_beside_the_pack_matches_it(pack):
    manifest = json.loads((PACK_PATH.parent / MANIFEST_NAME).read_text())
    assert (
        manifest["pack"]["sha256"] == hashlib.sha256(PACK_PATH.read_bytes()).hexdigest()
    )
    assert manifest["releases"] == pack["manifest"]["releases"]


def test_a_corrupt_pack_is_refused_by_name(tmp_path):
    broken = tmp_path / "catalogue.json.gz"
    broken.write_bytes(PACK_PATH.read_bytes()[:1000])
    with pytest.raises(PackError, match=r"catalogue\.json\.gz"):
        read_pack(broken)
