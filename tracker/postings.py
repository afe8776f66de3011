"""Reading a pasted job posting (its text or its page source) into the fields of
an application, for the person to check before anything is saved.

A schema.org JobPosting block (JSON-LD) is read when the page has one; otherwise
the text is read by the heuristics in tracker.posting_text. Pure functions: no
database, nothing fetched.
"""

import html
import json
import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from typing import Any

from tracker.models import EmploymentType, WorkMode
from tracker.pay import Pay, structured_pay
from tracker.posting_text import (
    clean_title,
    fit,
    read_text,
    web_address,
    work_mode_in,
)

# The order the form lists them in, which is the order "found" is reported in.
POSTING_FIELDS = (
    "company",
    "role_title",
    "work_mode",
    "location",
    "posting_url",
    "employment_type",
    "salary_min",
    "salary_max",
    "salary_period",
    "salary_currency",
    "posted_on",
    "closes_on",
    "job_description",
)

EMPLOYMENT_TYPES = {
    "FULL_TIME": EmploymentType.FULL_TIME,
    "FULLTIME": EmploymentType.FULL_TIME,
    "PART_TIME": EmploymentType.PART_TIME,
    "PARTTIME": EmploymentType.PART_TIME,
    "CONTRACTOR": EmploymentType.CONTRACT,
    "CONTRACT": EmploymentType.CONTRACT,
    "TEMPORARY": EmploymentType.TEMPORARY,
    "INTERN": EmploymentType.INTERNSHIP,
    "INTERNSHIP": EmploymentType.INTERNSHIP,
    "PER_DIEM": EmploymentType.OTHER,
    "VOLUNTEER": EmploymentType.OTHER,
    "OTHER": EmploymentType.OTHER,
}

HTML_TAG = re.compile(
    r"<(?:!doctype|html|head|body|div|p|br|span|script|meta|h[1-6]|li|ul|a|section|"
    r"article|main|table|title)\b",
    re.IGNORECASE,
)
# Deeper than any real JobPosting; stops a crafted block from recursing for long.
MAX_DEPTH = 12


@dataclass
class ReadPosting:
    values: dict[str, Any] = field(default_factory=dict)
    from_structured_data: bool = False

    @property
    def found(self) -> list[str]:
        """The fields read from the posting, in the form's order."""
        return [name for name in POSTING_FIELDS if self.values.get(name)]

    @property
    def nothing_found(self) -> bool:
        """True when only a description came out: no title, company, pay or place."""
        return not set(self.found) - {"job_description"}


