"""Turn a fetched guide into what its page shows: chapters, charts and structured data.

Works only on prefetched rows, so it adds no queries. The page is the site's
heaviest render, so the work a template would repeat per row (markup, formatting,
the importance dots) is done here once, and the template mostly prints strings.
"""

from dataclasses import dataclass

from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from careers.figures import key_facts, pay
from careers.models import CareerSkill, GuideSection, Skill
from careers.selectors import Guide
from careers.similar import similar_careers
from core.charts import BarChart, horizontal_bar_chart, position_percent
from core.formatting import money
from core.markup import render_markup

Placement = GuideSection.Placement

# How many of a chapter's long-form sections come before its structured content
# (responsibilities, skills, steps, salaries, the ladder); the rest follow it.
# None: all of them (chapters with no structured content have only these).
SECTIONS_BEFORE = {
    Placement.OVERVIEW: 0,
    Placement.SKILLS: None,
    Placement.BECOMING: 1,
    Placement.SALARY: 0,
    Placement.CAREER_PATH: None,
}


@dataclass(frozen=True)
class Passage:
    """A long-form section with its body already rendered."""

    anchor: str
    heading: str
    body: SafeString


@dataclass(frozen=True)
class Chapter:
    anchor: str
    title: str
    before: list[Passage]
    after: list[Passage]

    @property
    def sections(self) -> list[Passage]:
        return [*self.before, *self.after]


def chapters(guide: Guide) -> list[Chapter]:
    """The page's chapters in order, each with its long-form sections.

    A chapter with no sections still appears when the page has structured content
    for it (responsibilities, skills, steps, salaries, the ladder).
    """
    by_placement = {placement: [] for placement in Placement}
    for section in guide.sections:
        by_placement[section.placement].append(
            Passage(
                anchor=section.anchor,
                heading=section.heading,
                body=render_markup(section.body),
            )
        )
    has_structured = {
        Placement.OVERVIEW: True,
        Placement.SKILLS: bool(guide.skills or guide.education_options),
        Placement.BECOMING: bool(guide.steps),
        Placement.SALARY: bool(guide.salary_levels or pay(guide.career)),
        Placement.CAREER_PATH: bool(guide.path_levels),
    }
    result = []
    for placement, passages in by_placement.items():
        if not (passages or has_structured.get(placement)):
            continue
        before = SECTIONS_BEFORE.get(placement)
        if before is None:
            before = len(passages)
        result.append(
            Chapter(
                anchor=placement.value,
                title=placement.label,
                before=passages[:before],
                after=passages[before:],
            )
        )
    return result


def _importance_dots(level: int) -> SafeString:
    return format_html_join(
        "",
        '<span class="importance__dot{}"></span>',
        [(" importance__dot--on" if dot <= level else "",) for dot in range(1, 6)],
    )


# Five dots per skill, the first `importance` of them on: only six strings exist.
IMPORTANCE_DOTS = {level: _importance_dots(level) for level in range(6)}


@dataclass(frozen=True)
class SkillRow:
    name: str
    description: str
    # "1" to "5": printed twice a row, and a string skips number localisation.
    importance: str
    label: str
    dots: SafeString


def _skill_row(item: CareerSkill) -> SkillRow:
    return SkillRow(
        name=item.skill.name,
        description=item.skill.description,
        importance=str(item.importance),
        label=item.importance_label,
        dots=IMPORTANCE_DOTS[min(max(item.importance, 0), 5)],
    )


def skill_groups(guide: Guide) -> list[tuple[str, list[SkillRow]]]:
    """Technical then soft skills, each ranked by importance (already ordered)."""
    groups = {kind: [] for kind in Skill.Kind}
    for career_skill in guide.skills:
        groups[career_skill.skill.kind].append(_skill_row(career_skill))
    return [
        (f"{kind.label} skills", skills) for kind, skills in groups.items() if skills
    ]


@dataclass(frozen=True)
class SalaryRow:
    title: str
    median: str
    average: str


def salary_rows(guide: Guide) -> list[SalaryRow]:
    """The salary table: each experience level's median and average, formatted."""
    career = guide.career
    return [
        SalaryRow(
            title=level.title,
            median=money(level.median, career.currency),
            average=money(level.average, career.currency),
        )
        for level in guide.salary_levels
    ]


def salary_chart(guide: Guide) -> BarChart | None:
    career = guide.career
    levels = guide.salary_levels
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
    source: str = ""
    percentiles: bool = False  # low and high are the 10th and 90th percentiles
    width: int = 480

    @property
    def median_x(self) -> float:
        return round(self.median_percent * self.width / 100, 1)


