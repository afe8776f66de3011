"""Scoring properties over random assessments and answers: scores stay within
0-100, a better answer never lowers a score, weights behave, gaps and advice
say what they mean."""

import dataclasses
import itertools

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from assessments.scoring import (
    RATING_MAX,
    ChoiceSpec,
    Kind,
    QuestionSpec,
    RuleSpec,
    SectionSpec,
    question_fraction,
    round_score,
    score_attempt,
)

# Pure functions: each example takes well under a millisecond, so 200 apiece
# keeps the file to a few seconds.
props = settings(max_examples=200, deadline=None)

points = st.integers(min_value=-5, max_value=10)


@st.composite
def questions(draw, qid):
    kind = draw(
        st.sampled_from(
            [Kind.SINGLE, Kind.MULTIPLE, Kind.RATING, Kind.NUMBER, Kind.YES_NO]
        )
    )
    weight = draw(st.integers(min_value=1, max_value=5))
    choices = ()
    required_level = min_value = target_value = None
    if kind in (Kind.SINGLE, Kind.MULTIPLE, Kind.YES_NO):
        count = (
            2 if kind == Kind.YES_NO else draw(st.integers(min_value=1, max_value=5))
        )
        choices = tuple(
            ChoiceSpec(id=qid * 10 + n, points=draw(points)) for n in range(count)
        )
    elif kind == Kind.RATING:
        required_level = draw(st.none() | st.integers(min_value=1, max_value=5))
    else:
        min_value = draw(st.integers(min_value=-10, max_value=50))
        target_value = min_value + draw(st.integers(min_value=1, max_value=100))
    return QuestionSpec(
        id=qid,
        kind=kind,
        label=f"Q{qid}",
        weight=weight,
        choices=choices,
        required_level=required_level,
        min_value=min_value,
        target_value=target_value,
    )


@st.composite
def assessments(draw):
    ids = itertools.count(1)
    sections = []
    for sid in range(1, draw(st.integers(min_value=1, max_value=4)) + 1):
        count = draw(st.integers(min_value=1, max_value=4))
        sections.append(
            SectionSpec(
                id=sid,
                title=f"S{sid}",
                weight=draw(st.integers(min_value=1, max_value=10)),
                questions=tuple(draw(questions(next(ids))) for _ in range(count)),
            )
        )
    return sections


def answer_for(question):
    """A strategy for any valid answer to the question."""
    if question.kind in (Kind.SINGLE, Kind.YES_NO):
        return st.sampled_from([c.id for c in question.choices])
    if question.kind == Kind.MULTIPLE:
        return st.lists(st.sampled_from([c.id for c in question.choices]), max_size=6)
    if question.kind == Kind.RATING:
        return st.integers(min_value=1, max_value=5)
    low, high = question.min_value - 20, question.target_value + 20
    return st.integers(min_value=low, max_value=high) | st.floats(
        min_value=low, max_value=high
    )


@st.composite
def attempts(draw):
    """An assessment and answers to some (perhaps none) of its questions."""
    sections = draw(assessments())
    answers = {}
    for question in all_questions(sections):
        if draw(st.booleans()) or draw(st.booleans()):  # three in four answered
            answers[question.id] = draw(answer_for(question))
    return sections, answers


def all_questions(sections):
    return [q for s in sections for q in s.questions]


def section_of(sections, question):
    return next(s for s in sections if question in s.questions)


def better_answer(draw, question, answer):
    """An answer at least as good as `answer`, or None if there is none."""
    if question.kind in (Kind.SINGLE, Kind.YES_NO):
        points = {c.id: c.points for c in question.choices}
        better = [cid for cid, p in points.items() if p >= points[answer]]
        return draw(st.sampled_from(better))
    if question.kind == Kind.MULTIPLE:
        points = {c.id: c.points for c in question.choices}
        ticked = set(answer)
        moves = [("add", c) for c, p in points.items() if p > 0 and c not in ticked]
        moves += [("drop", c) for c in ticked if points[c] < 0]
        if not moves:
            return None
        move, cid = draw(st.sampled_from(moves))
        if move == "add":
            return [*answer, cid]
        return [c for c in answer if c != cid]
    if question.kind == Kind.RATING:
        return draw(st.integers(min_value=answer, max_value=5))
    return draw(st.floats(min_value=answer, max_value=question.target_value + 50))


def best_answer(question):
    if question.kind in (Kind.SINGLE, Kind.YES_NO):
        return max(question.choices, key=lambda c: c.points).id
    if question.kind == Kind.MULTIPLE:
        return [c.id for c in question.choices if c.points > 0]
    if question.kind == Kind.RATING:
        return RATING_MAX
    return question.target_value


def reweighted(sections, weights):
    return [
        dataclasses.replace(s, weight=w) for s, w in zip(sections, weights, strict=True)
    ]


@props
@given(attempts())
def test_every_score_is_within_0_and_100(attempt):
    sections, answers = attempt
    outcome = score_attempt(sections, answers)
    for section in outcome.sections:
        assert section.score is None or 0 <= section.score <= 100
    assert 0 <= outcome.overall <= 100
    assert isinstance(outcome.overall, int)


