"""Reading a posting from its text alone: the title and company lines, labelled
lines ("Location: Leeds"), remote or hybrid, pay and the employment type."""

import re
from datetime import date
from typing import Any

from tracker.cells import parse_date
from tracker.models import EmploymentType, WorkMode
from tracker.pay import find_pay

# The first lines of a posting copied from a job board: title, company, place.
HEADER_LINES = 12
LABELS = {
    "role_title": r"job title|title|position|role|vacancy",
    "company": r"company|employer|organi[sz]ation|hiring company|company name",
    "location": r"location|job location|based in|office|city",
    "pay": r"salary|pay|compensation|wage|rate|salary range|pay range",
    "employment_type": r"job type|employment type|contract type|type",
    "posted_on": r"posted|date posted|posted on",
    "closes_on": r"closing date|closes|apply by|deadline|application deadline",
    "posting_url": r"url|link|job link",
}
LABELLED = re.compile(
    r"^\s*(?P<label>"
    + "|".join(f"(?:{pattern})" for pattern in LABELS.values())
    + r")\s*[:：]\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)
# Headings and boilerplate a title or company line never is.
NOT_A_NAME = re.compile(
    r"^(?:about|job description|description|responsibilities|requirements|"
    r"qualifications|overview|summary|benefits|apply|apply now|save|share|"
    r"easy apply|home|jobs|menu|sign in|skip to|posted|new|urgently hiring|"
    r"full[- ]time|part[- ]time|remote|hybrid|on[- ]site)\b",
    re.IGNORECASE,
)
# "Leeds, UK", "Austin, TX 78701", "Salt Lake City, UT (Hybrid)", "Remote".
_PLACE_NAME = r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}"
PLACE = re.compile(
    r"^(?:(?i:remote|hybrid|on[- ]?site)\b[^.]{0,60}|"
    + rf"{_PLACE_NAME},\s?{_PLACE_NAME}(?:\s\d{{5}})?"
    + r"(?:\s*\((?i:remote|hybrid|on[- ]?site)\))?)$"
)
# Where job boards put the site's name after the title: "Designer - Acme | Indeed".
SITE_SUFFIX = re.compile(
    r"\s*[|\-–—]\s*(?:linkedin|indeed(?:\.com)?|glassdoor|monster|ziprecruiter|"
    r"reed\.co\.uk|totaljobs|workday|greenhouse|lever|careers?|jobs?)\s*$",
    re.IGNORECASE,
)
EMPLOYMENT_WORDS = [
    (re.compile(r"\bfull[- ]?time\b", re.I), EmploymentType.FULL_TIME),
    (re.compile(r"\bpart[- ]?time\b", re.I), EmploymentType.PART_TIME),
    (
        re.compile(r"\b(?:contract|contractor|freelance)\b", re.I),
        EmploymentType.CONTRACT,
    ),
    (re.compile(r"\b(?:temporary|temp|seasonal)\b", re.I), EmploymentType.TEMPORARY),
    (re.compile(r"\b(?:internship|intern)\b", re.I), EmploymentType.INTERNSHIP),
]
HYBRID = re.compile(r"\bhybrid\b", re.IGNORECASE)
REMOTE = re.compile(
    r"\b(?:fully remote|100% remote|remote[- ]first|work from home|remote "
    r"(?:role|position|job|work)|this (?:role|position|job) is remote|"
    r"location:\s*remote)\b|^\s*remote\b",
    re.IGNORECASE | re.MULTILINE,
)
ON_SITE = re.compile(r"\b(?:on[- ]?site|in[- ]office|in the office)\b", re.IGNORECASE)
URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


def fit(text: str, limit: int = 200) -> str:
    """Text cut to the form's length, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def web_address(text: str) -> str:
    """An http(s) address no longer than the form takes, else nothing."""
    text = text.strip()
    if URL.match(text) and len(text) <= 1000:
        return text
    return ""


def clean_title(text: str) -> str:
    """A page title without the site's name after it."""
    previous = None
    while previous != text:
        previous, text = text, SITE_SUFFIX.sub("", text)
    return text.strip(" -|–—")