def looks_binary(text: str) -> bool:
    """True for text that is a file's bytes, not words (a PDF or image pasted)."""
    if "\x00" in text:
        return True
    odd = sum(
        1
        for char in text[:20_000]
        if (char < " " and char not in "\t\n\r\f") or char == "\ufffd"
    )
    return odd > max(8, len(text[:20_000]) // 100)


class _PageReader(HTMLParser):
    """One pass over a page: its visible text, title, first heading, canonical
    address and JSON-LD blocks."""

    BLOCKS = frozenset(
        [
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "table",
            "section",
            "article",
            "header",
            "footer",
            "dt",
            "dd",
            "blockquote",
            "pre",
            "hr",
            "title",
            "main",
            "aside",
            "nav",
            "form",
        ]
    )
    HIDDEN = frozenset(
        ["script", "style", "noscript", "template", "svg", "iframe", "object"]
    )

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.json_ld: list[str] = []
        self.title = self.heading = self.canonical = ""
        self._hidden = 0
        self._json: list[str] | None = None
        self._in: str = ""  # "title" or "h1" while inside the first of them
        self._captured: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self._hidden += 1
            attributes = dict(attrs)
            if tag == "script" and "ld+json" in (attributes.get("type") or ""):
                self._json = []
            return
        if tag in self.BLOCKS:
            self.parts.append("\n")
        if (tag == "title" and not self.title) or (tag == "h1" and not self.heading):
            self._in, self._captured = tag, []
        elif tag in ("link", "meta") and not self.canonical:
            attributes = dict(attrs)
            if (attributes.get("rel") or "").lower() == "canonical":
                self.canonical = attributes.get("href") or ""
            elif (attributes.get("property") or "").lower() == "og:url":
                self.canonical = attributes.get("content") or ""

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in self.HIDDEN:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self._hidden = max(0, self._hidden - 1)
            if tag == "script" and self._json is not None:
                self.json_ld.append("".join(self._json))
                self._json = None
            return
        if tag == self._in:
            setattr(
                self, "title" if tag == "title" else "heading", _line(self._captured)
            )
            self._in = ""
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._hidden:
            if self._json is not None:
                self._json.append(data)
            return
        if self._in:
            self._captured.append(data)
        if self._in != "title":
            self.parts.append(data)

    def text(self) -> str:
        return tidy("".join(self.parts))


def _line(parts: list[str]) -> str:
    return " ".join("".join(parts).split())


def tidy(text: str) -> str:
    """Text with runs of spaces made one and at most one blank line in a row."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def html_to_text(markup: str) -> str:
    """The visible text of some HTML, one block to a line."""
    reader = _PageReader()
    reader.feed(markup)
    reader.close()
    return reader.text()


def looks_like_html(text: str) -> bool:
    return bool(HTML_TAG.search(text[:50_000]))


def _plain(value) -> str:
    """A schema.org text value as plain text on one line."""
    if isinstance(value, dict):
        value = value.get("name") or ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        return ""
    text = html.unescape(str(value))
    if "<" in text:
        text = html_to_text(text)
    return " ".join(text.split())


def _description(value) -> str:
    if not isinstance(value, str):
        return ""
    text = html.unescape(value)
    # An escaped description unescapes to HTML; a plain one stays text.
    return html_to_text(text) if looks_like_html(text) else tidy(text)


def _date(value) -> date | None:
    """An ISO date or date-time, within the years people may enter."""
    if not isinstance(value, str):
        return None
    try:
        day = date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
    return day if 1970 <= day.year <= 2100 else None


def _is_posting(item: dict) -> bool:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return "JobPosting" in kinds


def find_job_posting(data, depth: int = 0) -> dict | None:
    """The first JobPosting in a JSON-LD value: itself, in a list, or in @graph."""
    if depth > MAX_DEPTH:
        return None
    if isinstance(data, dict):
        if _is_posting(data):
            return data
        data = data.get("@graph", [])
    if isinstance(data, list):
        for item in data:
            if found := find_job_posting(item, depth + 1):
                return found
    return None


def parse_json_ld(blocks: list[str]) -> dict | None:
    """The first JobPosting in the page's JSON-LD blocks; broken blocks are skipped."""
    for block in blocks:
        text = block.strip()
        text = re.sub(r"^(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>$", "", text).strip()
        try:
            data = json.loads(text, strict=False)
        except (ValueError, RecursionError):
            continue
        if posting := find_job_posting(data):
            return posting
    return None


def _address(place) -> str:
    if isinstance(place, str):
        return _plain(place)
    if not isinstance(place, dict):
        return ""
    address = place.get("address", place)
    if isinstance(address, str):
        return _plain(address)
    if not isinstance(address, dict):
        return _plain(place.get("name"))
    parts = [
        _plain(address.get(key))
        for key in ("addressLocality", "addressRegion", "addressCountry")
    ]
    unique = list(dict.fromkeys(part for part in parts if part))
    return ", ".join(unique) or _plain(place.get("name"))


def _locations(posting: dict) -> str:
    places = posting.get("jobLocation")
    places = places if isinstance(places, list) else [places]
    names = list(dict.fromkeys(name for name in map(_address, places) if name))
    if not names:
        required = posting.get("applicantLocationRequirements")
        required = required if isinstance(required, list) else [required]
        names = [name for name in map(_plain, required) if name]
    return fit_list(names)


def fit_list(names: list[str], limit: int = 200) -> str:
    """Names joined with "; ", as many as fit, then "and N more"."""
    text = ""
    for count, name in enumerate(names):
        more = len(names) - count - 1
        candidate = f"{text}; {name}" if text else name
        tail = f" and {more} more" if more else ""
        if len(candidate + tail) > limit:
            rest = len(names) - count
            return fit(f"{text} and {rest} more" if text else name, limit)
        text = candidate
    return text


def _employment_type(value) -> str:
    values = value if isinstance(value, list) else [value]
    for item in values:
        key = re.sub(r"[\s-]", "_", str(item or "")).upper()
        if key in EMPLOYMENT_TYPES:
            return EMPLOYMENT_TYPES[key]
    return ""


def pay_values(pay: Pay | None) -> dict[str, Any]:
    if pay is None:
        return {}
    return {
        "salary_min": pay.low,
        "salary_max": pay.high,
        "salary_period": pay.period,
        "salary_currency": pay.currency,
    }


def read_json_ld(posting: dict, page_text: str = "") -> dict[str, Any]:
    """A JobPosting's values for the application form."""
    description = _description(posting.get("description"))
    organisation = posting.get("hiringOrganization")
    kinds = posting.get("jobLocationType")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if any(str(kind).upper() == "TELECOMMUTE" for kind in kinds):
        work_mode = WorkMode.REMOTE
    else:
        work_mode = work_mode_in(description)
    return {
        "company": fit(_plain(organisation)),
        "role_title": fit(clean_title(_plain(posting.get("title")))),
        "work_mode": work_mode,
        "location": _locations(posting),
        "posting_url": web_address(_plain(posting.get("url"))),
        "employment_type": _employment_type(posting.get("employmentType")),
        **pay_values(structured_pay(posting.get("baseSalary"))),
        "posted_on": _date(posting.get("datePosted")),
        "closes_on": _date(posting.get("validThrough")),
        "job_description": description or page_text,
    }


def read_posting(text: str) -> ReadPosting:
    """Read a pasted posting: its JobPosting block if it has one, else its text."""
    if looks_like_html(text):
        reader = _PageReader()
        reader.feed(text)
        reader.close()
        page_text = reader.text()
        if posting := parse_json_ld(reader.json_ld):
            values = read_json_ld(posting, page_text)
            values["posting_url"] = values["posting_url"] or web_address(
                reader.canonical
            )
            return ReadPosting(_filled(values), from_structured_data=True)
        values = read_text(page_text, title=reader.heading or reader.title)
        values["posting_url"] = values.get("posting_url") or web_address(
            reader.canonical
        )
        return ReadPosting(_filled(values))
    if text.lstrip().startswith(("{", "[")) and (posting := parse_json_ld([text])):
        return ReadPosting(_filled(read_json_ld(posting)), from_structured_data=True)
    return ReadPosting(_filled(read_text(tidy(text))))


def _filled(values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if value not in ("", None)}
