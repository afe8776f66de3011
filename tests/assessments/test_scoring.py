"""Scoring, worked by hand: each question type, section and overall means,
rounding, bands, gaps and advice. Property tests live in test_scoring_properties.py."""

import math

import pytest

from assessments.scoring import (
    Band,
    BandThresholds,
    ChoiceSpec,
    Kind,
    QuestionSpec,
    RuleSpec,
    SectionSpec,
    band_for,
    question_fraction,
    round_score,
    score_attempt,
    section_score,
)


def choice_question(qid, kind, *points, weight=1, label=""):
    """A choice question whose choice ids are qid * 10 + 1, + 2, … in order."""
    choices = tuple(
        ChoiceSpec(id=qid * 10 + n, points=p) for n, p in enumerate(points, start=1)
    )
    return QuestionSpec(
        id=qid, kind=kind, choices=choices, weight=weight, label=label or f"Q{qid}"
    )


def yes_no(qid, yes=1, no=0, weight=1):
    """Choice qid*10+1 is Yes, qid*10+2 is No."""
    return choice_question(qid, Kind.YES_NO, yes, no, weight=weight)


def rating(qid, required_level=None, weight=1, label=""):
    return QuestionSpec(
        id=qid,
        kind=Kind.RATING,
        required_level=required_level,
        weight=weight,
        label=label or f"Q{qid}",
    )


def number(qid, min_value=0, target_value=45, weight=1):
    return QuestionSpec(
        id=qid,
        kind=Kind.NUMBER,
        min_value=min_value,
        target_value=target_value,
        weight=weight,
        label=f"Q{qid}",
    )


def section(sid, *questions, weight=1, title=""):
    return SectionSpec(
        id=sid, title=title or f"S{sid}", weight=weight, questions=questions
    )


def scores_by_title(outcome):
    return {s.title: s.score for s in outcome.sections}


# Single choice ---------------------------------------------------------------

SINGLE_Q = choice_question(1, Kind.SINGLE, 4, 2, 0)  # best 11, partial 12, zero 13


@pytest.mark.parametrize(("answer", "expected"), [(11, 1.0), (12, 0.5), (13, 0.0)])
def test_single_choice_earns_its_points_over_the_best_choice(answer, expected):
    assert question_fraction(SINGLE_Q, answer) == expected


def test_single_choice_with_no_points_anywhere_is_not_scored():
    survey = choice_question(2, Kind.SINGLE, 0, 0, 0)
    assert question_fraction(survey, 21) is None
    # …so it is left out of its section rather than dragging it to 0.
    sec = section(1, survey, rating(3))
    assert section_score(sec, {2: 21, 3: 5}) == 100


def test_single_choice_negative_points_clamp_at_zero():
    question = choice_question(1, Kind.SINGLE, 3, -3)
    assert question_fraction(question, 12) == 0.0


def test_single_choice_answer_that_is_not_a_choice_is_not_scored():
    assert question_fraction(SINGLE_Q, 99) is None


# Multiple choice ---------------------------------------------------------------

# CRM +3 (11), spreadsheets +2 (12), email +1 (13), "none of these" -2 (14):
# six points are available.
MULTI_Q = choice_question(1, Kind.MULTIPLE, 3, 2, 1, -2)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ([11, 12, 13], 6 / 6),
        ([11, 12], 5 / 6),
        ([13], 1 / 6),
        ([11, 14], (3 - 2) / 6),
        ([13, 14], 0.0),  # 1 - 2 = -1, clamped at 0
        ([14], 0.0),
        ([11, 11, 11], 3 / 6),  # a choice counts once however often it is sent
        ([], 0.0),  # answered, with nothing ticked
        ([11, 99], 3 / 6),  # an unknown id earns nothing
    ],
)
def test_multiple_choice_adds_points_over_the_positive_total(answer, expected):
    assert question_fraction(MULTI_Q, answer) == pytest.approx(expected)


