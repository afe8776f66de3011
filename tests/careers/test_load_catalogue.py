"""manage.py load_catalogue: the occupation catalogue from the data pack."""

import copy
import gzip
import json
import math
from functools import cache
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.catalogue import loader
from careers.catalogue.loader import load_catalogue
from careers.catalogue.pack import read_pack
from careers.catalogue.summaries import list_summary
from careers.models import (
    Career,
    DataRelease,
    Occupation,
    OccupationGroup,
    OccupationTitle,
)
from tests.factories import CareerFactory, generated_career_for, occupation_from_pack

# The clerk's occupation, an occupation and another sharing its SOC code (one BLS
# figure for both), an hourly-only one, one without OEWS figures, and one more.
CODES = [
    "11-1011.00",
    "11-1011.03",
    "15-1252.00",
    "27-2011.00",
    "43-4051.00",
    "45-3031.00",
]


@cache
def _committed_pack() -> dict:
    return read_pack()


def small_pack(codes=CODES) -> dict:
    """The committed pack cut down to a few real occupations (a copy to change)."""
    pack = _committed_pack()
    records = {record["code"]: record for record in pack["occupations"]}
    small = {key: value for key, value in pack.items() if key != "occupations"}
    small["occupations"] = [records[code] for code in codes]
    return copy.deepcopy(small)


def record(pack: dict, code: str) -> dict:
    return next(r for r in pack["occupations"] if r["code"] == code)


@pytest.fixture
def write_pack(tmp_path):
    """Write a pack as the builder does (gzip JSON) and return its path."""

    def write(pack: dict, name="pack.json.gz"):
        path = tmp_path / name
        path.write_bytes(gzip.compress(json.dumps(pack).encode()))
        return path

    return write


@pytest.fixture
def pack_path(write_pack):
    return write_pack(small_pack())


def load(path) -> str:
    """Run the command; return what it printed."""
    out = StringIO()
    call_command("load_catalogue", "--pack", str(path), stdout=out)
    return out.getvalue()


def written(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if q["sql"].split()[0].upper() in ("INSERT", "UPDATE", "DELETE")
    ]


def test_loads_releases_groups_occupations_titles_and_guides(db, pack_path):
    output = load(pack_path)

    assert "Occupations: 6 created, 0 updated, 0 unchanged" in output
    assert "Guides: 6 created" in output
    assert DataRelease.objects.get(source="oews").release == "May 2025"
    assert DataRelease.objects.get(source="projections").release == "2024–34"
    assert DataRelease.objects.get(source="onet").details["version"] == "29.3"
    assert OccupationGroup.objects.count() == 22
    assert OccupationGroup.objects.get(code="43-0000").slug == (
        "office-and-administrative-support-occupations"
    )
    clerk = Occupation.objects.get(code="43-4051.00")
    assert clerk.group.code == "43-0000"
    assert (clerk.median_annual, clerk.annual_openings) == (44_770, 341_700)
    assert clerk.facts["wages"]["annual"]["median"] == 44_770
    assert clerk.loaded_digest
    assert clerk.loaded_at == clerk.updated_at
    titles = set(clerk.titles.values_list("kind", "title", "normalized"))
    assert (
        "main",
        "Customer Service Representatives",
        "customer service representatives",
    ) in titles
    assert (
        len(titles)
        == len({(kind, title) for kind, title, _ in titles})
        == clerk.titles.count()
        > 10
    )

    guide = Career.objects.get(occupation=clerk)
    assert guide.slug == clerk.slug == "customer-service-representatives"
    assert (guide.title, guide.status, guide.source) == (
        "Customer Service Representatives",
        Career.Status.PUBLISHED,
        Career.Source.GENERATED,
    )
    assert guide.summary == (
        "Work in office and administrative support, paying a median $44,770 a year "
        "(May 2025); jobs are projected to fall 5.5% over 2024–34."
    )
    assert guide.typical_education == Career.Education.HIGH_SCHOOL
    # The guide reads these from the occupation when it is shown.
    assert guide.median_salary is guide.growth_percent is guide.annual_openings is None
    assert guide.loaded_at == guide.updated_at