def work_mode_in(text: str) -> str:
    """Hybrid, remote or on-site, when the text says so (hybrid wins)."""
    if HYBRID.search(text):
        return WorkMode.HYBRID
    if REMOTE.search(text):
        return WorkMode.REMOTE
    if ON_SITE.search(text):
        return WorkMode.ON_SITE
    return ""


def employment_type_in(text: str) -> str:
    """The employment type the text names first."""
    found = [
        (match.start(), kind)
        for pattern, kind in EMPLOYMENT_WORDS
        if (match := pattern.search(text))
    ]
    return min(found)[1] if found else ""


def _labelled(lines: list[str]) -> dict[str, str]:
    found = {}
    for line in lines:
        match = LABELLED.match(line)
        if not match:
            continue
        label = match["label"].lower()
        for name, pattern in LABELS.items():
            if re.fullmatch(pattern, label, re.IGNORECASE):
                found.setdefault(name, match["value"].strip())
                break
    return found


def _is_name(line: str, *, words: int) -> bool:
    """A line that can be a title or a company: short, no sentence, no heading."""
    return (
        0 < len(line) <= 100
        and len(line.split()) <= words
        and re.search(r"[A-Za-z]", line) is not None
        and not line.endswith((".", "!", "?", ":"))
        and not NOT_A_NAME.match(line)
        and not LABELLED.match(line)
        and not URL.match(line)
        and find_pay(line) is None
    )


def _split(line: str) -> list[str]:
    """A header line such as "Acme · Leeds, UK (Hybrid)" in its parts."""
    return [part.strip() for part in re.split(r"\s+[·•|]\s+", line) if part.strip()]


def _read_date(text: str) -> date | None:
    try:
        day = parse_date(text.split(" at ")[0].strip(), order="dmy")
    except ValueError:
        return None
    return day if 1970 <= day.year <= 2100 else None


def read_text(text: str, *, title: str = "") -> dict[str, Any]:
    """The application's values from a posting's plain text."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    header = [part for line in lines[:HEADER_LINES] for part in _split(line)]
    labelled = _labelled(lines)
    values: dict[str, Any] = {"job_description": text}

    role = labelled.get("role_title") or clean_title(title)
    company = labelled.get("company", "")
    if not role:
        role = next((line for line in header if _is_name(line, words=12)), "")
    if " at " in role and not company:
        role, _, company = role.rpartition(" at ")
    elif not company and role:
        # The line after the title, as job boards lay a posting out.
        after = header[header.index(role) + 1 :] if role in header else []
        company = next(
            (
                line
                for line in after[:2]
                if _is_name(line, words=8) and not PLACE.match(line)
            ),
            "",
        )
    values["role_title"] = fit(role.strip())
    values["company"] = fit(company.strip())

    location = labelled.get("location") or next(
        (line for line in header if PLACE.match(line) and line != role), ""
    )
    values["location"] = fit(
        re.sub(r"\s*\((?:remote|hybrid|on[- ]?site)\)$", "", location, flags=re.I)
    )
    if re.fullmatch(r"remote|hybrid|on[- ]?site", values["location"], re.IGNORECASE):
        values["location"] = ""
    values["work_mode"] = work_mode_in("\n".join(header)) or work_mode_in(text)

    pay = find_pay(labelled["pay"]) if "pay" in labelled else None
    pay = pay or find_pay(text)
    if pay is not None:
        values |= {
            "salary_min": pay.low,
            "salary_max": pay.high,
            "salary_period": pay.period,
            "salary_currency": pay.currency,
        }
    values["employment_type"] = employment_type_in(
        labelled.get("employment_type", "")
    ) or employment_type_in("\n".join(header))
    values["posted_on"] = _read_date(labelled.get("posted_on", ""))
    values["closes_on"] = _read_date(labelled.get("closes_on", ""))
    values["posting_url"] = web_address(labelled.get("posting_url", "")) or next(
        (line for line in lines[:HEADER_LINES] if web_address(line)), ""
    )
    return values
