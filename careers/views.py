from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from careers import guide as guide_content
from careers.forms import CareerSearchForm
from careers.models import Career
from careers.selectors import (
    guide_at_occupation_slug,
    guide_for,
    listed_industries,
    search_careers,
)
from careers.targets import target_career_set
from careers.visits import guide_view_record
from core.pagecache import cache_anonymous_page
from core.redirects import safe_next_url


@cache_anonymous_page(query=CareerSearchForm.base_fields)
def index(request):
    form = CareerSearchForm(request.GET or None, industries=listed_industries())
    criteria = form.criteria()
    # list() runs the query here, so the template does no database work.
    careers = list(search_careers(criteria))
    active_filters = [
        {"words": words, "filter_name": filter_name, "url": _url_without(request, name)}
        for name, words, filter_name in form.describe(criteria)
    ]
    return render(
        request,
        "careers/index.html",
        {
            "form": form,
            "careers": careers,
            "active_filters": active_filters,
            "is_filtered": bool(active_filters),
        },
    )


def _url_without(request, parameter: str) -> str:
    remaining = {
        key: value for key, value in request.GET.items() if key != parameter and value
    }
    query = urlencode(remaining)
    return reverse("careers:index") + (f"?{query}" if query else "")


@cache_anonymous_page
def detail(request, slug):
    try:
        guide = guide_for(request.user, slug)
    except Career.DoesNotExist:
        # An occupation's address, when its guide is a hand-written one elsewhere.
        if career := guide_at_occupation_slug(slug):
            return redirect(career, permanent=True)
        raise Http404("No published guide has that address.") from None
    guide_view_record(user=request.user, career=guide.career)
    return render(
        request,
        "careers/guide.html",
        guide_content.page_context(
            guide,
            page_url=request.build_absolute_uri(guide.career.get_absolute_url()),
            careers_url=request.build_absolute_uri(reverse("careers:index")),
            home_url=request.build_absolute_uri(reverse("home")),
        ),
    )


@login_required
@require_POST
def set_target_career(request):
    """Make the posted guide the person's target career, then go back."""
    career = Career.objects.published().filter(slug=request.POST.get("career", ""))
    career = career.first()
    if career is None:
        messages.error(request, "That career guide is not available.")
    else:
        target_career_set(user=request.user, career=career)
        messages.success(request, f"{career.title} is now your target career.")
    return redirect(safe_next_url(request) or "dashboard:index")
