"""QuerySet behaviour shared by the apps' models."""

from django.db import models


class OwnedQuerySet(models.QuerySet):
    """Rows that belong to one person: every query for a person's data starts at
    for_user(), so no view can forget the owner filter."""

    owner_lookup = "owner"

    def for_user(self, user):
        """Return the person's rows (none for anonymous people)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(**{self.owner_lookup: user})


class PublishableQuerySet(models.QuerySet):
    """Rows staff publish: everyone sees the published ones, and staff also see
    drafts, which they preview on the site."""

    def published(self):
        raise NotImplementedError

    def visible_to(self, user):
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.published()