def test_multiple_choice_empty_selection_counts_as_answered_zero():
    sec = section(1, MULTI_Q, rating(2))
    # (0 + 1) / 2: the empty selection is in the mean, an unanswered one is not.
    assert section_score(sec, {1: [], 2: 5}) == 50
    assert section_score(sec, {2: 5}) == 100


def test_multiple_choice_with_only_negative_points_is_not_scored():
    question = choice_question(1, Kind.MULTIPLE, 0, -1)
    assert question_fraction(question, [11]) is None


# Self-rating -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"), [(1, 0.0), (2, 0.25), (3, 0.5), (4, 0.75), (5, 1.0)]
)
def test_rating_without_required_level_runs_from_1_to_5(answer, expected):
    assert question_fraction(rating(1), answer) == expected


@pytest.mark.parametrize(
    ("answer", "expected"), [(1, 0.0), (2, 1 / 3), (3, 2 / 3), (4, 1.0), (5, 1.0)]
)
def test_rating_with_required_level_4_is_full_at_4_and_above(answer, expected):
    assert question_fraction(rating(1, required_level=4), answer) == pytest.approx(
        expected
    )


def test_rating_with_required_level_1_is_always_full():
    assert question_fraction(rating(1, required_level=1), 1) == 1.0


# Number ------------------------------------------------------------------------

WPM = number(1, min_value=0, target_value=45)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (30, 2 / 3),  # 30 WPM of a 45 WPM target
        (45, 1.0),
        (70, 1.0),  # above the target is still full marks
        (0, 0.0),  # the minimum earns nothing
        (-10, 0.0),  # below the minimum clamps
        (22.5, 0.5),
    ],
)
def test_number_scores_linearly_from_minimum_to_target(answer, expected):
    assert question_fraction(WPM, answer) == pytest.approx(expected)


def test_number_with_a_raised_minimum():
    question = number(1, min_value=20, target_value=40)
    assert question_fraction(question, 30) == 0.5
    assert question_fraction(question, 10) == 0.0


def test_number_without_a_usable_range_is_not_scored():
    assert question_fraction(number(1, min_value=0, target_value=None), 30) is None
    assert question_fraction(number(1, min_value=50, target_value=40), 30) is None


def test_number_that_is_not_finite_is_not_scored():
    # A NaN would otherwise reach round_score and raise.
    for value in (math.nan, math.inf, -math.inf):
        assert question_fraction(WPM, value) is None
    outcome = score_attempt([section(1, WPM, rating(2))], {1: math.nan, 2: 3})
    assert outcome.overall == 50


# Yes / no ----------------------------------------------------------------------


def test_yes_no_scores_the_answer_with_points():
    weekends = yes_no(1, yes=2, no=0)
    assert question_fraction(weekends, 11) == 1.0
    assert question_fraction(weekends, 12) == 0.0
    # A question where "No" is the good answer.
    dismissed = yes_no(2, yes=0, no=1)
    assert question_fraction(dismissed, 21) == 0.0
    assert question_fraction(dismissed, 22) == 1.0


@pytest.mark.parametrize("blank", [None, ""])
def test_unanswered_question_has_no_fraction(blank):
    for question in (SINGLE_Q, MULTI_Q, rating(1), WPM, yes_no(1)):
        assert question_fraction(question, blank) is None


def test_unknown_question_kind_is_an_error():
    with pytest.raises(ValueError, match="Unknown question kind"):
        question_fraction(QuestionSpec(id=1, kind="essay"), "text")


# Sections and the overall ------------------------------------------------------


def test_section_score_is_the_weighted_mean_of_its_questions():
    # Rating 2 of required 4 earns 1/3 at weight 3; yes earns 1 at weight 1:
    # (1/3 * 3 + 1 * 1) / 4 = 2/4 → 50.
    sec = section(1, rating(1, required_level=4, weight=3), yes_no(2))
    assert section_score(sec, {1: 2, 2: 21}) == pytest.approx(50)


def test_unanswered_optional_question_is_left_out_of_its_section():
    sec = section(1, rating(1), rating(2), yes_no(3))
    # Only the rating of 4 (0.75) and the yes (1) count: (0.75 + 1) / 2 → 87.5.
    assert section_score(sec, {1: 4, 3: 31}) == pytest.approx(87.5)
    assert section_score(sec, {}) is None


