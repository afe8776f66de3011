from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.core.validators import slug_re
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from django.views.decorators.vary import vary_on_headers

from careers import about_data
from careers import guide as guide_content
from careers.browse import (
    PAGE_SIZE,
    browse_careers,
    card,
    counts_without_each,
    field_counts,
    listed_fields,
    listed_industries,
)
from careers.forms import CareerBrowseForm, TitleSearchForm
from careers.models import Career
from careers.occupation_guide import is_generated, occupation_page
from careers.occupation_seo import structured_data
from careers.search import search_titles
from careers.selectors import (
    career_for,
    guide_at_occupation_slug,
    guide_for,
    related_guides,
)
from careers.similar import similar_careers
from careers.targets import target_career_set
from careers.visits import guide_view_record
from core.pagecache import cache_anonymous_page, cached_fragment, canonical_query
from core.redirects import safe_next_url

# Every parameter the list reads; anything else never reaches the view.
BROWSE_QUERY = (
    "education",
    "field",
    "growth",
    "industry",
    "openings",
    "page",
    "pay",
    "sort",
    "zone",
)


@cache_anonymous_page(query=BROWSE_QUERY)
def index(request):
    fields = listed_fields()
    form = CareerBrowseForm(
        request.GET or None, fields=fields, industries=listed_industries()
    )
    criteria = form.criteria()
    paginator = Paginator(browse_careers(criteria), PAGE_SIZE)
    page = paginator.get_page(_page_number(request.GET.get("page")))
    # One address per list: a query with invalid, default or out-of-range values
    # goes to its canonical form, so junk values never fill the page cache
    # (redirects are not stored) and every shared link is the canonical one.
    canonical = _query(criteria, page=page.number)
    if canonical != canonical_query(request, BROWSE_QUERY):
        return redirect(_list_url(canonical))

    # list() runs the query here, so the template does no database work.
    cards = [card(career) for career in page.object_list]
    active = form.described(criteria)
    other_filters = any(name != "field" for name, _ in active)
    counts = field_counts(criteria) if other_filters else None
    field_links = [
        {
            "name": field.name,
            "count": field.count if counts is None else counts.get(field.slug, 0),
            "url": _list_url(_query(criteria | {"field": field.slug})),
            "current": criteria.get("field") == field.slug,
        }
        for field in fields
    ]
    without = counts_without_each(criteria) if active and not cards else {}
    active_filters = [
        {
            "parameter": name,
            "words": words,
            "url": _list_url(_query(_without(criteria, name))),
            "count_without": without.get(name),
        }
        for name, words in active
    ]
    return render(
        request,
        "careers/index.html",
        {
            "form": form,
            "cards": cards,
            "page": page,
            "page_links": _page_links(criteria, page),
            "previous_url": page.has_previous()
            and _list_url(_query(criteria, page=page.previous_page_number())),
            "next_url": page.has_next()
            and _list_url(_query(criteria, page=page.next_page_number())),
            "fields": field_links,
            "field_selected": bool(criteria.get("field")),
            "everything_url": _list_url(_query(_without(criteria, "field"))),
            "active_filters": active_filters,
            "is_filtered": bool(active_filters),
        },
    )


def _page_number(value) -> int:
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


def _without(criteria: dict, name: str) -> dict:
    return {key: value for key, value in criteria.items() if key != name}


def _query(criteria: dict, *, page: int = 1) -> str:
    """The canonical query string: the pagecache's form (names sorted)."""
    pairs = sorted(criteria.items())
    if page > 1:
        pairs = sorted([*pairs, ("page", str(page))])
    return urlencode(pairs)


def _list_url(query: str) -> str:
    return reverse("careers:index") + (f"?{query}" if query else "")


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


def _page_links(criteria: dict, page) -> list[dict]:
    """Numbered links to nearby pages, None for a gap (Django's elided range)."""
    links = []
    for number in page.paginator.get_elided_page_range(
        page.number, on_each_side=1, on_ends=1
    ):
        if number == page.paginator.ELLIPSIS:
            links.append(None)
        else:
            links.append(
                {
                    "number": number,
                    "url": _list_url(_query(criteria, page=number)),
                    "current": number == page.number,
                }
            )
    return links


@cache_anonymous_page
def detail(request, slug):
    try:
        career = career_for(request.user, slug)
    except Career.DoesNotExist:
        # An occupation's address, when its guide is a hand-written one elsewhere.
        if career := guide_at_occupation_slug(slug):
            return redirect(career, permanent=True)
        raise Http404("No published guide has that address.") from None
    guide_view_record(user=request.user, career=career)
    if is_generated(career):
        return _generated_guide(request, career)
    return _hand_written_guide(request, career)


