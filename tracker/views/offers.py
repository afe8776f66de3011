"""Offers: recorded on an application at Offer, and compared side by side.

Offers are added and edited while the application is at Offer. After that (it
was accepted, declined or withdrawn) they stay on its page as a record, read
only; deleting one is always possible, since it is the person's own data."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from tracker.access import get_application_for_user, get_offer_for_user
from tracker.models import Status
from tracker.offer_forms import OfferForm
from tracker.offers import offer_rows
from tracker.selectors import live_offers
from tracker.services import offer_create, offer_delete, offer_update

NOT_AT_OFFER = (
    "Offers are recorded while the application is at Offer. Move it back to "
    "Offer to add or change one."
)


def _form_page(request, form, *, application, offer=None, title):
    return render(
        request,
        "tracker/part_form.html",
        {"form": form, "application": application, "part": offer, "title": title},
    )


@login_required
@require_http_methods(["GET", "POST"])
def offer_new(request, pk):
    application = get_application_for_user(request.user, pk)
    if application.status != Status.OFFER:
        messages.warning(request, NOT_AT_OFFER)
        return redirect(application)
    initial = {"currency": application.salary_currency or "USD"}
    form = OfferForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        offer = offer_create(application=application, **form.cleaned_data)
        messages.success(request, f"Added the {offer}.")
        return redirect(offer)
    return _form_page(request, form, application=application, title="Add an offer")


@login_required
@require_http_methods(["GET", "POST"])
def offer_edit(request, pk):
    offer = get_offer_for_user(request.user, pk)
    if offer.application.status != Status.OFFER:
        messages.warning(request, NOT_AT_OFFER)
        return redirect(offer)
    form = OfferForm(request.POST or None, instance=offer)
    if request.method == "POST" and form.is_valid():
        offer_update(offer=offer, **form.cleaned_data)
        messages.success(request, f"Saved the {offer}.")
        return redirect(offer)
    return _form_page(
        request,
        form,
        application=offer.application,
        offer=offer,
        title="Edit the offer",
    )


@login_required
@require_http_methods(["GET", "POST"])
def offer_remove(request, pk):
    offer = get_offer_for_user(request.user, pk)
    application = offer.application
    if request.method == "POST":
        offer_delete(offer=offer)
        messages.success(request, f"Deleted the {offer}.")
        return redirect(application)
    return render(
        request,
        "tracker/confirm_delete.html",
        {
            "object": offer,
            "title": "Delete this offer?",
            "explanation": f"The {offer}, on {application}. This cannot be undone.",
            "cancel_url": offer.get_absolute_url(),
        },
    )


@login_required
@require_GET
def compare(request):
    return render(
        request,
        "tracker/offers.html",
        {"rows": offer_rows(live_offers(user=request.user))},
    )
