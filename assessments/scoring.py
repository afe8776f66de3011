"""Scoring an attempt: pure functions over plain data, no database access.

Every question earns a fraction from 0 to 1 of its marks; a section's score is
the weighted mean of its answered questions, out of 100; the overall score is the
weighted mean of the sections; the band comes from the assessment's thresholds.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

# Only the models' choice enums: scoring reads no rows.
from assessments.models import Question, Result

Kind = Question.Kind
Band = Result.Band

RATING_MIN, RATING_MAX = 1, 5


@dataclass(frozen=True)
class BandThresholds:
    """The lowest overall score of each band above Not yet."""

    getting_there: int = 40
    ready: int = 65
    strong: int = 85


@dataclass(frozen=True)
class ChoiceSpec:
    id: int
    points: int


@dataclass(frozen=True)
class QuestionSpec:
    id: int
    kind: str
    label: str = ""
    weight: int = 1
    choices: tuple[ChoiceSpec, ...] = ()
    required_level: int | None = None  # rating: the level that earns full marks
    min_value: float | None = None  # number: earns nothing
    target_value: float | None = None  # number: earns full marks


@dataclass(frozen=True)
class SectionSpec:
    id: int
    title: str
    weight: int = 1
    questions: tuple[QuestionSpec, ...] = ()


@dataclass(frozen=True)
class RuleSpec:
    """Advice for a section, or one of its questions, scoring below a bar."""

    id: int
    section_id: int
    below_score: int
    title: str
    advice: str = ""
    url: str = ""
    link_text: str = ""
    question_id: int | None = None


@dataclass(frozen=True)
class SectionScore:
    id: int
    title: str
    weight: int
    score: float | None  # None when no question of the section was answered


@dataclass(frozen=True)
class Gap:
    question_id: int
    label: str
    section: str
    size: float  # levels short on the 1-5 scale (a missed question counts as 4)
    importance: int
    your_level: int | None = None
    required_level: int | None = None


@dataclass(frozen=True)
class Advice:
    rule_id: int
    title: str
    advice: str
    url: str
    link_text: str
    lift: float  # overall points gained if the judged part reached full marks


@dataclass(frozen=True)
class Outcome:
    overall: int
    band: Band
    sections: list[SectionScore]
    gaps: list[Gap] = field(default_factory=list)
    advice: list[Advice] = field(default_factory=list)


def _clamp(value: float) -> float:
    return min(max(value, 0.0), 1.0)


def question_fraction(question: QuestionSpec, answer) -> float | None:
    """The share of the question's marks an answer earns, or None when it
    earns nothing either way (unanswered, or a question that cannot be scored)."""
    if answer is None or answer == "":
        return None
    if question.kind in (Kind.SINGLE, Kind.YES_NO):
        points = {choice.id: choice.points for choice in question.choices}
        best = max(points.values(), default=0)
        if best <= 0 or answer not in points:
            return None
        return _clamp(points[answer] / best)
    if question.kind == Kind.MULTIPLE:
        points = {choice.id: choice.points for choice in question.choices}
        available = sum(p for p in points.values() if p > 0)
        if available <= 0:
            return None
        earned = sum(points.get(choice_id, 0) for choice_id in set(answer))
        return _clamp(earned / available)
    if question.kind == Kind.RATING:
        required = question.required_level or RATING_MAX
        if required <= RATING_MIN:
            return 1.0
        level = min(max(int(answer), RATING_MIN), required)
        return (level - RATING_MIN) / (required - RATING_MIN)
    if question.kind == Kind.NUMBER:
        low, target = question.min_value, question.target_value
        if low is None or target is None or target <= low:
            return None
        value = float(answer)
        if not math.isfinite(value):
            return None
        return _clamp((value - low) / (target - low))
    raise ValueError(f"Unknown question kind: {question.kind}")


def _weighted_mean(pairs: Sequence[tuple[float, int]]) -> float | None:
    total_weight = sum(weight for _, weight in pairs)
    if not total_weight:
        return None
    return sum(value * weight for value, weight in pairs) / total_weight


def section_score(section: SectionSpec, answers: Mapping) -> float | None:
    """The section's score out of 100, over the questions that were answered."""
    pairs = []
    for question in section.questions:
        fraction = question_fraction(question, answers.get(question.id))
        if fraction is not None:
            pairs.append((fraction, question.weight))
    mean = _weighted_mean(pairs)
    return None if mean is None else mean * 100