def _page_urls(request, career: Career) -> dict:
    """The absolute addresses in a guide's canonical link and JSON-LD."""
    return {
        "page_url": request.build_absolute_uri(career.get_absolute_url()),
        "careers_url": request.build_absolute_uri(reverse("careers:index")),
        "home_url": request.build_absolute_uri(reverse("home")),
    }


def _fragment_name(kind: str, request, career: Career) -> str:
    """What a guide's reader-independent parts are cached under."""
    occupation = career.occupation
    # The timestamps make a changed career or occupation miss even before
    # pages_changed() retires the version; the host is in the page's URLs.
    return ":".join(
        [
            kind,
            request.get_host(),
            str(career.pk),
            career.updated_at.isoformat(),
            occupation.updated_at.isoformat() if occupation else "",
        ]
    )


def _hand_written_guide(request, career: Career):
    """The hand-written guide: only its header differs between readers (the target
    button), so the rest comes from the fragment cache and a signed-in reader's
    page skips guide_for's dozen queries."""
    name = _fragment_name("careers:guide", request, career)
    parts = cached_fragment(
        name, lambda: _hand_written_parts(career, _page_urls(request, career))
    )
    return render(request, "careers/guide.html", {"career": career, "parts": parts})


def _hand_written_parts(career: Career, urls: dict) -> dict:
    """The parts of a hand-written guide that are the same for every reader."""
    context = guide_content.page_context(guide_for(career), **urls)
    return {
        "top": mark_safe(render_to_string("careers/includes/guide_top.html", context)),
        "head": mark_safe(
            render_to_string("careers/includes/guide/head.html", context)
        ),
        "body": mark_safe(
            render_to_string("careers/includes/guide/body.html", context)
        ),
    }


def _generated_guide(request, career: Career):
    """The generated guide: its body comes from the fragment cache, so a signed-in
    reader's page costs the same few queries whatever the guide's size."""
    name = _fragment_name("careers:occupation-guide", request, career)
    parts = cached_fragment(
        name, lambda: _generated_parts(career, _page_urls(request, career))
    )
    return render(
        request, "careers/occupation_guide.html", {"career": career, "parts": parts}
    )


def _generated_parts(career: Career, urls: dict) -> dict:
    """The parts of a generated guide that are the same for every reader."""
    # Reads the occupation's facts (deferred until now) and the related guides.
    page = occupation_page(career, related_guides(career.occupation))
    skills_gap_url = (
        reverse("assessments:detail", args=[f"{career.slug}-skills-gap"])
        if page.has_skills
        else ""
    )
    context = {
        "career": career,
        "page": page,
        "skills_gap_url": skills_gap_url,
        "similar_careers": similar_careers(career.occupation),
        "attribution": about_data.ATTRIBUTION,
        "bls_caveat": about_data.BLS_CAVEAT,
        "page_url": urls["page_url"],
        "structured_data": structured_data(page, **urls),
    }
    return {
        "top": mark_safe(render_to_string("careers/includes/guide_top.html", context)),
        "head": mark_safe(
            render_to_string("careers/includes/guide/head.html", context)
        ),
        "lead": mark_safe(
            render_to_string("careers/includes/occupation/lead.html", context)
        ),
        "body": mark_safe(
            render_to_string("careers/includes/occupation/body.html", context)
        ),
        "skills_gap_url": skills_gap_url,
    }


@cache_anonymous_page
def about_data_page(request):
    return render(
        request,
        "careers/about_data.html",
        {
            "releases": about_data.releases(),
            "attribution": about_data.ATTRIBUTION,
            "bls_caveat": about_data.BLS_CAVEAT,
        },
    )


@login_required
@require_POST
def set_target_career(request):
    """Make the posted guide the person's target career, then go back."""
    slug = request.POST.get("career", "")
    # Only a slug can name a guide (and PostgreSQL refuses a NUL in a lookup).
    career = (
        Career.objects.published().filter(slug=slug).first()
        if slug_re.fullmatch(slug)
        else None
    )
    if career is None:
        messages.error(request, "That career guide is not available.")
    else:
        target_career_set(user=request.user, career=career)
        messages.success(request, f"{career.title} is now your target career.")
    return redirect(safe_next_url(request) or "dashboard:index")