def test_overall_is_the_weighted_mean_of_the_sections_worked_by_hand():
    experience = section(
        1,
        choice_question(1, Kind.SINGLE, 0, 2, 4),  # answer 12: 2 of 4 → 0.5
        yes_no(2),  # answer yes (21) → 1
        weight=2,
        title="Experience",
    )
    tools = section(
        2,
        number(3, min_value=0, target_value=45),  # 30 WPM → 2/3
        rating(4, required_level=4, weight=2),  # rating 2 → 1/3, weight 2
        weight=3,
        title="Tools",
    )
    availability = section(
        3,
        choice_question(5, Kind.MULTIPLE, 2, 2, 1, -1),  # ticks 51 and 54: (2 - 1) / 5
        yes_no(6),  # optional, left unanswered
        weight=1,
        title="Availability",
    )
    references = section(4, yes_no(7), weight=5, title="References")  # unanswered
    answers = {1: 12, 2: 21, 3: 30, 4: 2, 5: [51, 54]}
    # Experience   (0.5 * 1 + 1 * 1) / 2          = 0.75  → 75,       weight 2
    # Tools        (2/3 * 1 + 1/3 * 2) / 3        = 4/9   → 44.444…,  weight 3
    # Availability (0.2 * 1) / 1 (Q6 left out)    = 0.2   → 20,       weight 1
    # References   nothing answered: no score and left out of the overall.
    # Overall (75 * 2 + 44.444… * 3 + 20 * 1) / (2 + 3 + 1)
    #       = (150 + 133.333… + 20) / 6 = 303.333… / 6 = 50.555… → 51
    outcome = score_attempt([experience, tools, availability, references], answers)
    assert scores_by_title(outcome) == {
        "Experience": pytest.approx(75),
        "Tools": pytest.approx(400 / 9),
        "Availability": pytest.approx(20),
        "References": None,
    }
    assert outcome.overall == 51
    assert outcome.band == Band.GETTING_THERE


def test_nothing_answered_scores_zero_not_yet():
    outcome = score_attempt([section(1, rating(1)), section(2, yes_no(2))], {})
    assert outcome.overall == 0
    assert outcome.band == Band.NOT_YET
    assert [s.score for s in outcome.sections] == [None, None]
    assert outcome.gaps == []


# Rounding ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (64.5, 65),
        (64.49, 64),
        (62.5, 63),  # half up, not to even (round() would give 62)
        (0.5, 1),
        (99.5, 100),
        (0, 0),
        (100, 100),
    ],
)
def test_round_score_rounds_half_up(value, expected):
    assert round_score(value) == expected


def test_overall_of_exactly_a_half_rounds_up():
    # Sections at 75 (rating 4) and 50 (rating 3): (75 + 50) / 2 = 62.5 → 63.
    outcome = score_attempt(
        [section(1, rating(1)), section(2, rating(2))], {1: 4, 2: 3}
    )
    assert outcome.overall == 63


def test_a_half_reached_through_float_arithmetic_still_rounds_up():
    # No (0) at weight 1 and 3 of 10 points at weight 3: (0 + 0.3 * 3) / 4 = 0.225,
    # which floats compute as 22.499999999999996; the score is 22.5 → 23.
    sec = section(1, yes_no(1), choice_question(2, Kind.SINGLE, 10, 3, weight=3))
    outcome = score_attempt([sec], {1: 12, 2: 22})
    assert outcome.overall == 23


# Bands -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0, Band.NOT_YET),
        (39, Band.NOT_YET),
        (40, Band.GETTING_THERE),
        (64, Band.GETTING_THERE),
        (65, Band.READY),
        (84, Band.READY),
        (85, Band.STRONG),
        (100, Band.STRONG),
    ],
)
def test_default_bands_start_exactly_at_each_threshold(score, band):
    assert band_for(score, BandThresholds()) == band


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (49, Band.NOT_YET),
        (50, Band.GETTING_THERE),
        (69, Band.GETTING_THERE),
        (70, Band.READY),
        (89, Band.READY),
        (90, Band.STRONG),
    ],
)
def test_custom_band_thresholds(score, band):
    thresholds = BandThresholds(getting_there=50, ready=70, strong=90)
    assert band_for(score, thresholds) == band