def round_score(value: float) -> int:
    """Round half up, so 64.5 reads as 65 wherever it is shown."""
    # Round to 9 places first: float noise turns an exact 22.5 into
    # 22.499999999999996, which would otherwise round down.
    return math.floor(round(value, 9) + 0.5)


def band_for(score: float, thresholds: BandThresholds) -> Band:
    if score >= thresholds.strong:
        return Band.STRONG
    if score >= thresholds.ready:
        return Band.READY
    if score >= thresholds.getting_there:
        return Band.GETTING_THERE
    return Band.NOT_YET


def _gaps(sections: Sequence[SectionSpec], answers: Mapping) -> list[Gap]:
    gaps = []
    for section in sections:
        for question in section.questions:
            answer = answers.get(question.id)
            fraction = question_fraction(question, answer)
            if fraction is None or fraction >= 1:
                continue
            your_level = required = None
            if question.kind == Kind.RATING:
                your_level = int(answer)
                required = question.required_level or RATING_MAX
                size = float(required - your_level)
            else:
                size = round((1 - fraction) * (RATING_MAX - RATING_MIN), 2)
            gaps.append(
                Gap(
                    question_id=question.id,
                    label=question.label,
                    section=section.title,
                    size=size,
                    importance=question.weight,
                    your_level=your_level,
                    required_level=required,
                )
            )
    # Biggest gap first; among equal gaps, the one that matters most.
    return sorted(gaps, key=lambda gap: (-gap.size, -gap.importance))


def _advice(
    sections: Sequence[SectionSpec],
    scores: Sequence[SectionScore],
    answers: Mapping,
    rules: Sequence[RuleSpec],
) -> list[Advice]:
    scored_weight = sum(s.weight for s in scores if s.score is not None)
    by_id = {s.id: s for s in scores}
    specs = {s.id: s for s in sections}
    advice = []
    for position, rule in enumerate(rules):
        score = by_id.get(rule.section_id)
        if score is None or score.score is None or not scored_weight:
            continue
        share = score.weight / scored_weight
        if rule.question_id is None:
            judged = score.score
            lift = (100 - score.score) * share
        else:
            section = specs[rule.section_id]
            question = next(
                (q for q in section.questions if q.id == rule.question_id), None
            )
            fraction = (
                None
                if question is None
                else question_fraction(question, answers.get(question.id))
            )
            if fraction is None:
                continue
            answered_weight = sum(
                q.weight
                for q in section.questions
                if question_fraction(q, answers.get(q.id)) is not None
            )
            judged = fraction * 100
            lift = (1 - fraction) * question.weight / answered_weight * 100 * share
        # Judge the score as the person sees it, so "below 65" never fires at 65.
        if round_score(judged) < rule.below_score:
            advice.append(
                (
                    -lift,
                    position,
                    Advice(
                        rule_id=rule.id,
                        title=rule.title,
                        advice=rule.advice,
                        url=rule.url,
                        link_text=rule.link_text,
                        lift=round(lift, 1),
                    ),
                )
            )
    return [item for _, _, item in sorted(advice, key=lambda row: row[:2])]


def score_attempt(
    sections: Sequence[SectionSpec],
    answers: Mapping,
    *,
    thresholds: BandThresholds | None = None,
    rules: Sequence[RuleSpec] = (),
) -> Outcome:
    """Score every section, the overall, the band, the gaps and the advice.

    `answers` maps a question id to a choice id (single, yes/no), a list of
    choice ids (multiple), a level 1-5 (rating) or a number.
    """
    thresholds = thresholds or BandThresholds()
    scores = [
        SectionScore(
            id=section.id,
            title=section.title,
            weight=section.weight,
            score=section_score(section, answers),
        )
        for section in sections
    ]
    overall = _weighted_mean(
        [(s.score, s.weight) for s in scores if s.score is not None]
    )
    overall_score = round_score(overall or 0)
    return Outcome(
        overall=overall_score,
        band=band_for(overall_score, thresholds),
        sections=scores,
        gaps=_gaps(sections, answers),
        advice=_advice(sections, scores, answers, rules),
    )
