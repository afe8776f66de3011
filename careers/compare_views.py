"""Comparing careers side by side and planning a change from one to another."""

import re

from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from careers.comparison import MAX_CAREERS, MIN_CAREERS, compare
from careers.figures import growth
from careers.models import Career, Occupation
from careers.plans import change_plan
from core.pagecache import cache_anonymous_page


def _comparable_careers():
    """Every published guide with occupation figures, for the pickers."""
    return list(
        Career.objects.published()
        .filter(occupation__isnull=False)
        .order_by("title")
        .values_list("slug", "title")
    )


# What a guide's address can be; anything else is unknown without asking the
# database (PostgreSQL refuses strings with NUL characters, for one).
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,120}")


def _careers_with_figures(slugs: list[str]) -> dict[str, Career]:
    slugs = [slug for slug in slugs if SLUG.fullmatch(slug)]
    if not slugs:
        return {}
    careers = (
        Career.objects.published()
        .filter(slug__in=slugs)
        .select_related("occupation")
        .defer("overview")
    )
    return {career.slug: career for career in careers}


def _compare_url(slugs) -> str:
    query = urlencode([("career", slug) for slug in slugs])
    return reverse("careers:compare") + (f"?{query}" if query else "")


# Order matters (the page's columns follow it), so it is part of the address.
@cache_anonymous_page(repeated=["career"])
def compare_careers(request):
    """Two to four careers side by side; anything else says what to do."""
    slugs = request.GET.getlist("career")
    found = _careers_with_figures(slugs)
    notices = []
    careers = []
    for slug in slugs:
        career = found.get(slug)
        if career is None:
            notices.append(
                f"No career guide has the address “{slug}”, so it is left out."
            )
        elif career.occupation is None:
            notices.append(
                f"{career.title} has no published figures to compare yet, "
                "so it is left out."
            )
        else:
            careers.append(career)
    if len(careers) > MAX_CAREERS:
        notices.append(
            f"Only {MAX_CAREERS} careers fit side by side: these are the first "
            f"{MAX_CAREERS}. Remove one to compare another."
        )
        careers = careers[:MAX_CAREERS]
    shown = [career.slug for career in careers]
    return render(
        request,
        "careers/compare.html",
        {
            "careers": careers,
            "comparison": compare(careers) if len(careers) >= MIN_CAREERS else None,
            "notices": notices,
            "removals": [
                (career, _compare_url([slug for slug in shown if slug != career.slug]))
                for career in careers
            ],
            "pickers": max(0, MIN_CAREERS - len(careers))
            or (1 if len(careers) < MAX_CAREERS else 0),
            "choices": _comparable_careers(),
            "min_careers": MIN_CAREERS,
            "max_careers": MAX_CAREERS,
        },
    )


def _stepping_stone_candidates(*occupations) -> dict[str, tuple[str, str, list]]:
    """Occupations like the start or the target, and O*NET's related ones for
    both: code → (title, guide slug or "", skills). One query, skills only."""
    codes = set()
    for occupation in occupations:
        codes.update(card["code"] for card in occupation.similar)
        codes.update(occupation.facts.get("related") or [])
    codes -= {occupation.code for occupation in occupations}
    rows = Occupation.objects.filter(code__in=codes).values_list(
        "code", "title", "career__slug", "career__status", "facts__skills"
    )
    return {
        code: (title, slug if status == Career.Status.PUBLISHED else "", skills or [])
        for code, title, slug, status, skills in rows
    }


@cache_anonymous_page(query=["from", "to"])
def plan_change(request):
    """From one career to another: shared skills, skills to build, pay, growth,
    education, and a stepping stone when the change is large."""
    from_slug = request.GET.get("from", "").strip()
    to_slug = request.GET.get("to", "").strip()
    user = request.user
    # Signed in with no target chosen here: their own target career.
    if not to_slug and user.is_authenticated and user.target_career_id:
        target = user.target_career
        to_slug = target.slug if target.is_published else ""
    found = _careers_with_figures([slug for slug in (from_slug, to_slug) if slug])
    notices = []
    chosen = {}
    for key, slug in (("from", from_slug), ("to", to_slug)):
        career = found.get(slug) if slug else None
        if slug and career is None:
            notices.append(f"No career guide has the address “{slug}”.")
        elif career is not None and career.occupation is None:
            notices.append(f"{career.title} has no published skills to plan with yet.")
        elif career is not None:
            chosen[key] = career
    source, target = chosen.get("from"), chosen.get("to")
    plan = stone = None
    if source and target and source.pk == target.pk:
        notices.append("Choose two different careers to plan a change.")
    elif source and target:
        candidates = {}

        def stepping_stones():
            candidates.update(
                _stepping_stone_candidates(source.occupation, target.occupation)
            )
            return {code: skills for code, (_, _, skills) in candidates.items()}

        plan = change_plan(source.occupation, target.occupation, stepping_stones)
        if plan.stone is not None:
            title, slug, _ = candidates[plan.stone.code]
            stone = {"title": title, "slug": slug}
    return render(
        request,
        "careers/plan.html",
        {
            "source": source,
            "target": target,
            "plan": plan,
            "source_growth": growth(source.occupation.growth_percent) if plan else "",
            "target_growth": growth(target.occupation.growth_percent) if plan else "",
            "stone": stone,
            "notices": notices,
            "pickers": [
                ("from", "From (now)", source.slug if source else from_slug),
                ("to", "To (the career you want)", target.slug if target else to_slug),
            ],
            "choices": _comparable_careers(),
        },
    )
