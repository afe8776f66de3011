"""Turn a fetched guide into what its page shows: chapters, charts and structured data.

Works only on prefetched rows, so it adds no queries.
"""

from dataclasses import dataclass, field

from careers.models import Career, CareerSkill, Section, Skill
from config.charts import BarChart, horizontal_bar_chart, position_percent
from config.formatting import money

Placement = Section.Placement


@dataclass
class Chapter:
    anchor: str
    title: str
    sections: list[Section] = field(default_factory=list)


def chapters(career: Career) -> list[Chapter]:
    """The page's chapters in order, each with its long-form sections.

    A chapter with no sections still appears when the page has structured content
    for it (responsibilities, skills, steps, salaries, the ladder).
    """
    by_placement = {placement: [] for placement in Placement}
    for section in career.sections.all():
        by_placement[section.placement].append(section)
    has_structured = {
        Placement.OVERVIEW: True,
        Placement.SKILLS: bool(career.skills.all() or career.education_options.all()),
        Placement.BECOMING: bool(career.steps.all()),
        Placement.SALARY: bool(career.salary_levels.all() or career.median_salary),
        Placement.CAREER_PATH: bool(career.path_levels.all()),
    }
    return [
        Chapter(anchor=placement.value, title=placement.label, sections=sections)
        for placement, sections in by_placement.items()
        if sections or has_structured.get(placement)
    ]


def skill_groups(career: Career) -> list[tuple[str, list[CareerSkill]]]:
    """Technical then soft skills, each ranked by importance (already ordered)."""
    groups = {kind: [] for kind in Skill.Kind}
    for career_skill in career.skills.all():
        groups[career_skill.skill.kind].append(career_skill)
    return [
        (f"{kind.label} skills", skills) for kind, skills in groups.items() if skills
    ]


def salary_chart(career: Career) -> BarChart | None:
    levels = career.salary_levels.all()
    if not levels:
        return None
    return horizontal_bar_chart(
        [
            (level.title, level.median, money(level.median, career.currency))
            for level in levels
        ]
    )


@dataclass(frozen=True)
class SalaryRange:
    low: str
    median: str
    high: str
    median_percent: float
    width: int = 480

    @property
    def median_x(self) -> float:
        return round(self.median_percent * self.width / 100, 1)


def salary_range(career: Career) -> SalaryRange | None:
    low, median, high = career.salary_low, career.median_salary, career.salary_high
    if None in (low, median, high):
        return None
    return SalaryRange(
        low=money(low, career.currency),
        median=money(median, career.currency),
        high=money(high, career.currency),
        median_percent=position_percent(median, low, high),
    )


def structured_data(career: Career, *, page_url: str, careers_url: str, home_url: str):
    """schema.org Occupation, FAQPage and BreadcrumbList for the guide's JSON-LD."""
    occupation = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": career.title,
        "description": career.summary,
        "url": page_url,
        "skills": [item.skill.name for item in career.skills.all()],
        "responsibilities": [item.text for item in career.responsibilities.all()],
    }
    if career.soc_code:
        occupation["occupationalCategory"] = career.soc_code
    if career.typical_education:
        occupation["educationRequirements"] = career.education_note or str(
            career.get_typical_education_display()
        )
    levels = list(career.path_levels.all())
    if levels:
        first = levels[0]
        occupation["experienceRequirements"] = (
            f"Entry level as {first.title} ({first.years}); "
            f"{levels[-1].title} after {levels[-1].years}."
        )
    if career.median_salary is not None:
        salary = {
            "@type": "MonetaryAmountDistribution",
            "name": "base",
            "currency": career.currency,
            "duration": "P1Y",
            "median": career.median_salary,
        }
        if career.salary_low is not None:
            salary["minValue"] = career.salary_low
        if career.salary_high is not None:
            salary["maxValue"] = career.salary_high
        occupation["estimatedSalary"] = [salary]
        if career.currency == "USD":
            occupation["occupationLocation"] = [{"@type": "Country", "name": "US"}]
    documents = [occupation]
    faqs = career.faqs.all()
    if faqs:
        documents.append(
            {
                "@context": "https://schema.org",
                "@type": "FAQPage",
                "mainEntity": [
                    {
                        "@type": "Question",
                        "name": faq.question,
                        "acceptedAnswer": {"@type": "Answer", "text": faq.answer},
                    }
                    for faq in faqs
                ],
            }
        )
    documents.append(
        {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": position, "name": name, "item": url}
                for position, (name, url) in enumerate(
                    [
                        ("Home", home_url),
                        ("Careers", careers_url),
                        (career.title, page_url),
                    ],
                    start=1,
                )
            ],
        }
    )
    return documents
