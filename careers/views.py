from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from careers import about_data
from careers import guide as guide_content
from careers.forms import CareerSearchForm
from careers.models import Career
from careers.occupation_guide import is_generated, occupation_page
from careers.occupation_seo import structured_data
from careers.selectors import (
    career_for,
    guide_at_occupation_slug,
    guide_for,
    listed_industries,
    related_guides,
    search_careers,
)
from careers.targets import target_career_set
from careers.visits import guide_view_record
from core.pagecache import cache_anonymous_page, cached_fragment
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
        career = career_for(request.user, slug)
    except Career.DoesNotExist:
        # An occupation's address, when its guide is a hand-written one elsewhere.
        if career := guide_at_occupation_slug(slug):
            return redirect(career, permanent=True)
        raise Http404("No published guide has that address.") from None
    guide_view_record(user=request.user, career=career)
    urls = {
        "page_url": request.build_absolute_uri(career.get_absolute_url()),
        "careers_url": request.build_absolute_uri(reverse("careers:index")),
        "home_url": request.build_absolute_uri(reverse("home")),
    }
    if is_generated(career):
        return _generated_guide(request, career, urls)
    return render(
        request,
        "careers/guide.html",
        guide_content.page_context(guide_for(career), **urls),
    )


def _generated_guide(request, career: Career, urls: dict):
    """The generated guide: its body comes from the fragment cache, so a signed-in
    reader's page costs the same few queries whatever the guide's size."""
    occupation = career.occupation
    # The timestamps make a changed career or occupation miss even before
    # pages_changed() retires the version; the host is in the page's URLs.
    name = ":".join(
        [
            "careers:occupation-guide",
            request.get_host(),
            str(career.pk),
            career.updated_at.isoformat(),
            occupation.updated_at.isoformat(),
        ]
    )
    parts = cached_fragment(name, lambda: _generated_parts(career, urls))
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
        "attribution": about_data.ATTRIBUTION,
        "bls_caveat": about_data.BLS_CAVEAT,
        "page_url": urls["page_url"],
        "structured_data": structured_data(page, **urls),
    }
    return {
        "head": mark_safe(
            render_to_string("careers/includes/occupation/head.html", context)
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
    career = Career.objects.published().filter(slug=request.POST.get("career", ""))
    career = career.first()
    if career is None:
        messages.error(request, "That career guide is not available.")
    else:
        target_career_set(user=request.user, career=career)
        messages.success(request, f"{career.title} is now your target career.")
    return redirect(safe_next_url(request) or "dashboard:index")
