"""A generated guide: what its page shows, composed from the occupation's facts.

Every sentence here is ours, built from facts, figures and names (no O*NET or BLS
prose). The body is the same for every reader, so views render it once per
content version (core.pagecache.cached_fragment); only the header around it
differs between readers.
"""

from dataclasses import dataclass, field

from careers.models import Career, Occupation
from careers.occupation_pay import (
    Percentiles,
    StatePay,
    figure,
    pay_unit,
    per,
    percentiles,
    state_pay,
)
from core.charts import BarChart, horizontal_bar_chart

# How many of a long list show before the "show all" disclosure.
CAPS = {
    "titles": 12,
    "technology": 15,
    "tools": 10,
    "knowledge": 8,
    "work_styles": 8,
    "related": 12,
}

SOURCE_NAMES = {
    "oews": "BLS OEWS",
    "projections": "BLS projections",
    "onet": "O*NET",
}

# Our own short names for the five job zones (O*NET's texts are not ours to copy).
JOB_ZONES = {
    1: "Little or no preparation",
    2: "Some preparation",
    3: "Medium preparation",
    4: "Considerable preparation",
    5: "Extensive preparation",
}

# BLS's typical entry education, as it reads inside a sentence.
EDUCATION_PHRASES = {
    "No formal educational credential": "no formal educational credential",
    "High school diploma or equivalent": "a high school diploma or equivalent",
    "Some college, no degree": "some college but no degree",
    "Postsecondary nondegree award": "a postsecondary certificate or award",
    "Associate's degree": "an associate's degree",
    "Bachelor's degree": "a bachelor's degree",
    "Master's degree": "a master's degree",
    "Doctoral or professional degree": "a doctoral or professional degree",
}


def is_generated(career: Career) -> bool:
    """True when the guide's page is drawn from its occupation's facts: a
    generated guide, or one joined to an occupation with no hand-written body."""
    if career.source == Career.Source.GENERATED:
        return career.occupation_id is not None
    return career.occupation_id is not None and not career.overview.strip()


def release_label(facts: dict, source: str) -> str:
    """ "BLS wage survey (OEWS), May 2025": a figure's source and as-of date."""
    release = (facts.get("releases") or {}).get(source) or {}
    name = SOURCE_NAMES[source]
    if source == "onet" and release.get("name"):
        name = release["name"].removesuffix(" Database")
    return f"{name}, {release['release']}" if release.get("release") else name


def _number(value) -> str:
    return f"{value:,}"


def _percent(value: float) -> str:
    sign = "+" if value > 0 else "−" if value < 0 else ""
    return f"{sign}{abs(value):.1f}%".replace(".0%", "%")


