"""Read the facts, figures and names the catalogue needs from O*NET's Excel edition.

Only named columns are read. Description columns (occupation, element, job zone and
education-category texts) are O*NET's prose and never leave the workbook.
"""

import re
from collections import defaultdict
from datetime import datetime
from pathlib import Path

from .codes import RIASEC, skill_group
from .xlsx import SourceError, number, sheet_rows, text

CODE = "O*NET-SOC Code"
README = "Read Me.txt"
FILES = {
    "occupations": "Occupation Data.xlsx",
    "job_zones": "Job Zones.xlsx",
    "alternate_titles": "Alternate Titles.xlsx",
    "reported_titles": "Sample of Reported Titles.xlsx",
    "skills": "Skills.xlsx",
    "knowledge": "Knowledge.xlsx",
    "work_styles": "Work Styles.xlsx",
    "technology": "Technology Skills.xlsx",
    "tools": "Tools Used.xlsx",
    "related": "Related Occupations.xlsx",
    "education": "Education, Training, and Experience.xlsx",
    "education_categories": "Education, Training, and Experience Categories.xlsx",
    "interests": "Interests.xlsx",
}
RATING_COLUMNS = (CODE, "Element ID", "Element Name", "Scale ID", "Data Value")


def yes(value) -> bool:
    return text(value) == "Y"


def read_release(directory: Path) -> dict:
    """Return the O*NET version and release month named in its Read Me."""
    path = directory / README
    if not path.is_file():
        raise SourceError(f"{path}: file not found")
    readme = path.read_text(encoding="utf-8", errors="replace")
    version = re.search(r"O\*NET ([\d.]+) Database", readme)
    month = re.search(r"([A-Z][a-z]+ \d{4}) Release", readme)
    if not (version and month):
        raise SourceError(
            f"{path.name}: no 'O*NET N.N Database' or 'Month YYYY Release'"
        )
    return {
        "name": f"O*NET {version[1]} Database",
        "version": version[1],
        "release": month[1],
        "date": datetime.strptime(month[1], "%B %Y").strftime("%Y-%m"),
        "publisher": "U.S. Department of Labor, Employment and Training Administration",
        "licence": "CC BY 4.0",
    }


def read_occupations(directory: Path) -> dict[str, dict]:
    """Return the detailed occupations with data: those O*NET gives a job zone."""
    titles = {
        row[CODE]: text(row["Title"])
        for row in sheet_rows(directory / FILES["occupations"], (CODE, "Title"))
    }
    occupations = {}
    for row in sheet_rows(directory / FILES["job_zones"], (CODE, "Job Zone")):
        code = row[CODE]
        if code not in titles:
            raise SourceError(f"{FILES['job_zones']}: {code} is not in Occupation Data")
        occupations[code] = {
            "code": code,
            "title": titles[code],
            "job_zone": int(number(row["Job Zone"])),
        }
    return occupations


def add_titles(directory: Path, occupations: dict[str, dict]) -> None:
    alternates = defaultdict(set)
    path = directory / FILES["alternate_titles"]
    for row in sheet_rows(path, (CODE, "Alternate Title", "Short Title")):
        title = text(row["Alternate Title"])
        if row[CODE] in occupations and title:
            alternates[row[CODE]].add((title, text(row["Short Title"])))
    reported = defaultdict(set)
    path = directory / FILES["reported_titles"]
    for row in sheet_rows(path, (CODE, "Reported Job Title", "Shown in My Next Move")):
        title = text(row["Reported Job Title"])
        if row[CODE] in occupations and title:
            reported[row[CODE]].add((title, yes(row["Shown in My Next Move"])))
    for code, occupation in occupations.items():
        occupation["alternate_titles"] = [
            {"title": title, "short": short}
            for title, short in sorted(alternates[code], key=title_order)
        ]
        occupation["reported_titles"] = [
            {"title": title, "my_next_move": shown}
            for title, shown in sorted(reported[code], key=title_order)
        ]


def title_order(pair: tuple) -> tuple:
    return (pair[0].casefold(), pair[0], str(pair[1]))


def read_ratings(path: Path, occupations: dict, names: dict) -> dict[str, list]:
    """Return each occupation's IM and LV ratings by element, in Element ID order.

    A value O*NET marks Recommend Suppress = Y (too few or too varied answers) is
    dropped. An element marked Not Relevant (respondents rated it not important,
    so its level means nothing) is dropped whole: a guide lists it nowhere, and a
    skills gap analysis has no required level to score it against. An element
    without an importance is dropped too, since importance orders every list.
    """
    ratings = defaultdict(dict)
    not_relevant = set()
    for row in sheet_rows(path, RATING_COLUMNS):
        code, element = row[CODE], text(row["Element ID"])
        scale = text(row["Scale ID"])
        if code not in occupations or scale not in ("IM", "LV"):
            continue
        names.setdefault(element, text(row["Element Name"]))
        if yes(row.get("Not Relevant")):
            not_relevant.add((code, element))
        if yes(row.get("Recommend Suppress")):
            continue
        value = number(row["Data Value"])
        if value is not None:
            ratings[(code, element)][scale.lower()] = value
    result = defaultdict(list)
    for (code, element), values in sorted(ratings.items(), key=element_order):
        if "im" in values and (code, element) not in not_relevant:
            result[code].append(
                {"id": element, "im": values["im"], "lv": values.get("lv")}
            )
    return result


def element_order(item: tuple) -> tuple:
    (code, element), _ = item
    return (code, element_key(element))


