"""Sentences about an occupation, composed from its facts by our own templates.

Nothing here is copied from a source: every word is ours and every figure names
the release it comes from.
"""

MAX_SUMMARY = 200

# Major groups whose name, with "Occupations" dropped, reads badly after "Work in".
FIELD_NAMES = {
    "15-0000": "computing and mathematics",
    "23-0000": "law",
    "25-0000": "teaching and libraries",
    "29-0000": "healthcare practice and technology",
}


def _field(facts: dict) -> str:
    """The major group as a field of work: "office and administrative support"."""
    group = facts.get("group") or {}
    if group.get("code") in FIELD_NAMES:
        return FIELD_NAMES[group["code"]]
    name = (group.get("name") or "").removesuffix(" Occupations")
    return name.removesuffix(" and Related").removesuffix(" Related").lower()


def _money(dollars: int) -> str:
    return f"${dollars:,}"


def _hourly(cents: int) -> str:
    return f"${cents // 100}.{cents % 100:02d}"


def _pay(facts: dict) -> str:
    """The national median in the unit BLS publishes it, or why there is none."""
    wages = facts.get("wages")
    if not wages:
        return "no pay figures published"
    annual = (wages.get("annual") or {}).get("median")
    hourly = (wages.get("hourly_cents") or {}).get("median")
    if wages.get("unit") != "hourly" and annual is not None:
        pay = f"a median {_money(annual)} a year"
    elif hourly is not None:
        pay = f"a median {_hourly(hourly)} an hour"
    elif {"annual.median", "hourly.median"} & set(wages.get("above_top", [])):
        pay = "a median above the highest figure published"
    else:
        return "no median pay published"
    if (facts.get("bls") or {}).get("wider_group"):
        # BLS publishes one figure for this and other occupations together.
        pay += " in its wider BLS group"
    release = (facts.get("releases") or {}).get("oews", {}).get("release")
    return f"{pay} ({release})" if release else pay


def _outlook(facts: dict) -> str:
    projections = facts.get("projections") or {}
    change = projections.get("change_percent")
    if change is None:
        return ""
    if change > 0:
        trend = f"to grow {change:g}%"
    elif change < 0:
        trend = f"to fall {-change:g}%"
    else:
        trend = "to stay level"
    period = (facts.get("releases") or {}).get("projections", {}).get("release")
    return f"jobs are projected {trend}" + (f" over {period}" if period else "")


def list_summary(facts: dict) -> str:
    """One sentence for lists and search results: the field, the median pay with
    its release and the outlook, at most MAX_SUMMARY characters."""
    field = _field(facts)
    subject = f"Work in {field}" if field else "Work"
    pay = _pay(facts)
    outlook = _outlook(facts)
    candidates = [
        f"{subject}, paying {pay}; {outlook}." if outlook else "",
        f"{subject}, paying {pay}.",
        f"{subject}; {outlook}." if outlook else "",
        f"{subject}.",
    ]
    if pay.startswith("no "):
        candidates[:2] = [
            f"{subject}, with {pay}; {outlook}." if outlook else "",
            f"{subject}, with {pay}.",
        ]
    for sentence in candidates:
        if sentence and len(sentence) <= MAX_SUMMARY:
            return sentence
    return subject[: MAX_SUMMARY - 1] + "."
