"""Match my skills' scoring: pure functions, no database."""

from hypothesis import given
from hypothesis import strategies as st

from assessments.skills_match import (
    EDUCATION_UP_TO,
    PAY_AT_LEAST,
    Candidate,
    Criteria,
    best_matches,
    candidate_skills,
    clean_ratings,
    complete_ratings,
    fit,
    holding_back,
    ratings_changes,
    skill_groups,
    skill_names,
)

READING, WRITING, MATHS = "2.A.1.a", "2.A.1.c", "2.A.1.e"
SKILL_IDS = list(skill_names())


def candidate(title, skills, *, education="", pay=None, code=None) -> Candidate:
    return Candidate(
        career_id=0,
        slug=title.lower(),
        title=title,
        code=code or title,
        education=education,
        pay=pay,
        skills=tuple(sorted(skills)),
    )


def test_the_questionnaire_asks_o_nets_35_skills_in_its_seven_groups():
    groups = skill_groups()

    assert len(skill_names()) == 35
    assert [group.name for group in groups][:2] == [
        "Basic skills: content",
        "Basic skills: process",
    ]
    assert len(groups) == 7
    assert groups[0].skills[0].name == "Reading Comprehension"


def test_required_levels_are_rescaled_as_the_skills_gap_analyses_do():
    skills = [
        {"id": READING, "im": 3.5, "lv": 3.5},  # 1 + 3.5 x 4/7 = 3
        {"id": WRITING, "im": 2.0, "lv": 7.0},  # 5
        {"id": MATHS, "im": 4.0, "lv": None},  # no level: left out
        "not a skill",
    ]

    assert candidate_skills(skills) == ((READING, 3.5, 3), (WRITING, 2.0, 5))


def test_a_hand_worked_ranking():
    ratings = {READING: 4, WRITING: 2, MATHS: 5}
    # Need Σ im·required, met Σ im·min(rating, required):
    a = candidate("A", [(READING, 4, 3), (WRITING, 2, 4)])  # 16 / 20 = 0.8
    b = candidate("B", [(MATHS, 5, 5), (READING, 1, 5)])  # 29 / 30
    c = candidate("C", [(WRITING, 5, 5), (MATHS, 1, 2)])  # 12 / 27
    d = candidate("D", [(READING, 3, 2)])  # 6 / 6 = 1

    matches = best_matches(ratings, [a, b, c, d], limit=3)

    assert [match.candidate.title for match in matches] == ["D", "B", "A"]
    assert [round(match.fit, 4) for match in matches] == [1.0, 0.9667, 0.8]
    assert [match.percent for match in matches] == [100, 96, 80]
    assert round(fit(ratings, c.skills), 4) == round(12 / 27, 4)


def test_ties_go_to_the_title_then_the_code():
    skills = [(READING, 3, 3)]
    tied = [
        candidate("B", skills),
        candidate("A", skills, code="2"),
        candidate("A", skills, code="1"),
    ]

    matches = best_matches({READING: 3}, tied)

    assert [(m.candidate.title, m.candidate.code) for m in matches] == [
        ("A", "1"),
        ("A", "2"),
        ("B", "B"),
    ]


def test_the_skills_holding_a_match_back_cost_it_most_first():
    ratings = {READING: 1, WRITING: 4, MATHS: 2}
    skills = [
        (READING, 2.0, 3),  # 2 x 2 = 4
        (WRITING, 5.0, 4),  # met
        (MATHS, 4.5, 4),  # 4.5 x 2 = 9
        ("2.A.1.d", 1.5, 2),  # not rated: from 1, 1.5 x 1
        ("2.A.1.b", 1.0, 1),  # met at the lowest level
    ]

    short = holding_back(ratings, skills)

    assert [(s.name, s.rating, s.required) for s in short] == [
        ("Mathematics", 2, 4),
        ("Reading Comprehension", 1, 3),
        ("Speaking", 1, 2),
    ]
    assert holding_back(ratings, skills, limit=2)[-1].levels == 2
    assert holding_back({READING: 5}, [(READING, 3.0, 4)]) == []


@given(
    skills=st.lists(
        st.tuples(
            st.sampled_from(SKILL_IDS),
            st.floats(min_value=1, max_value=5),
            st.integers(min_value=1, max_value=5),
        ),
        min_size=1,
        max_size=35,
        unique_by=lambda skill: skill[0],
    ),
    ratings=st.dictionaries(
        st.sampled_from(SKILL_IDS), st.integers(min_value=1, max_value=5)
    ),
    raised=st.sampled_from(SKILL_IDS),
    by=st.integers(min_value=1, max_value=4),
)
def test_raising_a_rating_never_lowers_a_fit(skills, ratings, raised, by):
    before = fit(ratings, skills)
    higher = {**ratings, raised: min(5, ratings.get(raised, 1) + by)}

    after = fit(higher, skills)

    assert 0 <= before <= after <= 1


def test_filters_keep_education_up_to_the_persons_and_pay_from_a_floor():
    high_school = EDUCATION_UP_TO["high-school"][1]
    jobs = [
        candidate(
            "None",
            [(READING, 3, 3)],
            education="No formal educational credential",
            pay=30_000,
        ),
        candidate(
            "School",
            [(READING, 3, 3)],
            education="High school diploma or equivalent",
            pay=61_000,
        ),
        candidate(
            "Degree", [(READING, 3, 3)], education="Bachelor's degree", pay=90_000
        ),
        candidate("Unpublished", [(READING, 3, 3)]),
    ]

    def titles(criteria):
        return sorted(
            m.candidate.title
            for m in best_matches({READING: 3}, jobs, criteria=criteria)
        )

    assert titles(Criteria(education_up_to=high_school)) == ["None", "School"]
    assert titles(Criteria(pay_at_least=PAY_AT_LEAST["60k"][1])) == ["Degree", "School"]
    assert titles(Criteria(education_up_to=high_school, pay_at_least=60_000)) == [
        "School"
    ]
    assert titles(Criteria()) == ["Degree", "None", "School", "Unpublished"]
    assert (
        EDUCATION_UP_TO["high-school"][0] == "High school diploma or equivalent or less"
    )
    assert PAY_AT_LEAST["60k"] == ("$60,000 or more", 60_000)


def test_only_known_skills_and_ratings_from_1_to_5_are_kept():
    raw = {READING: "3", WRITING: "6", MATHS: "", "2.Z": "4", "2.A.1.d": 5}

    assert clean_ratings(raw) == {READING: 3, "2.A.1.d": 5}
    assert complete_ratings(raw) is None
    assert complete_ratings(dict.fromkeys(SKILL_IDS, "2")) == dict.fromkeys(
        SKILL_IDS, 2
    )


def test_a_retake_says_which_skills_moved():
    before = dict.fromkeys(SKILL_IDS, 3)
    after = {**before, READING: 5, MATHS: 1}

    changes = ratings_changes(before, after)

    assert [(c.title, c.before, c.after) for c in changes.up] == [
        ("Reading Comprehension", 3, 5)
    ]
    assert [(c.title, c.change) for c in changes.down] == [("Mathematics", -2)]
    assert len(changes.unchanged) == 33