def test_equal_thresholds_skip_the_bands_between():
    thresholds = BandThresholds(getting_there=60, ready=60, strong=60)
    assert band_for(59, thresholds) == Band.NOT_YET
    assert band_for(60, thresholds) == Band.STRONG


def test_band_is_judged_on_the_rounded_overall():
    # 62.5 shows as 63, so a Ready bar at 63 is reached.
    thresholds = BandThresholds(getting_there=50, ready=63, strong=90)
    outcome = score_attempt(
        [section(1, rating(1)), section(2, rating(2))],
        {1: 4, 2: 3},
        thresholds=thresholds,
    )
    assert outcome.overall == 63
    assert outcome.band == Band.READY
    assert outcome.band.label == "Ready"


# Gaps --------------------------------------------------------------------------


def test_skills_gap_sorted_by_size_then_importance():
    # Weight and required level both come from the skill's importance.
    skills = [
        ("Active listening", 5, 4),  # gap 1
        ("Typing accuracy", 4, 1),  # gap 3
        ("CRM software", 3, 1),  # gap 2, importance 3
        ("Patience", 2, 2),  # no gap: at the required level
        ("Spreadsheets", 5, 3),  # gap 2, importance 5: before CRM
        ("Note taking", 1, 1),  # importance 1: any rating is enough
    ]
    questions = [
        rating(n, required_level=importance, weight=importance, label=name)
        for n, (name, importance, _) in enumerate(skills, start=1)
    ]
    answers = {n: level for n, (_, _, level) in enumerate(skills, start=1)}
    outcome = score_attempt([section(1, *questions, title="Skills")], answers)
    assert [(g.label, g.size, g.importance) for g in outcome.gaps] == [
        ("Typing accuracy", 3, 4),
        ("Spreadsheets", 2, 5),
        ("CRM software", 2, 3),
        ("Active listening", 1, 5),
    ]
    typing = outcome.gaps[0]
    assert (typing.your_level, typing.required_level, typing.section) == (
        1,
        4,
        "Skills",
    )


def test_gaps_of_other_question_types_are_measured_in_rating_levels():
    questions = (
        WPM,  # 30 of 45 WPM: 1/3 short of full
        choice_question(2, Kind.SINGLE, 4, 2, 0),  # the partial choice: half short
        yes_no(3),  # No: a full miss
        rating(4),  # 5: full, no gap
        choice_question(5, Kind.SINGLE, 4, 0),  # unanswered: no gap
    )
    outcome = score_attempt([section(1, *questions)], {1: 30, 2: 22, 3: 32, 4: 5})
    # Sizes on the 4-level scale of a rating: 4 * (1 - fraction), to 2 places.
    assert [(g.question_id, g.size) for g in outcome.gaps] == [
        (3, 4.0),
        (2, 2.0),
        (1, 1.33),
    ]
    assert outcome.gaps[0].your_level is None


# Advice ------------------------------------------------------------------------


def advice_assessment():
    tools = section(
        1,
        yes_no(1),  # CRM used? No → 0
        rating(2),  # 5 → 1
        rating(3, weight=2),  # 4 → 0.75, weight 2
        weight=2,
        title="Tools",
    )
    channels = section(
        2,
        number(4, min_value=0, target_value=10),  # 8 → 0.8
        yes_no(5),  # yes → 1
        title="Channels",
    )
    availability = section(3, yes_no(6), yes_no(7), title="Availability")
    references = section(4, yes_no(8), title="References")
    answers = {1: 12, 2: 5, 3: 4, 4: 8, 5: 51, 6: 61}
    return [tools, channels, availability, references], answers


def rule(rule_id, section_id, below, question_id=None):
    return RuleSpec(
        id=rule_id,
        section_id=section_id,
        below_score=below,
        title=f"Rule {rule_id}",
        question_id=question_id,
    )


