"""The catalogue builder, run on tiny release files these tests write."""

import gzip
import hashlib
import json

import pytest
from django.core.management import CommandError, call_command

from careers.catalogue.build import build_catalogue
from careers.catalogue.codes import (
    BLS_CODE_FOR_SOC,
    NO_OEWS_FIGURES,
    bls_code_for,
    skill_group,
)
from careers.catalogue.pack import read_pack
from careers.catalogue.xlsx import SourceError

from .catalogue_sources import CATEGORY_DEFINITION, DESCRIPTION, write_sources


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    return write_sources(tmp_path_factory.mktemp("releases"))


@pytest.fixture(scope="module")
def built(sources, tmp_path_factory):
    out = tmp_path_factory.mktemp("pack") / "catalogue.json.gz"
    report = build_catalogue(**sources, out=out)
    return report, read_pack(out)


@pytest.fixture(scope="module")
def occupations(built):
    _, pack = built
    return {occupation["code"]: occupation for occupation in pack["occupations"]}


# --- Code joins ----------------------------------------------------------------------


def test_mapping_table_joins_the_codes_bls_publishes_combined():
    expected = {
        "21-1011": "21-1018",
        "21-1014": "21-1018",
        "25-9042": "25-9045",
        "51-2022": "51-2028",
        "51-2023": "51-2028",
        "53-1042": "53-1047",
        "53-1043": "53-1047",
    }
    assert expected.items() <= BLS_CODE_FOR_SOC.items()
    published = {"21-1018", "25-9045", "51-2028", "53-1047", "43-4051"}
    for soc, bls in expected.items():
        assert bls_code_for(soc, published) == bls
    assert bls_code_for("43-4051", published) == "43-4051"


def test_mapping_is_a_table_not_a_digit_rule():
    # 21-1012 shares 21-1018's first digits but is published under its own code.
    assert bls_code_for("21-1012", {"21-1018"}) is None
    assert bls_code_for("45-3031", {"45-3030", "45-3000", "45-0000"}) is None
    assert "45-3031" in NO_OEWS_FIGURES
    assert "45-3031" not in BLS_CODE_FOR_SOC


def test_every_mapping_target_is_a_different_code_in_the_same_minor_group():
    for soc, bls in BLS_CODE_FOR_SOC.items():
        assert soc != bls
        assert soc[:4] == bls[:4], soc


def test_skill_groups_come_from_the_element_id():
    assert skill_group("2.A.1.a") == "basic_content"
    assert skill_group("2.A.2.d") == "basic_process"
    assert skill_group("2.B.1.a") == "social"
    assert skill_group("2.B.2.i") == "complex_problem_solving"
    assert skill_group("2.B.3.a") == "technical"
    assert skill_group("2.B.4.e") == "systems"
    assert skill_group("2.B.5.d") == "resource_management"
    assert skill_group("2.B.10") is None


# --- O*NET facts -----------------------------------------------------------------


def test_detailed_occupations_with_data_only(occupations):
    # 15-1299.00 is in Occupation Data but has no job zone: no data, no guide.
    assert sorted(occupations) == [
        "15-1299.08",
        "15-1299.09",
        "21-1011.00",
        "25-2021.00",
        "27-2011.00",
        "29-1022.00",
        "43-4051.00",
        "45-3031.00",
    ]
    clerk = occupations["43-4051.00"]
    assert clerk["title"] == "Customer Service Representatives"
    assert clerk["soc"] == "43-4051"
    assert clerk["major_group"] == "43-0000"
    assert clerk["job_zone"] == 2
    assert clerk["onet_url"] == "https://www.onetonline.org/link/summary/43-4051.00"


def test_titles_keep_short_titles_once_each(occupations):
    clerk = occupations["43-4051.00"]
    assert clerk["alternate_titles"] == [
        {"title": "Call Center Agent", "short": None},
        {"title": "Customer Service Representative", "short": "CSR"},
    ]
    assert clerk["reported_titles"] == [
        {"title": "Call Center Representative", "my_next_move": False},
        {"title": "Customer Service Representative (CSR)", "my_next_move": True},
    ]


