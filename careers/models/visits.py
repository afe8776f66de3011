"""Which guides a signed-in person has read."""

from django.conf import settings
from django.db import models

from careers.models.guides import Career


class GuideView(models.Model):
    """When a signed-in person last read a guide, for "Recently viewed"."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="guide_views"
    )
    career = models.ForeignKey(Career, on_delete=models.CASCADE, related_name="+")
    viewed_at = models.DateTimeField()

    class Meta:
        ordering = ["-viewed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "career"], name="careers_guide_view_once_per_person"
            ),
        ]
        indexes = [
            # The dashboard: a person's most recently viewed guides.
            models.Index(
                fields=["user", "-viewed_at"], name="careers_guide_view_recent_idx"
            ),
        ]

    def __str__(self):
        return f"{self.user} viewed {self.career}"