def test_a_second_run_writes_nothing_and_says_so(db, pack_path):
    load(pack_path)
    before = list(Occupation.objects.values("pk", "updated_at"))

    with CaptureQueriesContext(connection) as queries:
        output = load(pack_path)

    assert output.strip() == (
        "Nothing changed: the 6 occupations and their guides already match the pack."
    )
    assert written(queries) == []
    assert list(Occupation.objects.values("pk", "updated_at")) == before


def test_a_changed_record_updates_its_occupation_titles_and_guide(db, write_pack):
    pack = small_pack()
    load(write_pack(pack))
    clerk_record = record(pack, "43-4051.00")
    clerk_record["title"] = "Customer Support Representatives"
    clerk_record["oews"]["national"]["annual"]["median"] = 46_000
    pack_id = Occupation.objects.get(code="43-4051.00").pk

    output = load(write_pack(pack))

    assert "Occupations: 0 created, 1 updated, 5 unchanged" in output
    assert "Guides: 0 created, 1 updated, 5 unchanged" in output
    clerk = Occupation.objects.get(code="43-4051.00")
    assert clerk.pk == pack_id
    assert (clerk.title, clerk.slug, clerk.median_annual) == (
        "Customer Support Representatives",
        "customer-support-representatives",
        46_000,
    )
    assert clerk.loaded_at == clerk.updated_at
    main_titles = clerk.titles.filter(kind=OccupationTitle.Kind.MAIN)
    assert list(main_titles.values_list("title", flat=True)) == [
        "Customer Support Representatives"
    ]
    guide = clerk.career
    assert (guide.title, guide.slug) == (
        "Customer Support Representatives",
        "customer-support-representatives",
    )
    assert "$46,000 a year" in guide.summary
    assert guide.loaded_at == guide.updated_at
    # A third run finds nothing more to do.
    assert load(write_pack(pack)).startswith("Nothing changed")


def test_rows_staff_edited_are_kept_and_named(db, write_pack):
    pack = small_pack()
    load(write_pack(pack))
    occupation = Occupation.objects.get(code="15-1252.00")
    occupation.title = "Software Developers (edited)"
    occupation.save()
    guide = Career.objects.get(occupation__code="11-1011.00")
    guide.summary = "Our own words about running an organisation."
    guide.save()
    for code in ("15-1252.00", "11-1011.00"):
        record(pack, code)["oews"]["national"]["annual"]["median"] += 1_000

    output = load(write_pack(pack))

    occupation.refresh_from_db()
    guide.refresh_from_db()
    assert occupation.title == "Software Developers (edited)"
    assert (
        occupation.median_annual
        == record(pack, "15-1252.00")["oews"]["national"]["annual"]["median"] - 1_000
    )
    assert guide.summary == "Our own words about running an organisation."
    assert "Kept staff edits to occupations: 15-1252.00" in output
    assert f"Kept staff edits to guides: {guide.slug}" in output
    # The occupation staff did not touch was refreshed, and its guide too, except
    # where staff edited the guide.
    assert (
        Occupation.objects.get(code="11-1011.00").median_annual
        == (record(pack, "11-1011.00")["oews"]["national"]["annual"]["median"])
    )


def bad_gzip(pack):
    return None


def missing_title(pack):
    del pack["occupations"][-1]["title"]


def duplicate_code(pack):
    pack["occupations"][-1]["code"] = pack["occupations"][0]["code"]
    pack["occupations"][-1]["soc"] = pack["occupations"][0]["soc"]


def unknown_group(pack):
    pack["occupations"][-1]["major_group"] = "98-0000"


def missing_table(pack):
    del pack["states"]


