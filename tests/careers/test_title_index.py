"""The title index on its own (careers.title_index), built straight from the
committed data pack: every occupation, every title, every tool name, with no
database. tests/careers/test_search.py covers the database and the pages."""

import random

import pytest

from careers.catalogue.pack import read_pack
from careers.catalogue.records import occupation_rows
from careers.title_index import Listing, TitleIndex, one_letter_away, stem, terms

# Everyday names for work and the occupation a person means by each.
EVERYDAY_TITLES = {
    "call center representative": "43-4051.00",
    "help desk": "15-1232.00",
    "RN": "29-1141.00",
    "software engineer": "15-1252.00",
    "forklift operator": "53-7051.00",
    "bookkeeping": "43-3031.00",
    "receptionist": "43-4171.00",
    "cashier": "41-2011.00",
    "truck driver": "53-3032.00",
    "nurse": "29-1141.00",
    "elementary school teacher": "25-2021.00",
    "janitor": "37-2011.00",
    "waiter": "35-3031.00",
    "line cook": "35-2014.00",
    "dishwasher": "35-9021.00",
    "electrician": "47-2111.00",
    "plumber": "47-2152.00",
    "carpenter": "47-2031.00",
    "auto mechanic": "49-3023.00",
    "accountant": "13-2011.00",
    "lawyer": "23-1011.00",
    "paralegal": "23-2011.00",
    "pharmacist": "29-1051.00",
    "dental hygienist": "29-1292.00",
    "security guard": "33-9032.00",
    "police officer": "33-3051.00",
    "firefighter": "33-2011.00",
    "web developer": "15-1254.00",
    "data scientist": "15-2051.00",
    "graphic designer": "27-1024.00",
    "hairdresser": "39-5012.00",
    "barista": "35-3023.01",
    "bartender": "35-3011.00",
    "housekeeper": "37-2012.00",
    "warehouse worker": "53-7062.00",
    "delivery driver": "53-3033.00",
    "administrative assistant": "43-6014.00",
    "project manager": "13-1082.00",
    "physical therapist": "29-1123.00",
    "welder": "51-4121.00",
    "bank teller": "43-3071.00",
    "home health aide": "31-1121.00",
    "CNA": "31-1131.00",
    "LPN": "29-2061.00",
    "pharmacy tech": "29-2052.00",
    "customer service": "43-4051.00",
    "teacher's aide": "25-9042.00",
    "nanny": "39-9011.01",
    "mail carrier": "43-5052.00",
}


def pack_listings() -> list[Listing]:
    """Every occupation in the pack, each its own guide (its code stands in)."""
    listings = []
    for row in occupation_rows(read_pack()):
        facts = row.fields["facts"]
        tools = [("technology", item["name"]) for item in facts["technology"]]
        tools += [("tool", item["name"]) for item in facts["tools"]]
        listings.append(
            Listing(
                code=row.code,
                title=row.fields["title"],
                employment=row.fields["employment"],
                titles=row.titles,
                tools=tools,
                occupation=row.code,
                guide=row.code,
            )
        )
    return listings


@pytest.fixture(scope="module")
def listings():
    return pack_listings()


@pytest.fixture(scope="module")
def index(listings):
    # About a second: every title, alternate, short and reported title and
    # every technology and tool name of the 923 occupations.
    return TitleIndex(listings)


def codes(index, query, **options) -> list[str]:
    return [match.career for match in index.search(query, **options)]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("call center representative", "43-4051.00"),
        ("help desk", "15-1232.00"),
        ("RN", "29-1141.00"),
        ("software engineer", "15-1252.00"),
        ("forklift operator", "53-7051.00"),
        ("bookkeeping", "43-3031.00"),
    ],
)
def test_the_issues_searches_put_the_right_occupation_first(index, query, code):
    assert codes(index, query)[0] == code


def test_everyday_titles_find_their_occupation(index):
    first = [
        query
        for query, code in EVERYDAY_TITLES.items()
        if codes(index, query)[:1] == [code]
    ]
    missed = {
        query: codes(index, query, limit=5)
        for query, code in EVERYDAY_TITLES.items()
        if code not in codes(index, query, limit=5)
    }
    assert len(EVERYDAY_TITLES) >= 30
    assert len(first) / len(EVERYDAY_TITLES) >= 0.9
    assert missed == {}


def test_results_say_which_title_matched(index):
    match = index.search("call center representative")[0]
    assert (match.title, match.kind, match.exact) == (
        "Call Center Representative",
        "alternate",
        True,
    )
    assert index.search("RN")[0].kind == "short"


def test_technology_and_tool_names_are_searched(index):
    excel = index.search("microsoft excel", limit=5)
    assert excel
    assert all(match.title == "Microsoft Excel" for match in excel)
    assert {match.kind for match in excel} == {"technology"}
    forklifts = index.search("forklifts", limit=30)
    assert "tool" in {match.kind for match in forklifts}


def test_one_wrong_letter_still_finds_it(index):
    assert codes(index, "recepcionist")[0] == "43-4171.00"
    assert codes(index, "recptionist")[0] == "43-4171.00"  # a letter left out
    assert codes(index, "electirician")[0] == "47-2111.00"  # one letter too many