def test_ratings_drop_suppressed_values_and_not_relevant_elements(occupations, built):
    _, pack = built
    clerk = occupations["43-4051.00"]
    assert clerk["skills"] == [
        {"id": "2.A.1.a", "im": 3.5, "lv": 3.62},
        {"id": "2.B.1.a", "im": 3.75, "lv": None},  # level: Recommend Suppress = Y
        {"id": "2.B.2.i", "im": 2.88, "lv": 3},
        # 2.B.3.a is Not Relevant for this occupation: left out.
    ]
    # Biology's importance is suppressed: without it the element is left out.
    assert clerk["knowledge"] == [{"id": "2.C.1.e", "im": 4.7, "lv": 5.7}]
    assert clerk["work_styles"] == [{"id": "1.C.1.a", "im": 3.9}]
    assert occupations["45-3031.00"]["skills"] == []
    skills = {element["id"]: element for element in pack["elements"]["skills"]}
    assert skills["2.B.3.a"] == {
        "id": "2.B.3.a",
        "name": "Operations Analysis",
        "group": "technical",
    }
    assert skills["2.B.2.i"]["group"] == "complex_problem_solving"
    assert pack["elements"]["knowledge"] == [
        {"id": "2.C.1.e", "name": "Customer and Personal Service"}
    ]
    assert [group["key"] for group in pack["skill_groups"]][:3] == [
        "basic_content",
        "basic_process",
        "social",
    ]


def test_technology_tools_and_related(occupations):
    clerk = occupations["43-4051.00"]
    assert clerk["technology"] == [
        {
            "name": "Microsoft Excel",
            "commodity": "Spreadsheet software",
            "hot": True,
            "in_demand": True,
        },
        {
            "name": "Zendesk",
            "commodity": "Customer relationship software",
            "hot": False,
            "in_demand": False,
        },
    ]
    assert clerk["tools"] == [
        {"name": "Desktop computers", "commodity": "Desktop computers"}
    ]
    assert [(r["code"], r["tier"], r["index"]) for r in clerk["related"]] == [
        ("21-1011.00", "Primary-Short", 1),
        ("15-1299.08", "Primary-Short", 2),
        ("27-2011.00", "Supplemental", 3),
    ]


def test_education_shares_and_category_names(occupations, built):
    _, pack = built
    # Category 6 is suppressed; RW (work experience) rows are not education.
    assert occupations["43-4051.00"]["education"] == [
        {"category": 1, "share": 0},
        {"category": 2, "share": 60.5},
        {"category": 3, "share": 39.5},
    ]
    assert pack["education_categories"] == [
        {"category": 1, "name": "Less than a High School Diploma"},
        {"category": 2, "name": "High School Diploma"},
        {"category": 3, "name": "Certificate"},
        {"category": 6, "name": "Bachelor's Degree"},
    ]


def test_interests(occupations):
    assert occupations["43-4051.00"]["interests"] == {
        "scores": [
            {"name": "Realistic", "score": 2.05},
            {"name": "Enterprising", "score": 5.11},
            {"name": "Conventional", "score": 6.16},
        ],
        "high_point": ["Conventional", "Enterprising"],
    }
    assert occupations["27-2011.00"]["interests"] is None


def test_no_onet_prose_in_the_pack(built):
    report, _ = built
    text = gzip.decompress(report.path.read_bytes()).decode()
    assert DESCRIPTION not in text
    assert CATEGORY_DEFINITION not in text
    assert "Customer Service Representatives" in text


# --- BLS figures -----------------------------------------------------------------


def test_national_figures_in_whole_dollars_and_cents(occupations):
    national = occupations["43-4051.00"]["oews"]["national"]
    assert national == {
        "employment": 2_595_750,
        "unit": "both",
        "annual": {
            "mean": 46_590,
            "p10": 31_750,
            "p25": 36_870,
            "median": 44_770,
            "p75": 51_780,
            "p90": 63_590,
        },
        "hourly_cents": {
            "mean": 2240,
            "p10": 1527,
            "p25": 1772,
            "median": 2153,
            "p75": 2489,
            "p90": 3057,
        },
        "not_published": [],
        "above_top": [],
    }


