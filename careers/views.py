from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from careers import guide as guide_content
from careers.forms import CareerSearchForm
from careers.models import Career
from careers.selectors import guide_for, listed_industries, search_careers
from careers.visits import guide_view_record
from config.pagecache import cache_anonymous_page


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
