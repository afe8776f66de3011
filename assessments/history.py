"""A person's attempts grouped by assessment, with the chart and the changes."""

from dataclasses import dataclass

from django.utils import formats

from assessments.models import Assessment, Result
from assessments.progress import Comparison, compare_attempts
from core.charts import LineChart, line_chart


@dataclass
class AssessmentHistory:
    assessment: Assessment
    attempts: list[Result]  # newest first
    chart: LineChart
    comparison: Comparison | None  # the last two attempts, when there are two

    @property
    def latest(self) -> Result:
        return self.attempts[0]

    @property
    def change(self) -> int | None:
        if len(self.attempts) < 2:
            return None
        return self.attempts[0].overall_score - self.attempts[1].overall_score

    @property
    def change_size(self) -> int | None:
        return None if self.change is None else abs(self.change)


def history_for(results: list[Result]) -> list[AssessmentHistory]:
    """Group results (oldest first, assessment selected) by assessment."""
    grouped: dict[int, list[Result]] = {}
    for result in results:
        grouped.setdefault(result.assessment_id, []).append(result)
    histories = []
    for attempts in grouped.values():
        chart = line_chart(
            [
                (formats.date_format(r.created_at, "j M Y"), r.overall_score)
                for r in attempts
            ]
        )
        comparison = (
            compare_attempts(attempts[-2].section_scores, attempts[-1].section_scores)
            if len(attempts) >= 2
            else None
        )
        histories.append(
            AssessmentHistory(
                assessment=attempts[0].assessment,
                attempts=attempts[::-1],
                chart=chart,
                comparison=comparison,
            )
        )
    # The assessment worked on most recently comes first.
    return sorted(histories, key=lambda h: h.latest.created_at, reverse=True)