def _and_list(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def field_name(facts: dict) -> str:
    """ "office and administrative support" from the SOC major group's name."""
    name = (facts.get("group") or {}).get("name", "")
    return name.removesuffix(" Occupations").lower()


@dataclass(frozen=True)
class KeyFact:
    label: str
    value: str
    note: str = ""
    source: str = ""
    text: bool = False  # words, not a figure: shown smaller


@dataclass(frozen=True)
class Rated:
    name: str
    importance: str  # "3.4", one decimal
    importance_width: float  # 0-100, the bar's length
    level: str = ""  # "3.2": O*NET's 0-7 level rescaled to 1-5; "" when absent


@dataclass(frozen=True)
class Capped:
    """A long list: the first items shown, the rest behind a disclosure."""

    shown: list
    rest: list

    @property
    def total(self) -> int:
        return len(self.shown) + len(self.rest)


def capped(items: list, cap: int) -> Capped:
    return Capped(shown=items[:cap], rest=items[cap:])


def rescale_level(level: float) -> float:
    """O*NET's level (0-7) on the 1-5 scale importance uses."""
    return 1 + min(max(level, 0), 7) / 7 * 4


def rated(item: dict) -> Rated:
    importance = item.get("im") or 0
    level = item.get("lv")
    return Rated(
        name=item["name"],
        importance=f"{importance:.1f}",
        importance_width=round(min(max(importance - 1, 0), 4) / 4 * 100, 1),
        level="" if level is None else f"{rescale_level(level):.1f}",
    )


def _by_importance(items: list[dict]) -> list[dict]:
    return sorted(items, key=lambda item: (-(item.get("im") or 0), item["name"]))


def skill_groups(facts: dict) -> list[tuple[str, list[Rated]]]:
    """Skills in O*NET's groups (in O*NET's order), most important first."""
    groups: dict[str, tuple[str, list[dict]]] = {}
    for skill in facts.get("skills") or []:
        key = skill.get("group") or "other"
        groups.setdefault(key, (skill.get("group_name") or "Other skills", []))
        groups[key][1].append(skill)
    return [
        (name, [rated(skill) for skill in _by_importance(skills)])
        for name, skills in groups.values()
    ]


@dataclass(frozen=True)
class Technology:
    name: str
    in_demand: bool
    hot: bool


def technologies(facts: dict) -> Capped:
    """Technology skills: in-demand ones first, then hot ones, then the rest."""
    items = sorted(
        facts.get("technology") or [],
        key=lambda item: (not item.get("in_demand"), not item.get("hot"), item["name"]),
    )
    return capped(
        [
            Technology(item["name"], bool(item.get("in_demand")), bool(item.get("hot")))
            for item in items
        ],
        CAPS["technology"],
    )


def also_called(facts: dict) -> Capped:
    """Titles workers report first, then O*NET's alternate titles, each once."""
    seen = {facts.get("title", "").casefold()}
    titles = []
    for title in [
        *(facts.get("reported_titles") or []),
        *(row["title"] for row in facts.get("alternate_titles") or []),
    ]:
        if title.casefold() not in seen:
            seen.add(title.casefold())
            titles.append(title)
    return capped(titles, CAPS["titles"])


def education_chart(facts: dict) -> BarChart | None:
    """The education workers say the job requires: each level's share."""
    shares = [row for row in facts.get("education") or [] if row.get("share")]
    if not shares:
        return None
    return horizontal_bar_chart(
        [(row["name"], row["share"], f"{row['share']:.0f}%") for row in shares],
        max_value=100,
    )


def key_facts(facts: dict, pay: Percentiles | None) -> list[KeyFact]:
    """Median pay, the pay range, employment, outlook, openings and the entry
    route, each with its source and release."""
    wages = facts.get("wages")
    projections = facts.get("projections") or {}
    oews, outlook, onet = (
        release_label(facts, key) for key in ("oews", "projections", "onet")
    )
    result = []
    if pay is not None:
        unit = pay.unit
        median = figure(wages, unit, "median")
        note = per(unit)
        if unit == "annual" and pay.has_hourly:
            note += f", or {figure(wages, 'hourly', 'median').text} an hour"
        result.append(KeyFact("Median pay", median.text, note, oews))
        low, high = figure(wages, unit, "p10"), figure(wages, unit, "p90")
        result.append(
            KeyFact(
                "Pay range",
                f"{low.text} to {high.text}",
                f"10th to 90th percentile, {per(unit)}",
                oews,
                text=low.value is None or high.value is None,
            )
        )
    if wages and wages.get("employment") is not None:
        result.append(KeyFact("Employment", _number(wages["employment"]), "jobs", oews))
    if projections.get("change_percent") is not None:
        result.append(
            KeyFact(
                "Projected change",
                _percent(projections["change_percent"]),
                "in the number of jobs over ten years",
                outlook,
            )
        )
    if projections.get("openings") is not None:
        result.append(
            KeyFact("Openings a year", _number(projections["openings"]), "", outlook)
        )
    for label, key in [
        ("Typical entry education", "education"),
        ("Work experience in a related job", "experience"),
        ("On-the-job training", "training"),
    ]:
        if projections.get(key):
            result.append(KeyFact(label, projections[key], "", outlook, text=True))
    if facts.get("job_zone") in JOB_ZONES:
        zone = facts["job_zone"]
        result.append(
            KeyFact("Job zone", f"{zone} of 5", JOB_ZONES[zone], onet, text=False)
        )
    return result


def summary(facts: dict, occupation: Occupation) -> list[str]:
    """Three or four sentences of our own on the field, size, pay, outlook, entry
    route and what the work relies on most."""
    title = facts.get("title") or occupation.title
    wages = facts.get("wages")
    bls = facts.get("bls") or {}
    projections = facts.get("projections") or {}
    sentences = [f"{title} work in the {field_name(facts)} field."]
    if wages and wages.get("employment") is not None:
        where = (
            f"in the wider BLS group “{bls['title']}”" if bls.get("wider_group") else ""
        )
        sentences.append(
            f"About {_number(wages['employment'])} people held jobs "
            f"{where + ' ' if where else ''}in the United States in "
            f"{facts['releases']['oews']['release']}."
        )
    unit = pay_unit(wages)
    if unit:
        median = figure(wages, unit, "median")
        if median.value is not None:
            sentences.append(
                f"Half of these workers earned more than {median.text} {per(unit)} "
                "and half earned less."
            )
    elif wages is None:
        sentences.append("BLS publishes no pay or employment figures for this work.")
    change = projections.get("change_percent")
    if change is not None:
        if change >= 1:
            trend = f"to grow by {change:.1f}%"
        elif change <= -1:
            trend = f"to shrink by {abs(change):.1f}%"
        else:
            trend = "to stay about the same"
        openings = projections.get("openings")
        release = facts["releases"]["projections"]["release"]
        ending = f", with about {_number(openings)} openings a year" if openings else ""
        sentences.append(
            f"BLS’s {release} projections expect the number of jobs {trend}{ending}."
        )
    if education := EDUCATION_PHRASES.get(projections.get("education", "")):
        route = f"Most people start with {education}"
        training = projections.get("training", "")
        if training and training != "None":
            route += f" and {training[0].lower()}{training[1:]}"
        experience = projections.get("experience", "")
        if experience and experience != "None":
            route += f", after {experience.lower()} of work in a related job"
        sentences.append(route + ".")
    top = [skill["name"].lower() for skill in _by_importance(facts.get("skills") or [])]
    if top:
        sentences.append(f"The work relies most on {_and_list(top[:3])}.")
    return sentences


@dataclass(frozen=True)
class OccupationPage:
    """Everything the generated guide's body shows."""

    career: Career
    occupation: Occupation
    facts: dict
    summary: list[str]
    key_facts: list[KeyFact]
    pay: Percentiles | None
    states: StatePay | None
    skill_groups: list[tuple[str, list[Rated]]]
    knowledge: Capped
    work_styles: Capped
    technology: Capped
    tools: Capped
    education: BarChart | None
    education_rows: list[dict]
    titles: Capped
    industries: list[dict]
    related: Capped
    wider_group: dict | None
    sources: dict = field(default_factory=dict)

    @property
    def has_skills(self) -> bool:
        return bool(self.skill_groups)


def occupation_page(career: Career, related: list[Career]) -> OccupationPage:
    """Shape the occupation's facts into the page's parts (no queries)."""
    occupation = career.occupation
    facts = occupation.facts or {}
    pay = percentiles(facts.get("wages"))
    bls = facts.get("bls") or {}
    return OccupationPage(
        career=career,
        occupation=occupation,
        facts=facts,
        summary=summary(facts, occupation),
        key_facts=key_facts(facts, pay),
        pay=pay,
        states=state_pay(facts.get("states") or [], pay.unit if pay else None),
        skill_groups=skill_groups(facts),
        knowledge=capped(
            [rated(item) for item in _by_importance(facts.get("knowledge") or [])],
            CAPS["knowledge"],
        ),
        work_styles=capped(
            [rated(item) for item in _by_importance(facts.get("work_styles") or [])],
            CAPS["work_styles"],
        ),
        technology=technologies(facts),
        tools=capped(
            sorted(item["name"] for item in facts.get("tools") or []), CAPS["tools"]
        ),
        education=education_chart(facts),
        education_rows=[
            row for row in facts.get("education") or [] if row.get("share")
        ],
        titles=also_called(facts),
        industries=facts.get("industries") or [],
        related=capped(related, CAPS["related"]),
        wider_group=bls if bls.get("wider_group") else None,
        sources={key: release_label(facts, key) for key in SOURCE_NAMES},
    )