def salary_range(guide: Guide) -> SalaryRange | None:
    figures = pay(guide.career)
    if figures is None or None in (figures.low, figures.high):
        return None
    return SalaryRange(
        low=money(figures.low, figures.currency),
        median=money(figures.median, figures.currency),
        high=money(figures.high, figures.currency),
        median_percent=position_percent(figures.median, figures.low, figures.high),
        source=figures.source,
        percentiles=figures.percentiles,
    )


def structured_data(guide: Guide, *, page_url: str, careers_url: str, home_url: str):
    """schema.org Occupation, FAQPage and BreadcrumbList for the guide's JSON-LD."""
    career = guide.career
    occupation = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": career.title,
        "description": career.summary,
        "url": page_url,
        "skills": [item.skill.name for item in guide.skills],
        "responsibilities": [item.text for item in guide.responsibilities],
    }
    if career.soc_code:
        occupation["occupationalCategory"] = career.soc_code
    if career.typical_education:
        occupation["educationRequirements"] = career.education_note or str(
            career.get_typical_education_display()
        )
    levels = guide.path_levels
    if levels:
        first = levels[0]
        occupation["experienceRequirements"] = (
            f"Entry level as {first.title} ({first.years}); "
            f"{levels[-1].title} after {levels[-1].years}."
        )
    figures = pay(career)
    if figures is not None:
        salary = {
            "@type": "MonetaryAmountDistribution",
            "name": "base",
            "currency": figures.currency,
            "duration": "P1Y",
            "median": figures.median,
        }
        low_name, high_name = (
            ("percentile10", "percentile90")
            if figures.percentiles
            else ("minValue", "maxValue")
        )
        if figures.low is not None:
            salary[low_name] = figures.low
        if figures.high is not None:
            salary[high_name] = figures.high
        occupation["estimatedSalary"] = [salary]
        if figures.currency == "USD":
            occupation["occupationLocation"] = [{"@type": "Country", "name": "US"}]
    documents = [occupation]
    faqs = guide.faqs
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


@dataclass(frozen=True)
class StepRow:
    title: str
    body: SafeString


def steps(guide: Guide) -> list[StepRow]:
    return [
        StepRow(title=step.title, body=render_markup(step.body)) for step in guide.steps
    ]


@dataclass(frozen=True)
class Rung:
    """A level of the career ladder."""

    years: str
    title: str
    description: SafeString
    focus_areas: list[str]


def ladder(guide: Guide) -> list[Rung]:
    return [
        Rung(
            years=level.years,
            title=level.title,
            description=render_markup(level.description),
            focus_areas=level.focus_area_list,
        )
        for level in guide.path_levels
    ]


@dataclass(frozen=True)
class FaqRow:
    question: str
    answer: SafeString


def faqs(guide: Guide) -> list[FaqRow]:
    return [
        FaqRow(question=faq.question, answer=render_markup(faq.answer))
        for faq in guide.faqs
    ]


@dataclass(frozen=True)
class RelatedGuide:
    title: str
    summary: str
    url: str | None  # None while the related guide is still a draft


def related(guide: Guide) -> list[RelatedGuide]:
    return [
        RelatedGuide(
            title=career.title,
            summary=career.summary,
            url=career.get_absolute_url() if career.is_published else None,
        )
        for career in guide.related
    ]


def page_context(
    guide: Guide, *, page_url: str, careers_url: str, home_url: str
) -> dict:
    """Everything the guide template shows, as lists and ready-made strings."""
    career = guide.career
    return {
        "career": career,
        "page_url": page_url,
        "key_facts": key_facts(career),
        "overview": render_markup(career.overview),
        "chapters": chapters(guide),
        "industries": guide.industries,
        "responsibilities": guide.responsibilities,
        "skill_groups": skill_groups(guide),
        "education_options": guide.education_options,
        "steps": steps(guide),
        "salary_range": salary_range(guide),
        "salary_chart": salary_chart(guide),
        "salary_rows": salary_rows(guide),
        "ladder": ladder(guide),
        "pros": guide.pros,
        "cons": guide.cons,
        "faqs": faqs(guide),
        "related": related(guide),
        "similar_careers": similar_careers(career.occupation),
        "structured_data": structured_data(
            guide, page_url=page_url, careers_url=careers_url, home_url=home_url
        ),
    }
