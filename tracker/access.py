"""One access helper per owned object type: the object, or 404 for anyone else.

Another person's application answers exactly like one that does not exist, so
ids reveal nothing.
"""

from django.shortcuts import get_object_or_404

from tracker.models import (
    Application,
    Contact,
    Document,
    Interview,
    Note,
    Offer,
    ShareLink,
)


def get_application_for_user(user, pk, *, related=(), queryset=None) -> Application:
    """Return the person's application `pk`, prefetching `related`, or 404.

    `queryset` (say, one with annotations) narrows Application.objects."""
    if queryset is None:
        queryset = Application.objects.all()
    queryset = (
        queryset.for_user(user).select_related("career").prefetch_related(*related)
    )
    application = get_object_or_404(queryset, pk=pk)
    application.owner = user  # it is theirs: saves a query wherever owner is used
    return application


def get_document_for_user(user, pk) -> Document:
    return get_object_or_404(Document.objects.for_user(user), pk=pk)


def get_interview_for_user(user, pk) -> Interview:
    queryset = Interview.objects.for_user(user).select_related("application")
    return get_object_or_404(queryset, pk=pk)


def get_contact_for_user(user, pk) -> Contact:
    queryset = Contact.objects.for_user(user).select_related("application")
    return get_object_or_404(queryset, pk=pk)


def get_note_for_user(user, pk) -> Note:
    queryset = Note.objects.for_user(user).select_related("application")
    return get_object_or_404(queryset, pk=pk)


def get_share_link_for_user(user, pk) -> ShareLink:
    return get_object_or_404(ShareLink.objects.for_user(user), pk=pk)


def get_offer_for_user(user, pk) -> Offer:
    queryset = Offer.objects.for_user(user).select_related("application")
    return get_object_or_404(queryset, pk=pk)
