"""The weekly goal: pure calculations over counts per week, no database access.

Weeks run Monday to Sunday in the site's time zone (the caller passes
`timezone.localdate()`). An application counts in the week of its applied date,
archived or not: archiving tidies the list, it does not undo having applied.
Applications with no applied date never count.

Past weeks are measured against the goal the person has now: there is no
history of goals, so raising or lowering it recounts the streak at once.
`tracker.selectors.weekly_goal_for` loads the counts in one grouped query.
"""

from dataclasses import dataclass
from datetime import date, timedelta

# How many finished weeks back the streak looks. A streak that fills them all
# is shown as "at least" that many.
STREAK_WEEKS = 52


def week_start(day: date) -> date:
    """Return the Monday of the week `day` is in."""
    return day - timedelta(days=day.weekday())


def window_start(today: date) -> date:
    """Return the first day whose applications the streak can need."""
    return week_start(today) - timedelta(weeks=STREAK_WEEKS)


def window_end(today: date) -> date:
    """Return the Sunday of this week, the last day that counts."""
    return week_start(today) + timedelta(days=6)


@dataclass(frozen=True)
class WeeklyProgress:
    goal: int
    count: int  # applications with an applied date this week
    streak: int  # weeks in a row the goal was met, this week once it is met
    starts_on: date  # this week's Monday
    streak_capped: bool = False  # every week the window holds was met

    @property
    def ends_on(self) -> date:
        return self.starts_on + timedelta(days=6)

    @property
    def met(self) -> bool:
        return self.count >= self.goal

    @property
    def to_go(self) -> int:
        return max(self.goal - self.count, 0)

    @property
    def bar_value(self) -> int:
        """The progress bar's value: full once met, never past its maximum."""
        return min(self.count, self.goal)


def weekly_progress(
    *, goal: int, counts: dict[date, int], today: date
) -> WeeklyProgress:
    """Return this week's progress and the streak from counts keyed by Monday.

    The streak counts back from last week while each week met the goal; this
    week joins it once met, and an unfinished week never breaks it."""
    this_week = week_start(today)
    streak = 0
    monday = this_week - timedelta(weeks=1)
    while streak < STREAK_WEEKS and counts.get(monday, 0) >= goal:
        streak += 1
        monday -= timedelta(weeks=1)
    count = counts.get(this_week, 0)
    return WeeklyProgress(
        goal=goal,
        count=count,
        streak=streak + (count >= goal),
        starts_on=this_week,
        streak_capped=streak == STREAK_WEEKS,
    )
