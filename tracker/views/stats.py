"""The stats page: how the search is going, from the recorded history."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.charts import column_chart, horizontal_bar_chart
from tracker.selectors import stats_for
from tracker.stats import Stats
from tracker.templatetags.tracker_reports import percent


def stats_context(stats: Stats) -> dict:
    """The stats and the geometry of their charts, for tracker/includes/stats.html."""
    funnel_items = []
    for index, stage in enumerate(stats.funnel):
        value_label = str(stage.count)
        if index:
            previous = stats.funnel[index - 1].label.lower()
            value_label += f" ({percent(stage.conversion)} of {previous})"
        funnel_items.append((stage.label, stage.count, value_label))
    return {
        "stats": stats,
        "funnel_chart": horizontal_bar_chart(funnel_items),
        "week_chart": column_chart(
            [(f"{monday:%-d %b}", count) for monday, count in stats.weeks]
        ),
    }


@login_required
@require_safe
def stats(request):
    return render(
        request, "tracker/stats.html", stats_context(stats_for(user=request.user))
    )
