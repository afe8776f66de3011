"""Secret addresses: the calendar feed's token and the coach's share links.

Each is a long random token (`secrets.token_urlsafe`), the only key to what it
opens; replacing or revoking it makes the old address answer 404.
"""

import secrets

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from tracker.models import ShareLink, TrackerProfile

User = get_user_model()

TOKEN_BYTES = 32  # 43 URL-safe characters


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def calendar_token_regenerate(*, user: User) -> str:
    """Give the person a new calendar feed address; the old one stops working."""
    token = new_token()
    TrackerProfile.objects.update_or_create(
        user=user, defaults={"calendar_token": token}
    )
    return token


def calendar_feed_stop(*, user: User) -> None:
    """Turn the feed off: no address works until the person makes a new one."""
    TrackerProfile.objects.filter(user=user).update(calendar_token="")


def calendar_owner(*, token: str) -> User | None:
    """The active person whose feed `token` opens, or None."""
    if not token:
        return None
    profile = (
        TrackerProfile.objects.select_related("user")
        .filter(calendar_token=token, user__is_active=True)
        .first()
    )
    return profile.user if profile else None


@transaction.atomic
def share_link_create(*, owner: User, label: str = "") -> ShareLink:
    return ShareLink.objects.create(owner=owner, token=new_token(), label=label)


def share_link_revoke(*, link: ShareLink) -> ShareLink:
    """Revoke the link for good; its address answers 404 from now on."""
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link


def live_share_link(*, token: str) -> ShareLink | None:
    """The live link with this token (owner loaded), or None."""
    if not token:
        return None
    return (
        ShareLink.objects.live()
        .select_related("owner")
        .filter(token=token, owner__is_active=True)
        .first()
    )


def share_links_export(*, user: User) -> list[dict]:
    """The person's share links for the account export (never their tokens)."""
    return [
        {
            "label": link.label,
            "created_at": link.created_at.isoformat(),
            "revoked_at": link.revoked_at.isoformat() if link.revoked_at else None,
        }
        for link in ShareLink.objects.for_user(user)
    ]