def unreadable_skill(pack):
    pack["occupations"][-1]["skills"] = [{"im": 3.5}]


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (bad_gzip, "not a gzip JSON data pack"),
        (missing_title, "occupation 45-3031.00: missing 'title'"),
        (duplicate_code, "occupation 11-1011.00: code appears twice"),
        (unknown_group, "occupation 45-3031.00: unknown major group '98-0000'"),
        (missing_table, "missing table 'states'"),
        (unreadable_skill, "occupation 45-3031.00: cannot read it"),
    ],
)
def test_a_corrupt_pack_writes_nothing_and_names_the_problem(
    db, write_pack, monkeypatch, tmp_path, spoil, message
):
    # With one occupation per batch, a problem in the last record would come
    # after five batches had been written, were the pack not checked first.
    monkeypatch.setattr(loader, "BATCH_SIZE", 1)
    pack = small_pack()
    if spoil is bad_gzip:
        path = tmp_path / "bad.json.gz"
        path.write_bytes(gzip.compress(json.dumps(pack).encode())[:5000])
    else:
        spoil(pack)
        path = write_pack(pack)

    with pytest.raises(CommandError, match="Nothing was loaded") as raised:
        load(path)

    assert message in str(raised.value)
    for model in (DataRelease, OccupationGroup, Occupation, OccupationTitle, Career):
        assert not model.objects.exists()


def test_a_corrupt_pack_leaves_a_loaded_catalogue_as_it_was(db, write_pack):
    pack = small_pack()
    load(write_pack(pack))
    record(pack, "11-1011.00")["title"] = "Chief Executive Officers"
    unknown_group(pack)

    with pytest.raises(CommandError, match="unknown major group"):
        load(write_pack(pack))

    assert Occupation.objects.get(code="11-1011.00").title == "Chief Executives"


def test_the_clerk_guide_joins_its_occupation_and_none_is_generated(
    clerk_guide, pack_path
):
    output = load(pack_path)

    clerk_guide.refresh_from_db()
    occupation = Occupation.objects.get(code="43-4051.00")
    assert clerk_guide.occupation == occupation
    assert clerk_guide.source == Career.Source.EDITORIAL
    assert not Career.objects.filter(slug="customer-service-representatives").exists()
    assert "Linked the hand-written guide customer-service-clerk" in output
    assert "Guides: 5 created" in output
    # Linking is not an edit: the guides' loader still refreshes the clerk guide.
    assert clerk_guide.loaded_at >= clerk_guide.updated_at
    assert load(pack_path).startswith("Nothing changed")


def test_a_generated_guide_gives_way_to_a_hand_written_one(db, pack_path):
    occupation = occupation_from_pack("11-1011.03")
    generated = generated_career_for(occupation)
    # The hand-written guide's SOC code is shared by 11-1011.00 and .03: the
    # ".00" occupation is the one it joins.
    written_guide = CareerFactory(soc_code="11-1011", slug="running-a-company")

    output = load(pack_path)

    written_guide.refresh_from_db()
    generated.refresh_from_db()
    assert written_guide.occupation.code == "11-1011.00"
    assert generated.occupation.code == "11-1011.03"
    assert not Career.objects.filter(
        source=Career.Source.GENERATED, occupation__code="11-1011.00"
    ).exists()
    assert "Unpublished" not in output


def test_a_generated_guide_is_unpublished_when_its_occupation_gets_a_written_one(
    db, pack_path
):
    load(pack_path)
    generated = Career.objects.get(occupation__code="15-1252.00")
    written_guide = CareerFactory(
        soc_code="15-1252", status=Career.Status.PUBLISHED, slug="coding"
    )

    output = load(pack_path)

    generated.refresh_from_db()
    written_guide.refresh_from_db()
    assert written_guide.occupation.code == "15-1252.00"
    assert generated.status == Career.Status.DRAFT
    assert generated.occupation is None
    assert f"Unpublished the generated guide {generated.slug}" in output
    assert load(pack_path).startswith("Nothing changed")


def test_a_generated_guide_takes_the_code_when_a_written_guide_has_the_address(
    db, pack_path
):
    CareerFactory(slug="chief-executives", soc_code="")

    load(pack_path)

    guide = Career.objects.get(occupation__code="11-1011.00")
    assert guide.slug == "chief-executives-11-1011-00"
    assert guide.source == Career.Source.GENERATED
    assert load(pack_path).startswith("Nothing changed")


