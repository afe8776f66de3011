from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from careers import guide as guide_content
from careers.forms import CareerSearchForm, TitleSearchForm
from careers.models import Career
from careers.search import search_titles
from careers.selectors import guide_for, listed_industries, search_careers
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


# As-you-type suggestions show this many guides; the results page, SEARCH_RESULTS.
SUGGESTIONS = 6
SEARCH_RESULTS = 20


@cache_anonymous_page(query=["q"])
def search(request):
    """Guides for any job title, saying which title matched."""
    form = TitleSearchForm(request.GET or None)
    query = form.query()
    return render(
        request,
        "careers/search.html",
        {
            "form": form,
            "query": query,
            "matches": search_titles(query, limit=SEARCH_RESULTS) if query else [],
            "limit": SEARCH_RESULTS,
        },
    )


# Not page-cached: every keystroke is a new address, and each would take one of
# the page cache's few slots from pages that cost far more to render.
@vary_on_headers("HX-Request")
def suggest(request):
    """The suggestions htmx shows under the search box as a person types.

    Without htmx (a link followed, JavaScript off) it sends the person to the
    results page for the same words.
    """
    form = TitleSearchForm(request.GET or None)
    query = form.query()
    if not request.htmx:
        return redirect(_search_url(query))
    matches = search_titles(query, limit=SUGGESTIONS, as_you_type=True) if query else []
    return render(
        request,
        "careers/search.html#suggestions",
        {"query": query, "matches": matches, "search_url": _search_url(query)},
    )


def _search_url(query: str) -> str:
    url = reverse("careers:search")
    return f"{url}?{urlencode({'q': query})}" if query else url


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