@props
@given(attempts(), st.data())
def test_a_better_answer_never_lowers_a_score(attempt, data):
    sections, answers = attempt
    assume(answers)
    qid = data.draw(st.sampled_from(sorted(answers)))
    question = next(q for q in all_questions(sections) if q.id == qid)
    assume(question_fraction(question, answers[qid]) is not None)
    better = better_answer(data.draw, question, answers[qid])
    assume(better is not None)

    before = score_attempt(sections, answers)
    after = score_attempt(sections, {**answers, qid: better})

    index = sections.index(section_of(sections, question))
    assert after.sections[index].score >= before.sections[index].score
    assert after.overall >= before.overall
    # No other section moves.
    for n, (old, new) in enumerate(zip(before.sections, after.sections, strict=True)):
        if n != index:
            assert old.score == new.score


@props
@given(attempts(), st.integers(min_value=2, max_value=10))
def test_scaling_every_section_weight_leaves_the_overall_unchanged(attempt, k):
    sections, answers = attempt
    before = score_attempt(sections, answers)
    after = score_attempt(
        reweighted(sections, [s.weight * k for s in sections]), answers
    )
    assert after.overall == before.overall
    assert after.band == before.band


@props
@given(attempts())
def test_overall_lies_between_the_lowest_and_highest_section(attempt):
    sections, answers = attempt
    outcome = score_attempt(sections, answers)
    scored = [s.score for s in outcome.sections if s.score is not None]
    if not scored:
        assert outcome.overall == 0
    else:
        assert round_score(min(scored)) <= outcome.overall <= round_score(max(scored))


@props
@given(attempts(), st.data())
def test_raising_a_section_weight_moves_the_overall_towards_it(attempt, data):
    sections, answers = attempt
    before = score_attempt(sections, answers)
    scored = [n for n, s in enumerate(before.sections) if s.score is not None]
    assume(scored)
    index = data.draw(st.sampled_from(scored))
    extra = data.draw(st.integers(min_value=1, max_value=50))
    weights = [s.weight + (extra if n == index else 0) for n, s in enumerate(sections)]
    after = score_attempt(reweighted(sections, weights), answers)

    # Rounding is monotonic, so the rounded overall stays between where it was
    # and the (rounded) score of the section that gained weight.
    target = round_score(before.sections[index].score)
    low, high = sorted([before.overall, target])
    assert low <= after.overall <= high
    if target > before.overall:
        assert after.overall >= before.overall
    elif target < before.overall:
        assert after.overall <= before.overall


@props
@given(attempts())
def test_gaps_are_exactly_the_answered_questions_below_full_marks(attempt):
    sections, answers = attempt
    outcome = score_attempt(sections, answers)
    expected = {
        q.id
        for q in all_questions(sections)
        if (fraction := question_fraction(q, answers.get(q.id))) is not None
        and fraction < 1
    }
    assert {g.question_id for g in outcome.gaps} == expected
    assert len(outcome.gaps) == len(expected)
    for gap in outcome.gaps:
        assert 0 <= gap.size <= RATING_MAX - 1
    # Sorted by size, then importance, both descending.
    keys = [(-g.size, -g.importance) for g in outcome.gaps]
    assert keys == sorted(keys)


@st.composite
def attempts_with_rules(draw):
    sections, answers = draw(attempts())
    rules = []
    for rid in range(1, draw(st.integers(min_value=0, max_value=6)) + 1):
        section = draw(st.sampled_from(sections))
        question = draw(st.none() | st.sampled_from(section.questions))
        rules.append(
            RuleSpec(
                id=rid,
                section_id=section.id,
                question_id=None if question is None else question.id,
                below_score=draw(st.integers(min_value=1, max_value=100)),
                title=f"Rule {rid}",
            )
        )
    return sections, answers, rules


@props
@given(attempts_with_rules())
def test_advice_is_ordered_by_a_lift_that_full_marks_would_deliver(attempt):
    sections, answers, rules = attempt
    outcome = score_attempt(sections, answers, rules=rules)
    # A whole-section rule gives advice exactly when the section, as shown, is
    # below its bar.
    scores = {s.id: s.score for s in outcome.sections}
    advised = {a.rule_id for a in outcome.advice}
    for rule in rules:
        if rule.question_id is None:
            score = scores[rule.section_id]
            below = score is not None and round_score(score) < rule.below_score
            assert (rule.id in advised) == below, rule

    lifts = [a.lift for a in outcome.advice]
    assert lifts == sorted(lifts, reverse=True)
    by_id = {r.id: r for r in rules}
    for item in outcome.advice:
        rule = by_id[item.rule_id]
        section = next(s for s in sections if s.id == rule.section_id)
        judged = (
            section.questions
            if rule.question_id is None
            else [q for q in section.questions if q.id == rule.question_id]
        )
        # Answer the judged questions (those answered) as well as possible: the
        # overall rises by the lift, give or take rounding of both overalls.
        improved = {
            **answers,
            **{q.id: best_answer(q) for q in judged if q.id in answers},
        }
        gained = score_attempt(sections, improved).overall - outcome.overall
        assert item.lift >= 0
        assert abs(gained - item.lift) <= 1.05, (item, gained)
