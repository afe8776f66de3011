"""The one-click unsubscribe address in every digest email.

Its token is signed with django.core.signing under a salt of its own, not stored:
it names one person (their id) for this one purpose, so a token signed for
anything else, or changed by one character, is refused. Nothing needs keeping,
every digest the person ever got carries a working link, and rotating SECRET_KEY
(with SECRET_KEY_FALLBACKS) is the way to retire every link at once. It never
expires: what it does is undone in the tracker settings, and an old email must
still unsubscribe.
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse

User = get_user_model()

SALT = "tracker.digest.unsubscribe"


def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT)


def unsubscribe_token(*, user: User) -> str:
    """The same token every time for the same person, so each digest carries
    the same address."""
    return _signer().sign(str(user.pk))


def unsubscribe_path(*, user: User) -> str:
    return reverse("tracker:unsubscribe", args=[unsubscribe_token(user=user)])


def unsubscribe_owner(*, token: str) -> User | None:
    """The active person `token` names, or None for a bad, tampered or
    other-purpose token."""
    try:
        pk = _signer().unsign(token)
    except signing.BadSignature:
        return None
    if not pk.isascii() or not pk.isdigit():
        return None
    return User.objects.filter(pk=int(pk), is_active=True).first()