def test_loads_in_batches_each_in_its_own_transaction(db, pack_path, monkeypatch):
    monkeypatch.setattr(loader, "BATCH_SIZE", 2)

    with CaptureQueriesContext(connection) as queries:
        report = load_catalogue(path=pack_path)

    # The test runs inside a transaction, so each atomic block is a savepoint:
    # one for the releases and groups, then one per batch of two occupations,
    # then one for the similar-careers lists (200 occupations to a transaction).
    savepoints = [q for q in queries if q["sql"].startswith("SAVEPOINT")]
    assert len(savepoints) == 1 + 3 + 1
    assert len(report.occupations.created) == Occupation.objects.count() == 6
    assert len(report.guides.created) == Career.objects.count() == 6
    assert OccupationTitle.objects.filter(kind="main").count() == 6


def test_a_batch_costs_the_same_queries_whatever_its_size(db, write_pack):
    # Bulk writes: a batch of six occupations costs what a batch of two does,
    # but for the titles, written 200 to a statement.
    def statements(codes, name):
        with CaptureQueriesContext(connection) as queries:
            load_catalogue(path=write_pack(small_pack(codes), name))
        titles = [sql for sql in written(queries) if "occupationtitle" in sql]
        others = [sql for sql in written(queries) if "occupationtitle" not in sql]
        return len(others), len(titles)

    two = statements(CODES[:2], "two.json.gz")
    for model in (Career, OccupationTitle, Occupation, OccupationGroup, DataRelease):
        model.objects.all().delete()
    six = statements(CODES, "six.json.gz")

    assert six[0] == two[0]
    title_count = OccupationTitle.objects.count()
    # One DELETE (of no rows) and the INSERTs.
    assert six[1] == 1 + math.ceil(title_count / 200) > two[1]


def test_cached_pages_are_retired_once_after_a_load_that_changed_something(
    db, pack_path, monkeypatch
):
    calls = []
    monkeypatch.setattr(loader, "guides_changed", lambda: calls.append(1))

    load(pack_path)
    load(pack_path)

    assert calls == [1]


def test_loads_the_whole_committed_pack(clerk_guide):
    # The one test of the full pack (923 occupations, ~60,000 titles).
    report = load_catalogue()

    assert len(report.occupations.created) == Occupation.objects.count() == 923
    generated = Career.objects.filter(source=Career.Source.GENERATED)
    assert generated.filter(status=Career.Status.PUBLISHED).count() == 922
    assert OccupationGroup.objects.count() == 22
    assert DataRelease.objects.count() == 3
    clerk_guide.refresh_from_db()
    assert clerk_guide.occupation.code == "43-4051.00"
    assert all(
        len(summary) <= 200 for summary in generated.values_list("summary", flat=True)
    )
    assert not load_catalogue().changed


def test_list_summary_names_the_unit_and_the_missing_figures(db):
    facts = {code: occupation_from_pack(code).facts for code in CODES}

    assert list_summary(facts["27-2011.00"]) == (
        "Work in arts, design, entertainment, sports, and media, paying a median "
        "$29.05 an hour (May 2025); jobs are projected to grow 0.3% over 2024–34."
    )
    assert list_summary(facts["45-3031.00"]) == (
        "Work in farming, fishing, and forestry, with no pay figures published; "
        "jobs are projected to fall 4.6% over 2024–34."
    )
    assert "a year in its wider BLS group (May 2025)" in list_summary(
        facts["11-1011.03"]
    )


def test_the_load_links_each_occupation_to_its_top_industries(db, pack_path):
    load(pack_path)

    clerk = Occupation.objects.get(code="43-4051.00")
    linked = list(
        clerk.industry_links.order_by("rank").values_list("industry__name", flat=True)
    )
    expected = [row["name"] for row in clerk.facts["industries"]][:5]
    assert linked == expected


def test_the_load_stores_each_occupations_similar_careers(db, pack_path):
    load(pack_path)

    clerk = Occupation.objects.get(code="43-4051.00")
    assert clerk.similar
    assert {card["code"] for card in clerk.similar} <= set(CODES) - {clerk.code}