def test_split_soc_code_figures_are_for_the_wider_group(occupations):
    engineers, managers = occupations["15-1299.08"], occupations["15-1299.09"]
    assert engineers["bls"] == {
        "code": "15-1299",
        "title": "Computer Occupations, All Other",
        "mapped": False,
        "shared_with": ["15-1299.09"],
        "wider_group": True,
    }
    assert managers["bls"]["shared_with"] == ["15-1299.08"]
    assert engineers["oews"] == managers["oews"]
    assert engineers["oews"]["national"]["annual"]["median"] == 116_580
    assert occupations["43-4051.00"]["bls"]["wider_group"] is False


def test_mapped_code_joins_the_combined_bls_code(occupations):
    counselors = occupations["21-1011.00"]
    assert counselors["soc"] == "21-1011"
    assert counselors["bls"]["code"] == "21-1018"
    assert counselors["bls"]["mapped"] is True
    assert counselors["bls"]["wider_group"] is True
    assert counselors["oews"]["national"]["annual"]["median"] == 59_350
    assert counselors["projections"]["education"] == "Master's degree"


def test_occupation_without_oews_figures_says_so(occupations, built):
    report, pack = built
    fishers = occupations["45-3031.00"]
    assert fishers["oews"] is None
    assert pack["manifest"]["no_oews_figures"] == ["45-3031.00"]
    # The projections do cover it, and are kept.
    assert fishers["projections"]["openings"] == 2_800
    assert "7 with OEWS figures" in "\n".join(report.summary())


def test_annual_only_and_hourly_only_occupations_keep_their_unit(occupations):
    teachers = occupations["25-2021.00"]["oews"]["national"]
    assert teachers["unit"] == "annual"
    assert teachers["hourly_cents"] is None
    assert teachers["annual"]["median"] == 63_970
    assert teachers["not_published"] == []
    actors = occupations["27-2011.00"]["oews"]["national"]
    assert actors["unit"] == "hourly"
    assert actors["annual"] is None
    assert actors["hourly_cents"]["median"] == 2905
    assert actors["not_published"] == []


def test_suppressed_value_is_null_and_marked_not_published(occupations):
    alabama = occupations["43-4051.00"]["oews"]["states"][0]
    assert alabama["state"] == "01"
    assert alabama["employment"] is None
    assert alabama["not_published"] == ["employment"]
    assert alabama["annual"]["median"] == 44_770


def test_top_coded_value_is_marked_above_the_highest_published(occupations):
    [alabama] = occupations["29-1022.00"]["oews"]["states"]
    assert alabama["annual"]["p90"] is None
    assert alabama["hourly_cents"]["p90"] is None
    assert alabama["above_top"] == ["annual.p90", "hourly.p90"]
    assert alabama["not_published"] == []
    assert alabama["annual"]["median"] == 209_040


def test_states_only_no_metros(occupations, built):
    _, pack = built
    assert pack["states"] == [
        {"code": "01", "name": "Alabama"},
        {"code": "06", "name": "California"},
        {"code": "72", "name": "Puerto Rico"},
    ]
    states = occupations["43-4051.00"]["oews"]["states"]
    assert [row["state"] for row in states] == ["01", "06"]
    assert states[1]["employment"] == 300_000


def test_top_industries_are_three_digit_sectors_by_employment(occupations):
    # The level-2 sector, the private-only total and a suppressed cell are left out.
    assert occupations["43-4051.00"]["oews"]["industries"] == [
        {
            "code": "561000",
            "name": "Administrative and Support Services",
            "employment": 366_290,
        },
        {
            "code": "524000",
            "name": "Insurance Carriers and Related Activities",
            "employment": 292_830,
        },
    ]


def test_projections_in_persons_with_none_as_a_word(occupations):
    assert occupations["43-4051.00"]["projections"] == {
        "employment_start": 2_814_000,
        "employment_end": 2_660_300,
        "change": -153_700,
        "change_percent": -5.5,
        "openings": 341_700,
        "education": "High school diploma or equivalent",
        "experience": "None",
        "training": "Short-term on-the-job training",
    }


