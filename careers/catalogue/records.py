"""Turn the data pack's occupation records into what the database keeps.

`occupation_row(record, reference)` is the one place a pack record becomes an
Occupation's columns, its `facts` (the record with every code resolved to a
name, so a guide page needs no other lookup) and its titles. The loader and
the tests' factories both use it.

Facts keep the pack's units: annual wages in whole dollars, hourly wages in
cents, openings and employment in people. A wage BLS did not publish is None
and named in `not_published`; a top-coded one is None and named in `above_top`.
"""

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.text import slugify

WAGE_POINTS = ("p10", "p25", "median", "p75", "p90")


def normalize_title(text: str) -> str:
    """Lower case, accents removed, anything but letters and digits a single space."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", " ", plain.casefold()).strip()


@dataclass(frozen=True)
class Reference:
    """The pack's shared tables, indexed for resolving codes to names."""

    groups: dict[str, str]  # "43-0000" → "Office and Administrative Support …"
    elements: dict[str, str]  # "2.A.1.a" → "Reading Comprehension"
    skill_groups: list[dict]  # key, name, prefix (in O*NET's order)
    education: dict[int, str]  # category number → level name
    states: dict[str, str]  # "39" → "Ohio"
    releases: dict[str, dict]  # "oews" → the manifest's release entry

    @classmethod
    def from_pack(cls, pack: dict) -> "Reference":
        elements = {
            element["id"]: element["name"]
            for kind in pack["elements"].values()
            for element in kind
        }
        return cls(
            groups={group["code"]: group["name"] for group in pack["major_groups"]},
            elements=elements,
            skill_groups=list(pack["skill_groups"]),
            education={
                row["category"]: row["name"] for row in pack["education_categories"]
            },
            states={state["code"]: state["name"] for state in pack["states"]},
            releases=pack["manifest"]["releases"],
        )

    def skill_group(self, element_id: str) -> dict | None:
        for group in self.skill_groups:
            if element_id == group["prefix"] or element_id.startswith(
                group["prefix"] + "."
            ):
                return group
        return None


@dataclass
class OccupationRow:
    code: str
    group_code: str
    fields: dict  # Occupation columns other than group and the load bookkeeping
    titles: list[tuple[str, str]] = field(default_factory=list)  # (kind, title)

    @property
    def digest(self) -> str:
        """Changes whenever anything the loader would write changes."""
        content = [self.fields, self.group_code, self.titles]
        return hashlib.sha256(
            json.dumps(content, sort_keys=True, default=str).encode()
        ).hexdigest()


def _rated(items: list[dict], reference: Reference, with_group: bool) -> list[dict]:
    rows = []
    for item in items:
        row = {
            "id": item["id"],
            "name": reference.elements.get(item["id"], item["id"]),
            "im": item.get("im"),
            "lv": item.get("lv"),
        }
        if with_group:
            group = reference.skill_group(item["id"])
            row["group"] = group["key"] if group else ""
            row["group_name"] = group["name"] if group else ""
        rows.append(row)
    return rows


def _wages(cell: dict | None) -> dict | None:
    if not cell:
        return None
    return {
        "unit": cell.get("unit") or "none",
        "employment": cell.get("employment"),
        "annual": cell.get("annual"),
        "hourly_cents": cell.get("hourly_cents"),
        "not_published": list(cell.get("not_published", [])),
        "above_top": list(cell.get("above_top", [])),
    }


def _facts(record: dict, reference: Reference) -> dict:
    oews = record.get("oews") or {}
    national = _wages(oews.get("national"))
    states = []
    for cell in oews.get("states", []):
        wages = _wages(cell)
        wages["code"] = cell["state"]
        wages["name"] = reference.states.get(cell["state"], cell["state"])
        states.append(wages)
    states.sort(key=lambda state: state["name"])
    education = [
        {
            "category": row["category"],
            "name": reference.education.get(row["category"], str(row["category"])),
            "share": row["share"],
        }
        for row in record.get("education", [])
    ]
    return {
        "code": record["code"],
        "title": record["title"],
        "soc": record["soc"],
        "onet_url": record.get("onet_url", ""),
        "group": {
            "code": record["major_group"],
            "name": reference.groups.get(record["major_group"], ""),
        },
        "job_zone": record.get("job_zone"),
        "bls": record.get("bls") or {},
        "wages": national,
        "states": states,
        "industries": [
            {"name": row["name"], "employment": row.get("employment")}
            for row in oews.get("industries", [])
        ],
        "projections": record.get("projections"),
        "skills": _rated(record.get("skills", []), reference, with_group=True),
        "knowledge": _rated(record.get("knowledge", []), reference, with_group=False),
        "work_styles": _rated(
            record.get("work_styles", []), reference, with_group=False
        ),
        "technology": list(record.get("technology", [])),
        "tools": list(record.get("tools", [])),
        "education": education,
        "interests": record.get("interests"),
        "alternate_titles": [
            {"title": row["title"], "short": row.get("short")}
            for row in record.get("alternate_titles", [])
        ],
        "reported_titles": [row["title"] for row in record.get("reported_titles", [])],
        "related": [row["code"] for row in record.get("related", [])],
        "releases": {
            key: {"name": release["name"], "release": release["release"]}
            for key, release in reference.releases.items()
        },
    }


def _titles(record: dict) -> list[tuple[str, str]]:
    titles = {("main", record["title"])}
    for row in record.get("alternate_titles", []):
        titles.add(("alternate", row["title"]))
        if row.get("short"):
            titles.add(("short", row["short"]))
    for row in record.get("reported_titles", []):
        titles.add(("reported", row["title"]))
    return sorted(titles)


def occupation_row(record: dict, reference: Reference) -> OccupationRow:
    """The Occupation a pack record describes (without its group and bookkeeping)."""
    facts = _facts(record, reference)
    wages = facts["wages"] or {}
    annual = wages.get("annual") or {}
    hourly = wages.get("hourly_cents") or {}
    projections = facts["projections"] or {}
    growth = projections.get("change_percent")
    fields = {
        "soc_code": record["soc"],
        "title": record["title"],
        "slug": slugify(record["title"])[:150] or record["code"],
        "job_zone": record.get("job_zone"),
        "employment": wages.get("employment"),
        "pay_unit": wages.get("unit") or "none",
        "median_annual": annual.get("median"),
        "median_hourly_cents": hourly.get("median"),
        "growth_percent": None if growth is None else Decimal(str(growth)),
        "annual_openings": projections.get("openings"),
        "typical_education": projections.get("education") or "",
        "facts": facts,
    }
    return OccupationRow(
        code=record["code"],
        group_code=record["major_group"],
        fields=fields,
        titles=_titles(record),
    )


def occupation_rows(pack: dict) -> list[OccupationRow]:
    """Every occupation in the pack, with slugs made unique (a code is added to a
    title that two occupations share)."""
    reference = Reference.from_pack(pack)
    rows = [occupation_row(record, reference) for record in pack["occupations"]]
    seen: dict[str, int] = {}
    for row in rows:
        seen[row.fields["slug"]] = seen.get(row.fields["slug"], 0) + 1
    for row in rows:
        if seen[row.fields["slug"]] > 1:
            row.fields["slug"] = slugify(f"{row.fields['title']} {row.code}")
    return rows