def element_key(element: str) -> tuple:
    """Order Element IDs as O*NET's content model does (2.B.10 after 2.B.9)."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in element.split(".")
    )


def add_ratings(directory: Path, occupations: dict, elements: dict) -> None:
    for kind in ("skills", "knowledge", "work_styles"):
        names = {}
        ratings = read_ratings(directory / FILES[kind], occupations, names)
        for code, occupation in occupations.items():
            occupation[kind] = ratings.get(code, [])
            if kind == "work_styles":  # importance only
                for rating in occupation[kind]:
                    del rating["lv"]
        used = {rating["id"] for o in occupations.values() for rating in o[kind]}
        elements[kind] = [
            {"id": element, "name": names[element]}
            | ({"group": skill_group(element)} if kind == "skills" else {})
            for element in sorted(used, key=element_key)
        ]


def add_technology_and_tools(directory: Path, occupations: dict) -> None:
    technology = defaultdict(set)
    columns = (CODE, "Example", "Commodity Title", "Hot Technology", "In Demand")
    for row in sheet_rows(directory / FILES["technology"], columns):
        name = text(row["Example"])
        if row[CODE] in occupations and name:
            technology[row[CODE]].add(
                (
                    name,
                    text(row["Commodity Title"]),
                    yes(row["Hot Technology"]),
                    yes(row["In Demand"]),
                )
            )
    tools = defaultdict(set)
    for row in sheet_rows(
        directory / FILES["tools"], (CODE, "Example", "Commodity Title")
    ):
        name = text(row["Example"])
        if row[CODE] in occupations and name:
            tools[row[CODE]].add((name, text(row["Commodity Title"])))
    for code, occupation in occupations.items():
        occupation["technology"] = [
            {"name": name, "commodity": commodity, "hot": hot, "in_demand": in_demand}
            for name, commodity, hot, in_demand in sorted(
                technology[code], key=title_order
            )
        ]
        occupation["tools"] = [
            {"name": name, "commodity": commodity}
            for name, commodity in sorted(tools[code], key=title_order)
        ]


def add_related(directory: Path, occupations: dict) -> None:
    related = defaultdict(list)
    columns = (CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index")
    for row in sheet_rows(directory / FILES["related"], columns):
        if row[CODE] in occupations:
            related[row[CODE]].append(
                {
                    "code": text(row["Related O*NET-SOC Code"]),
                    "tier": text(row["Relatedness Tier"]),
                    "index": int(number(row["Index"])),
                }
            )
    for code, occupation in occupations.items():
        occupation["related"] = sorted(
            related[code], key=lambda item: (item["index"], item["code"])
        )


def read_education_categories(directory: Path) -> list[dict]:
    """Return the names of the required-education (RL) categories, 1 to 12.

    O*NET's category texts run on into definitions ("Post-Secondary Certificate -
    awarded for training…"); only the name before " - " is kept.
    """
    path = directory / FILES["education_categories"]
    columns = ("Scale ID", "Category", "Category Description")
    categories = {}
    for row in sheet_rows(path, columns):
        if text(row["Scale ID"]) == "RL":
            label = text(row["Category Description"]) or ""
            categories[int(number(row["Category"]))] = label.split(" - ")[0].strip()
    return [{"category": key, "name": categories[key]} for key in sorted(categories)]


def add_education(directory: Path, occupations: dict) -> None:
    """Add the shares of respondents naming each required level of education.

    Suppressed shares are dropped; the rest still say what O*NET publishes.
    """
    shares = defaultdict(dict)
    columns = (CODE, "Scale ID", "Category", "Data Value", "Recommend Suppress")
    for row in sheet_rows(directory / FILES["education"], columns):
        if row[CODE] not in occupations or text(row["Scale ID"]) != "RL":
            continue
        if yes(row["Recommend Suppress"]):
            continue
        share = number(row["Data Value"])
        if share is not None:
            shares[row[CODE]][int(number(row["Category"]))] = share
    for code, occupation in occupations.items():
        occupation["education"] = [
            {"category": category, "share": share}
            for category, share in sorted(shares[code].items())
        ]


def add_interests(directory: Path, occupations: dict) -> None:
    scores = defaultdict(dict)
    high_points = defaultdict(dict)
    columns = (CODE, "Element Name", "Scale ID", "Data Value")
    for row in sheet_rows(directory / FILES["interests"], columns):
        code, scale = row[CODE], text(row["Scale ID"])
        if code not in occupations:
            continue
        value = number(row["Data Value"])
        if scale == "OI" and text(row["Element Name"]) in RIASEC:
            scores[code][text(row["Element Name"])] = value
        elif scale == "IH" and value:
            # High-point values 1 to 6 name an interest in RIASEC order; 0 is none.
            high_points[code][text(row["Element Name"])] = RIASEC[int(value) - 1]
    order = (
        "First Interest High-Point",
        "Second Interest High-Point",
        "Third Interest High-Point",
    )
    for code, occupation in occupations.items():
        occupation["interests"] = (
            {
                "scores": [
                    {"name": name, "score": scores[code][name]}
                    for name in RIASEC
                    if scores[code].get(name) is not None
                ],
                "high_point": [
                    high_points[code][k] for k in order if k in high_points[code]
                ],
            }
            if scores[code]
            else None
        )


def read_onet(directory: Path) -> dict:
    """Return O*NET's release, element names and the detailed occupations with data."""
    directory = Path(directory)
    release = read_release(directory)
    occupations = read_occupations(directory)
    elements = {}
    add_titles(directory, occupations)
    add_ratings(directory, occupations, elements)
    add_technology_and_tools(directory, occupations)
    add_related(directory, occupations)
    add_education(directory, occupations)
    add_interests(directory, occupations)
    return {
        "release": release,
        "files": [directory / README, *(directory / name for name in FILES.values())],
        "occupations": occupations,
        "elements": elements,
        "education_categories": read_education_categories(directory),
    }