def test_advice_only_below_the_bar_ordered_by_lift():
    sections, answers = advice_assessment()
    # Tools        (0 + 1 + 0.75 * 2) / 4 = 62.5, weight 2
    # Channels     (0.8 + 1) / 2          = 90,   weight 1
    # Availability 1 (Q7 unanswered)      = 100,  weight 1
    # References   unanswered: no score, so out of the scored weight 2 + 1 + 1 = 4
    # Overall (62.5 * 2 + 90 + 100) / 4 = 78.75 → 79.
    #
    # Lift = overall points gained if the judged part reached full marks:
    # r1 Channels < 95:     (100 - 90) * 1/4                     = 2.5
    # r2 Tools Q1 < 50:     Q1 at 0: (1 - 0) * 1/4 * 100 * 2/4   = 12.5
    # r3 Availability < 100: at 100, not below                   → hidden
    # r4 Tools < 70:        (100 - 62.5) * 2/4                   = 18.75 → 18.8
    # r5 Channels Q4 < 80:  Q4 at exactly 80, not below          → hidden
    # r6 Channels Q4 < 90:  (1 - 0.8) * 1/2 * 100 * 1/4          = 2.5 (ties r1,
    #                       which comes first in the rule order)
    # r7 Tools < 60:        62.5 is not below 60                 → hidden
    # r8 Availability Q7:   unanswered                           → hidden
    # r9 References < 100:  nothing answered                     → hidden
    rules = [
        rule(1, 2, 95),
        rule(2, 1, 50, question_id=1),
        rule(3, 3, 100),
        rule(4, 1, 70),
        rule(5, 2, 80, question_id=4),
        rule(6, 2, 90, question_id=4),
        rule(7, 1, 60),
        rule(8, 3, 100, question_id=7),
        rule(9, 4, 100),
    ]
    outcome = score_attempt(sections, answers, rules=rules)
    assert outcome.overall == 79
    assert [(a.rule_id, a.lift) for a in outcome.advice] == [
        (4, 18.8),
        (2, 12.5),
        (1, 2.5),
        (6, 2.5),
    ]


def test_advice_carries_the_rule_text_and_link():
    sections, answers = advice_assessment()
    tools_rule = RuleSpec(
        id=1,
        section_id=1,
        below_score=70,
        title="Practise with a CRM",
        advice="Free trials let you learn the basics.",
        url="/careers/customer-service-clerk/#tools-and-technologies",
        link_text="Tools in the guide",
    )
    (item,) = score_attempt(sections, answers, rules=[tools_rule]).advice
    assert (item.title, item.advice, item.url, item.link_text) == (
        "Practise with a CRM",
        "Free trials let you learn the basics.",
        "/careers/customer-service-clerk/#tools-and-technologies",
        "Tools in the guide",
    )


def test_question_rule_for_a_question_of_another_section_is_ignored():
    sections, answers = advice_assessment()
    # Q1 belongs to Tools, not Channels.
    outcome = score_attempt(sections, answers, rules=[rule(1, 2, 100, question_id=1)])
    assert outcome.advice == []


def test_advice_judges_the_section_score_as_shown():
    # Ratings 4 and 3: (0.75 + 0.5) / 2 = 62.5, shown as 63: not below 63.
    sec = section(1, rating(1), rating(2))
    outcome = score_attempt([sec], {1: 4, 2: 3}, rules=[rule(1, 1, 63), rule(2, 1, 64)])
    assert [a.rule_id for a in outcome.advice] == [2]


def test_advice_bar_is_not_missed_by_float_noise():
    # 29 of 100 points: 0.29 * 100 floats to 28.999999999999996, but the score is 29.
    sec = section(1, choice_question(1, Kind.SINGLE, 100, 29))
    outcome = score_attempt([sec], {1: 12}, rules=[rule(1, 1, 29), rule(2, 1, 30)])
    assert [a.rule_id for a in outcome.advice] == [2]
    assert outcome.overall == 29