def test_major_groups_from_oews(built, occupations):
    _, pack = built
    codes = [group["code"] for group in pack["major_groups"]]
    assert codes[0] == "15-0000"
    assert "00-0000" not in codes
    assert {o["major_group"] for o in occupations.values()} <= set(codes)


# --- The pack ------------------------------------------------------------------


def test_manifest_names_each_release_and_hashes_each_input(built, sources):
    report, pack = built
    releases = pack["manifest"]["releases"]
    assert (releases["onet"]["name"], releases["onet"]["release"]) == (
        "O*NET 29.3 Database",
        "May 2025",
    )
    assert releases["onet"]["date"] == "2025-05"
    assert (releases["oews"]["release"], releases["oews"]["date"]) == (
        "May 2025",
        "2025-05",
    )
    assert releases["projections"]["release"] == "2024–34"
    assert releases["projections"]["start_year"] == 2024
    oews_file = sources["oews"]
    assert releases["oews"]["files"] == [
        {
            "name": oews_file.name,
            "sha256": hashlib.sha256(oews_file.read_bytes()).hexdigest(),
            "bytes": oews_file.stat().st_size,
        }
    ]
    onet_files = {f["name"] for f in releases["onet"]["files"]}
    assert {"Read Me.txt", "Skills.xlsx", "Job Zones.xlsx"} <= onet_files
    beside = json.loads((report.path.parent / "manifest.json").read_text())
    assert beside["pack"] == {
        "file": "catalogue.json.gz",
        "sha256": hashlib.sha256(report.path.read_bytes()).hexdigest(),
        "bytes": report.path.stat().st_size,
    }
    assert beside["releases"] == releases


def test_rebuilding_from_the_same_inputs_gives_the_same_bytes(built, sources, tmp_path):
    report, _ = built
    again = build_catalogue(**sources, out=tmp_path / "catalogue.json.gz")
    assert again.path.read_bytes() == report.path.read_bytes()
    assert (tmp_path / "manifest.json").read_bytes() == (
        report.path.parent / "manifest.json"
    ).read_bytes()
    # gzip header: no modification time, no file name.
    assert report.path.read_bytes()[4:8] == b"\0\0\0\0"


def test_an_unmapped_code_stops_the_build(tmp_path):
    sources = write_sources(
        tmp_path, extra_occupations={"43-9999.00": "Clerks Nobody Mapped"}
    )
    with pytest.raises(SourceError, match="43-9999"):
        build_catalogue(**sources, out=tmp_path / "pack.json.gz")
    assert not (tmp_path / "pack.json.gz").exists()


def test_command_builds_the_pack_and_reports(sources, tmp_path, capsys):
    out = tmp_path / "catalogue.json.gz"
    call_command(
        "build_catalogue",
        "--onet",
        str(sources["onet_dir"]),
        "--projections",
        str(sources["projections"]),
        "--oews",
        str(sources["oews"]),
        "--out",
        str(out),
    )
    printed = capsys.readouterr().out
    assert f"Wrote {out}" in printed
    assert "8 occupations" in printed
    assert "O*NET 29.3 Database May 2025" in printed
    assert len(read_pack(out)["occupations"]) == 8


def test_command_names_a_missing_or_broken_file(sources, tmp_path):
    broken = tmp_path / "broken.sqlite.gz"
    broken.write_bytes(b"not gzip")
    with pytest.raises(CommandError, match=r"broken\.sqlite\.gz"):
        call_command(
            "build_catalogue",
            "--onet",
            str(sources["onet_dir"]),
            "--projections",
            str(sources["projections"]),
            "--oews",
            str(broken),
            "--out",
            str(tmp_path / "out.json.gz"),
        )
    with pytest.raises(CommandError, match="file not found"):
        call_command(
            "build_catalogue",
            "--onet",
            str(tmp_path / "nowhere"),
            "--projections",
            str(sources["projections"]),
            "--oews",
            str(sources["oews"]),
            "--out",
            str(tmp_path / "out.json.gz"),
        )