def test_singular_and_plural_are_alike(index):
    assert codes(index, "cashiers") == codes(index, "cashier")
    assert codes(index, "secretaries") == codes(index, "secretary")
    assert codes(index, "registered nurse")[0] == "29-1141.00"


def test_accents_and_case_are_ignored(index):
    assert codes(index, "RÉCEPTIONIST") == codes(index, "receptionist")
    assert codes(index, "  Call   CENTER representative! ") == codes(
        index, "call center representative"
    )


def test_as_you_type_the_last_word_may_be_unfinished(index):
    assert codes(index, "forklift op", as_you_type=True)[0] == "53-7051.00"
    assert codes(index, "recep", as_you_type=True)[0] == "43-4171.00"
    # A finished search reads a word it does not know as a beginning too.
    assert codes(index, "bookkeep")[0] == "43-3031.00"


def test_equal_queries_give_the_same_order_whatever_the_build_order(listings, index):
    shuffled = list(listings)
    random.Random(14).shuffle(shuffled)
    other = TitleIndex(shuffled)
    for query in ["manager", "excel", "teacher", "operator", "nurse", "clerk"]:
        assert codes(other, query) == codes(index, query)


def test_nonsense_and_empty_queries_find_nothing(index):
    assert index.search("") == []
    assert index.search("!!! ???") == []
    assert index.search("xqzvwk") == []
    assert index.search("nurse", limit=0) == []


def test_a_long_query_is_answered(index):
    assert index.search("nurse " * 50)
    assert codes(index, "registered nurse intensive care unit critical care")


def listing(code, title, employment=100, titles=(), guide=None):
    return Listing(
        code=code,
        title=title,
        employment=employment,
        titles=[("main", title), *titles],
        occupation=code,
        guide=guide,
    )


def test_ranking_exact_main_then_exact_alternate_then_words():
    index = TitleIndex(
        [
            listing("11-1111.00", "Bakers", 10, guide="bakers"),
            listing(
                "22-2222.00",
                "Food Makers",
                9_000,
                [("alternate", "Baker")],
                guide="makers",
            ),
            listing(
                "33-3333.00",
                "Pastry Workers",
                90_000,
                [("reported", "Head Baker")],
                guide="pastry",
            ),
        ]
    )
    assert codes(index, "baker") == ["bakers", "makers", "pastry"]


def test_word_match_ties_go_to_the_main_title_then_more_titles_then_employment():
    index = TitleIndex(
        [
            listing(
                "11-1111.00", "Clerks", 10, [("alternate", "Night Desk Clerk")], "a"
            ),
            listing(
                "22-2222.00",
                "Front Staff",
                20,
                [("alternate", "Desk Clerk Trainee"), ("reported", "Desk Clerk Lead")],
                "b",
            ),
            listing(
                "33-3333.00", "Porters", 30, [("alternate", "Desk Clerk Aide")], "c"
            ),
            listing(
                "44-4444.00", "Guards", 40, [("alternate", "Desk Clerk Guard")], "d"
            ),
        ]
    )
    # a: "clerk" in its main title; b: two matching titles; then d before c by
    # employment.
    assert codes(index, "desk clerk") == ["a", "b", "d", "c"]


def test_a_title_without_a_guide_leads_to_the_nearest_guide_in_its_broad_group():
    index = TitleIndex(
        [
            listing("29-1141.00", "Registered Nurses", guide="rn"),
            listing("29-1141.04", "Clinical Nurse Specialists", guide=None),
            listing("29-1142.00", "Far Nurses", guide="far"),
            # 29-1151 is another broad group (29-1150) with no guide: dropped.
            listing("29-1151.00", "Nurse Anesthetists", guide=None),
        ]
    )
    matches = index.search("clinical nurse specialist")
    assert matches[0].career == "rn"
    assert matches[0].nearby
    assert matches[0].occupation == "29-1141.04"
    assert index.search("anesthetists") == []


def test_one_result_per_guide():
    index = TitleIndex(
        [
            listing("29-1141.00", "Registered Nurses", guide="rn"),
            listing("29-1141.01", "Acute Care Nurses", guide=None),
        ]
    )
    matches = index.search("nurses")
    assert [match.career for match in matches] == ["rn"]


def test_stem_makes_plurals_singular():
    pairs = {
        "clerks": "clerk",
        "secretaries": "secretary",
        "boxes": "box",
        "benches": "bench",
        "salesmen": "salesman",
        "business": "business",
        "status": "status",
        "rn": "rn",
        "nurses": "nurse",
    }
    assert {word: stem(word) for word in pairs} == pairs


def test_terms_are_distinct_stemmed_words():
    assert terms("Café Cashiers, café cashier") == ["cafe", "cashier"]


def test_one_letter_away_covers_each_kind_of_slip():
    near = one_letter_away("nurse")
    assert {"nuse", "nruse", "norse", "nurses"} <= near
    assert "nurse" not in near
