"""Resume match rules (tracker.matching): pure functions, no database."""

import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import docx_with_text, pdf_with_text
from tracker.matching import (
    MAX_TEXT_CHARS,
    UnreadableDocument,
    extract_text,
    match_resume,
    occupation_terms,
    posting_terms,
    stem,
    tokens,
)

POSTING = """Receptionist wanted. The receptionist greets visitors and answers
phones. Scheduling appointments and scheduling rooms; scheduling is daily.
Experience with Microsoft Excel software and the team's phones."""

RESUME = """Front desk assistant. Greeted visitors, answered phones and kept
the schedule of appointments in Microsoft Excel. Active listener."""


def test_a_hand_worked_score():
    terms = posting_terms(
        POSTING,
        skills=["Active Listening", "Speaking"],
        technologies=["Microsoft Excel", "Adobe Photoshop"],
    )
    # By hand: "Active Listening" and "Speaking" are never used by the
    # posting: weight 1 each. Microsoft Excel is named once ("software" left
    # off): weight 1; Photoshop is not named, so it is no term. The posting's
    # own words used twice or more: scheduling (3 times: weight 3), phones
    # (2), receptionist (2). "Experience" and "team" are stop words.
    assert [(t.label, t.source, t.mentions, t.weight) for t in terms] == [
        ("Active Listening", "skill", 0, 1),
        ("Speaking", "skill", 0, 1),
        ("Microsoft Excel", "technology", 1, 1),
        ("scheduling", "posting", 3, 3),
        ("receptionist", "posting", 2, 2),
        ("phones", "posting", 2, 2),
    ]
    match = match_resume(terms, RESUME)
    # Found: Microsoft Excel (1), "schedule" stems like "scheduling" (3),
    # "phones" (2). "Active listener" is not "active listening"; no speaking;
    # no receptionist. 1 + 3 + 2 = 6 of 1 + 1 + 1 + 3 + 2 + 2 = 10: 60%.
    assert [t.label for t in match.found] == ["Microsoft Excel", "scheduling", "phones"]
    assert [t.label for t in match.missing] == [
        "Active Listening",
        "Speaking",
        "receptionist",
    ]
    assert (match.found_weight, match.total_weight, match.score) == (6, 10, 60)


def test_the_score_rounds_halves_up_and_is_none_without_terms():
    terms = posting_terms("forklift forklift pallets pallets crates crates")
    assert [t.weight for t in terms] == [2, 2, 2]
    # 2 of 6 = 33.3% → 33; 4 of 6 = 66.7% → 67.
    assert match_resume(terms, "forklift").score == 33
    assert match_resume(terms, "forklift pallets").score == 67
    one_of_eight = posting_terms("a1 a1 b2 b2 c3 c3 d4 d4")
    assert match_resume(one_of_eight, "irrelevant").score == 0
    assert match_resume([], "anything").score is None


def test_weights_stop_at_three():
    [term] = posting_terms("python " * 9)
    assert (term.mentions, term.weight) == (9, 3)


def test_stemming_and_stop_words():
    assert {stem(w) for w in ("managing", "managed", "manages", "manage")} == {"manag"}
    assert stem("planning") == stem("plans") == "plan"
    assert stem("companies") == "company"
    assert stem("business") == "business"
    assert stem("c++") == "c++"
    assert [word for _, word in tokens("The team's C++ and node.js experience.")] == [
        "c++",
        "node.js",
    ]


def test_the_occupation_gives_its_most_important_skills_and_its_technologies():
    facts = {
        "skills": [
            {"name": f"Skill {n}", "im": n / 10} for n in range(12)
        ],  # Skill 11 is the most important
        "technology": [{"name": "SAP software", "hot": True}],
    }
    skills, technologies = occupation_terms(facts)
    assert skills == [f"Skill {n}" for n in range(11, 1, -1)]
    assert technologies == ["SAP software"]
    assert occupation_terms({}) == ([], [])


def test_text_from_a_pdf_made_here():
    pdf = pdf_with_text(
        [["Jane Doe (customer service)", "Microsoft Excel"], ["Page two: data entry"]]
    )
    text = extract_text(pdf, suffix=".pdf")
    assert "Jane Doe (customer service)" in text
    assert "Page two: data entry" in text


def test_text_from_a_docx_made_here():
    docx = docx_with_text(["Jane Doe", "Skills: Excel & <scheduling>"])
    assert (
        extract_text(docx, suffix=".docx") == "Jane Doe\nSkills: Excel & <scheduling>"
    )


def test_plain_text_falls_back_from_utf8():
    assert extract_text("Café ✓".encode(), suffix=".txt") == "Café ✓"
    assert extract_text("Café".encode("cp1252"), suffix=".txt") == "Café"
    assert extract_text(b"\x81\x8d odd bytes", suffix=".txt").endswith("odd bytes")


def test_text_is_capped():
    assert len(extract_text(b"x" * (MAX_TEXT_CHARS + 10), suffix=".txt")) == (
        MAX_TEXT_CHARS
    )


def _zip(name: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "suffix"),
    [
        (b"%PDF-1.4 nothing else", ".pdf"),
        (b"PK\x03\x04 broken", ".docx"),
        (_zip("other.xml", b"<x/>"), ".docx"),
        (_zip("word/document.xml", b"<w:document"), ".docx"),
        (
            _zip(
                "word/document.xml",
                b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa">]><l>&a;</l>',
            ),
            ".docx",
        ),
    ],
    ids=["pdf", "zip", "no document.xml", "bad xml", "dtd"],
)
def test_damaged_files_are_unreadable(data, suffix):
    with pytest.raises(UnreadableDocument):
        extract_text(data, suffix=suffix)


@settings(max_examples=200, deadline=None)
@given(posting=st.text(max_size=400), resume=st.text(max_size=400))
def test_any_text_gives_a_score_from_0_to_100(posting, resume):
    terms = posting_terms(posting, skills=["Active Listening"], technologies=["C++"])
    match = match_resume(terms, resume)
    assert match.score is not None
    assert 0 <= match.score <= 100
    assert match.found_weight <= match.total_weight
