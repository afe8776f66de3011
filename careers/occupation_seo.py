"""schema.org structured data for a generated guide's JSON-LD."""

from careers.occupation_guide import OccupationPage
from careers.occupation_pay import PERCENTILES, figure

# schema.org's names for the percentiles of a MonetaryAmountDistribution.
DISTRIBUTION_KEYS = {
    "p10": "percentile10",
    "p25": "percentile25",
    "median": "median",
    "p75": "percentile75",
    "p90": "percentile90",
}


def estimated_salary(page: OccupationPage) -> list[dict]:
    """The national pay distribution in the unit BLS publishes, published points
    only (a withheld or top-coded one is left out, never guessed)."""
    pay = page.pay
    if pay is None:
        return []
    wages = page.facts["wages"]
    distribution = {
        "@type": "MonetaryAmountDistribution",
        "name": "base",
        "currency": "USD",
        "duration": "P1Y" if pay.unit == "annual" else "PT1H",
    }
    for point, _ in PERCENTILES:
        value = figure(wages, pay.unit, point).value
        if value is not None:
            if pay.unit == "hourly":
                value = round(value / 100, 2)
            distribution[DISTRIBUTION_KEYS[point]] = value
    return [distribution]


def structured_data(
    page: OccupationPage, *, page_url: str, careers_url: str, home_url: str
) -> list[dict]:
    """schema.org Occupation and BreadcrumbList, as the hand-written guide has."""
    career, facts = page.career, page.facts
    projections = facts.get("projections") or {}
    occupation = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": career.title,
        "description": " ".join(page.summary),
        "url": page_url,
        "occupationalCategory": page.occupation.code,
        "sameAs": facts.get("onet_url") or page.occupation.onet_url,
        "skills": [row.name for _, rows in page.skill_groups for row in rows],
        "occupationLocation": [{"@type": "Country", "name": "US"}],
    }
    if titles := page.titles.shown:
        occupation["alternateName"] = titles
    if projections.get("education"):
        occupation["educationRequirements"] = projections["education"]
    if projections.get("experience") and projections["experience"] != "None":
        occupation["experienceRequirements"] = (
            f"{projections['experience']} of work experience in a related occupation"
        )
    if salary := estimated_salary(page):
        occupation["estimatedSalary"] = salary
    trail = [("Home", home_url), ("Careers", careers_url), (career.title, page_url)]
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }
    return [occupation, breadcrumbs]
