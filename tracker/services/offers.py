"""Recording offers: every write to a person's offers goes through these."""

from tracker.models import Application, Offer


def offer_create(*, application: Application, **fields) -> Offer:
    """Record an offer on the application (the caller checks it is at Offer)."""
    offer = Offer(application=application, **fields)
    offer.full_clean()
    offer.save()
    return offer


def offer_update(*, offer: Offer, **fields) -> Offer:
    for name, value in fields.items():
        setattr(offer, name, value)
    offer.full_clean()
    offer.save()
    return offer


def offer_delete(*, offer: Offer) -> None:
    offer.delete()
