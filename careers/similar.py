"""The "careers like this" cards a guide shows, read from Occupation.similar."""

from dataclasses import dataclass

from django.urls import reverse

from careers.catalogue.similarity import SHOWN, overlap_percent
from careers.figures import growth, median_pay


@dataclass(frozen=True)
class SimilarCareer:
    title: str
    slug: str  # the guide's; "" when the occupation has no published guide yet
    url: str  # "" when the occupation has no published guide yet
    overlap: int  # percent
    pay: str
    growth: str
    onet_related: bool  # O*NET lists it among the occupation's related ones too


def similar_careers(occupation, limit: int = SHOWN) -> list[SimilarCareer]:
    """The occupations whose skills overlap most with this one's, from what the
    catalogue load stored: no query."""
    if occupation is None:
        return []
    return [
        SimilarCareer(
            title=card["title"],
            slug=card["slug"],
            url=reverse("careers:detail", args=[card["slug"]]) if card["slug"] else "",
            overlap=overlap_percent(card["score"]),
            pay=median_pay(
                card["pay_unit"], card["median_annual"], card["median_hourly_cents"]
            ),
            growth=growth(card["growth_percent"]),
            onet_related=card["onet_related"],
        )
        for card in occupation.similar[:limit]
    ]
