"""Offers side by side: yearly figures, and where each base pay sits among BLS's
percentiles for the linked occupation, nationally and in the offer's state.

Works on offers fetched with their application, guide and occupation, so the
compare page asks nothing more of the database."""

from collections import Counter
from dataclasses import dataclass, replace

from careers.pay_position import Position, occupation_name, position, sentence
from tracker.models import Offer

NATIONAL = "in the United States"


@dataclass(frozen=True)
class Placement:
    """What the page says about one base pay against one set of BLS figures."""

    text: str  # the sentence, or what to do to get one
    found: Position | None = None  # None when there is nothing to compare with


@dataclass(frozen=True)
class OfferRow:
    offer: Offer
    national: Placement
    state: Placement
    group_note: str  # "" unless the figures are for a wider BLS group
    needs_occupation: bool
    # "Offer 2 of 3" when its application holds several; "" when just one.
    number: str = ""


def _occupation(offer: Offer):
    career = offer.application.career
    return career.occupation if career is not None else None


def bls_source(facts: dict) -> str:
    """ "BLS May 2025": the wage survey's release, as the guides name it."""
    release = ((facts.get("releases") or {}).get("oews") or {}).get("release", "")
    return f"BLS {release}".strip()


def _state_cell(facts: dict, code: str) -> dict | None:
    return next((s for s in facts.get("states") or [] if s["code"] == code), None)


def offer_row(offer: Offer) -> OfferRow:
    """The compare page's row for one offer."""
    occupation = _occupation(offer)
    if occupation is None:
        none = Placement("")
        return OfferRow(offer, none, none, group_note="", needs_occupation=True)
    facts = occupation.facts or {}
    national = facts.get("wages")
    who = occupation_name(facts.get("title") or occupation.title)
    source = bls_source(facts)

    def placed(cell: dict | None, where: str) -> Placement:
        found = position(
            national,
            cell,
            amount=offer.base_pay,
            period=offer.pay_period,
            currency=offer.currency,
        )
        return Placement(sentence(found, who=who, where=where, source=source), found)

    if offer.state:
        state = placed(_state_cell(facts, offer.state), f"in {offer.state_name}")
    else:
        state = Placement("Add the state the job is in to compare with pay there.")
    bls = facts.get("bls") or {}
    group_note = (
        f"BLS publishes these figures for the wider group “{bls['title']}”."
        if bls.get("wider_group")
        else ""
    )
    return OfferRow(
        offer,
        placed(national, NATIONAL),
        state,
        group_note=group_note,
        needs_occupation=False,
    )


def offer_rows(offers: list[Offer]) -> list[OfferRow]:
    """A row per offer, numbered within its application when it holds several
    (so two columns never read the same). `offers` come grouped by application."""
    counts = Counter(offer.application_id for offer in offers)
    seen: Counter = Counter()
    rows = []
    for offer in offers:
        seen[offer.application_id] += 1
        total = counts[offer.application_id]
        number = f"Offer {seen[offer.application_id]} of {total}" if total > 1 else ""
        rows.append(replace(offer_row(offer), number=number))
    return rows
