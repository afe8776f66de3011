"""Checking a whole data pack before the loader writes any of it.

A pack that fails here is refused with a message naming the record and what is
wrong, so a corrupt pack never leaves half a catalogue behind.
"""

import re

from careers.catalogue.pack import PackError
from careers.catalogue.records import (
    OccupationRow,
    Reference,
    occupation_row,
    occupation_rows,
)
from careers.models import Career, DataRelease, Occupation, OccupationTitle

TABLES = {
    "education_categories": list,
    "elements": dict,
    "major_groups": list,
    "manifest": dict,
    "occupations": list,
    "skill_groups": list,
    "states": list,
}
RELEASE_KEYS = ("name", "publisher", "release", "date")
CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
GROUP_CODE = re.compile(r"^\d{2}-0000$")
RECORD_KEYS = {"code": str, "title": str, "soc": str, "major_group": str}
RECORD_LISTS = (
    "alternate_titles",
    "reported_titles",
    "skills",
    "knowledge",
    "work_styles",
    "technology",
    "tools",
    "education",
    "related",
)
RECORD_TABLES = ("oews", "projections", "bls", "interests")
COUNTS = ("employment", "median_annual", "median_hourly_cents", "annual_openings")
UNREADABLE = (KeyError, TypeError, AttributeError, ValueError, ArithmeticError)
# A generated guide's address may get "-<code>" added when a hand-written guide
# already uses the occupation's.
SLUG_ROOM = Career._meta.get_field("slug").max_length - len("-00-0000-00")


def _fail(message: str):
    raise PackError(message)


def _check_tables(pack) -> None:
    if not isinstance(pack, dict):
        _fail("the pack is not a JSON object")
    for name, kind in TABLES.items():
        if name not in pack:
            _fail(f"missing table {name!r}")
        if not isinstance(pack[name], kind):
            _fail(f"table {name!r} is not a {kind.__name__}")
    releases = pack["manifest"].get("releases")
    if not isinstance(releases, dict):
        _fail("manifest: missing 'releases'")
    for source in DataRelease.Source.values:
        release = releases.get(source)
        if not isinstance(release, dict):
            _fail(f"manifest: missing release {source!r}")
        for key in RELEASE_KEYS:
            if not isinstance(release.get(key), str) or not release[key]:
                _fail(f"manifest: release {source!r} has no {key!r}")
    codes = set()
    for group in pack["major_groups"]:
        code = group.get("code") if isinstance(group, dict) else None
        if not isinstance(code, str) or not GROUP_CODE.match(code):
            _fail(f"major group {group!r}: not a code like 43-0000")
        if not isinstance(group.get("name"), str) or not group["name"]:
            _fail(f"major group {code}: no name")
        if code in codes:
            _fail(f"major group {code} appears twice")
        codes.add(code)
    if not pack["occupations"]:
        _fail("no occupations")


def _check_record(number: int, record, groups: set[str], seen: set[str]) -> None:
    if not isinstance(record, dict):
        _fail(f"occupation #{number}: not a JSON object")
    where = f"occupation {record.get('code') or f'#{number}'}"
    for key, kind in RECORD_KEYS.items():
        if key not in record:
            _fail(f"{where}: missing {key!r}")
        if not isinstance(record[key], kind) or not record[key]:
            _fail(f"{where}: {key!r} is not a {kind.__name__}")
    code = record["code"]
    if not CODE.match(code):
        _fail(f"{where}: code is not like 43-4051.00")
    if code in seen:
        _fail(f"{where}: code appears twice")
    seen.add(code)
    if record["soc"] != code[:7]:
        _fail(f"{where}: SOC code {record['soc']!r} does not match the code")
    if record["major_group"] not in groups:
        _fail(f"{where}: unknown major group {record['major_group']!r}")
    if len(record["title"]) > Career._meta.get_field("title").max_length:
        _fail(f"{where}: title longer than a guide's title may be")
    job_zone = record.get("job_zone")
    if job_zone is not None and (type(job_zone) is not int or not 1 <= job_zone <= 5):
        _fail(f"{where}: job zone {job_zone!r} is not 1 to 5")
    for key in RECORD_LISTS:
        if not isinstance(record.get(key, []), list):
            _fail(f"{where}: {key!r} is not a list")
    for key in RECORD_TABLES:
        if not isinstance(record.get(key) or {}, dict):
            _fail(f"{where}: {key!r} is not a JSON object")


def _rows(pack: dict) -> list[OccupationRow]:
    """The pack's rows; a record the transform cannot read is named."""
    try:
        return occupation_rows(pack)
    except UNREADABLE as error:
        problem = error
    try:
        reference = Reference.from_pack(pack)
    except UNREADABLE as error:
        raise PackError(f"shared tables: cannot read them ({error!r})") from error
    for record in pack["occupations"]:
        try:
            occupation_row(record, reference)
        except UNREADABLE as error:
            raise PackError(
                f"occupation {record['code']}: cannot read it ({error!r})"
            ) from error
    raise PackError(f"the occupations cannot be read ({problem!r})") from problem


def _check_row(row: OccupationRow, slugs: set[str]) -> None:
    where = f"occupation {row.code}"
    fields = row.fields
    slug = fields["slug"]
    if slug in slugs:
        _fail(f"{where}: address {slug!r} is used twice")
    slugs.add(slug)
    if len(slug) > SLUG_ROOM:
        _fail(f"{where}: address {slug!r} is too long")
    for name in COUNTS:
        value = fields[name]
        if value is not None and (type(value) is not int or value < 0):
            _fail(f"{where}: {name} {value!r} is not a whole number")
    growth = fields["growth_percent"]
    if growth is not None and abs(growth) >= 10_000:
        _fail(f"{where}: projected change {growth}% is out of range")
    if fields["pay_unit"] not in Occupation.PayUnit.values:
        _fail(f"{where}: unknown pay unit {fields['pay_unit']!r}")
    longest = OccupationTitle._meta.get_field("title").max_length
    for kind, title in row.titles:
        if not isinstance(title, str) or not title or len(title) > longest:
            _fail(f"{where}: {kind} title {title!r} is empty or too long")


def validated_rows(pack) -> list[OccupationRow]:
    """Every occupation row of the pack, or PackError naming the first problem."""
    _check_tables(pack)
    groups = {group["code"] for group in pack["major_groups"]}
    seen: set[str] = set()
    for number, record in enumerate(pack["occupations"], start=1):
        _check_record(number, record, groups, seen)
    rows = _rows(pack)
    slugs: set[str] = set()
    for row in rows:
        _check_row(row, slugs)
    return rows
