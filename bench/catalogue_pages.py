"""The occupation catalogue's rows in `make bench` (issue 13's "Speed"): which
generated guides it measures, and its targets.

Run inside Django (bench.run sets it up), on a database holding the whole
catalogue.
"""

from dataclasses import dataclass

HAND_WRITTEN = "customer-service-clerk"  # the shipped hand-written guide
SITEMAP = "/sitemap.xml"

HAND_WRITTEN_ANONYMOUS = "Hand-written guide (anonymous)"
HAND_WRITTEN_SIGNED_IN = "Hand-written guide (signed in: never cached)"
LARGEST_ANONYMOUS = "Largest generated guide (anonymous)"
LARGEST_SIGNED_IN = "Largest generated guide (signed in: never cached whole)"
SMALLEST_SIGNED_IN = "Smallest generated guide (signed in: never cached whole)"
SITEMAP_LABEL = "Sitemap, every guide (anonymous)"


@dataclass(frozen=True)
class SizedGuide:
    slug: str
    code: str
    url: str
    items: int


def page_items(page) -> int:
    """Every item a generated guide's page lists: key facts, skills, knowledge,
    work styles, technology, tools, titles, industries, education levels, states
    and related careers. A capped list counts whole: the items past its cap are
    in the page too, behind "show all"."""
    return (
        len(page.key_facts)
        + sum(len(skills) for _, skills in page.skill_groups)
        + sum(
            capped.total
            for capped in (page.knowledge, page.work_styles, page.technology)
        )
        + page.tools.total
        + page.titles.total
        + len(page.industries)
        + len(page.education_rows)
        + (len(page.states.rows) if page.states else 0)
        + len(page.facts.get("related") or [])
    )


def generated_guides_by_size() -> tuple[SizedGuide, SizedGuide]:
    """The published generated guides with the fewest and the most items."""
    from careers.models import Career
    from careers.occupation_guide import occupation_page

    careers = (
        Career.objects.published()
        .filter(source=Career.Source.GENERATED, occupation__isnull=False)
        .select_related("occupation")
        .order_by("occupation__code")
    )
    # Related guides are counted from the facts' codes, so none are read here.
    sized = [
        SizedGuide(
            slug=career.slug,
            code=career.occupation.code,
            url=career.get_absolute_url(),
            items=page_items(occupation_page(career, [])),
        )
        for career in careers.iterator(chunk_size=200)
    ]
    if not sized:
        raise SystemExit("No generated guide: did load_catalogue run?")
    return (
        min(sized, key=lambda guide: guide.items),
        max(sized, key=lambda guide: guide.items),
    )


def pages(
    smallest: SizedGuide, largest: SizedGuide, cookie: str
) -> list[tuple[str, str, str | None]]:
    """(label, path, cookie or None) of the guide and sitemap rows."""
    hand_written = guide_url(HAND_WRITTEN)
    return [
        (HAND_WRITTEN_ANONYMOUS, hand_written, None),
        (HAND_WRITTEN_SIGNED_IN, hand_written, cookie),
        (LARGEST_ANONYMOUS, largest.url, None),
        (LARGEST_SIGNED_IN, largest.url, cookie),
        (SMALLEST_SIGNED_IN, smallest.url, cookie),
        (SITEMAP_LABEL, SITEMAP, None),
    ]


def chosen(smallest: SizedGuide, largest: SizedGuide, sizes: dict[str, int]) -> str:
    """A paragraph naming the guides measured and their sizes (`sizes`: the HTML
    bytes by path)."""
    return (
        f"The largest generated guide, picked by counting the items its page lists, "
        f"is {largest.code} (`{largest.slug}`, {largest.items:,} items, "
        f"{sizes[largest.url] / 1024:,.0f} KB of HTML); the smallest is "
        f"{smallest.code} (`{smallest.slug}`, {smallest.items:,} items, "
        f"{sizes[smallest.url] / 1024:,.0f} KB). The hand-written guide is "
        f"`{HAND_WRITTEN}` ({sizes[guide_url(HAND_WRITTEN)] / 1024:,.0f} KB). "
        "The table's share is of the hand-written guide's HTML served as a static "
        "file; the largest generated guide's HTML is a second ceiling, which the "
        "targets set that guide against. A signed-in reader's generated "
        "guide draws its body from the fragment cache: its first visit renders the "
        "body, a repeat visit only the header around it. The sitemap's first visit "
        "draws it; a repeat visit serves the stored copy."
    )


def guide_url(slug: str) -> str:
    from django.urls import reverse

    return reverse("careers:detail", args=[slug])


def targets(results, counts, ceilings: tuple[str, str], concurrencies) -> list[str]:
    """The catalogue's targets, each with its figure and verdict.

    `ceilings`: the hand-written guide's HTML and the largest generated guide's,
    each served as a static file. A generated guide is judged against its own
    bytes (it is half as large again), with its share of the other beside it.
    """
    hand_written_ceiling, generated_ceiling = ceilings

    def verdict(ok: bool) -> str:
        return "met" if ok else "**not met**"

    def share(label: str, concurrency: int, ceiling: str) -> float:
        return results[label, concurrency]["rps"] / results[ceiling, concurrency]["rps"]

    def shares(label: str, ceiling: str) -> list[float]:
        return [share(label, c, ceiling) for c in concurrencies]

    def listed(figures: list[float]) -> str:
        return ", ".join(
            f"c{c} {s:.0%}" for c, s in zip(concurrencies, figures, strict=True)
        )

    own, other = (
        shares(LARGEST_ANONYMOUS, generated_ceiling),
        shares(LARGEST_ANONYMOUS, hand_written_ceiling),
    )
    hand_written = shares(HAND_WRITTEN_ANONYMOUS, hand_written_ceiling)
    lines = [
        f"- {LARGEST_ANONYMOUS} ≥ 60% of the static-file ceiling (its own HTML): "
        f"{listed(own)} (of the hand-written guide's: {listed(other)}) — "
        f"{verdict(min(own) >= 0.6)}",
        f"- {HAND_WRITTEN_ANONYMOUS} ≥ 60% of the static-file ceiling: "
        f"{listed(hand_written)} — {verdict(min(hand_written) >= 0.6)}",
    ]
    signed_in = results[LARGEST_SIGNED_IN, 1]
    own = share(LARGEST_SIGNED_IN, 1, generated_ceiling)
    other = share(LARGEST_SIGNED_IN, 1, hand_written_ceiling)
    lines.append(
        f"- {LARGEST_SIGNED_IN} ≥ 20% of the static-file ceiling (its own HTML) at "
        f"c1: {own:.0%} (of the hand-written guide's: {other:.0%}); "
        f"{signed_in['rps']:,.0f} req/s, p50 {signed_in['p50']:.1f} ms, p95 "
        f"{signed_in['p95']:.1f} ms — {verdict(own >= 0.2)}"
    )
    largest, smallest = counts[LARGEST_SIGNED_IN], counts[SMALLEST_SIGNED_IN]
    lines.append(
        "- Largest generated guide signed in: the same queries as the smallest "
        f"(first / repeat visit): largest {largest[0]} / {largest[1]}, smallest "
        f"{smallest[0]} / {smallest[1]} — {verdict(largest == smallest)}"
    )
    sitemap = results[SITEMAP_LABEL, 1]["p95"]
    lines.append(
        f"- `/sitemap.xml` with every guide p95 ≤ 50 ms at c1: {sitemap:.1f} ms — "
        f"{verdict(sitemap <= 50)}"
    )
    return lines
