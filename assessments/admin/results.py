"""Results in the admin: people's records, read-only."""

from django.contrib import admin

from assessments import models


@admin.register(models.Result)
class ResultAdmin(admin.ModelAdmin):
    """Results are people's records: staff may look, never add or edit.

    Deleting stays allowed, so deleting an account (or an assessment) in the
    admin can take its results with it.
    """

    list_display = [
        "assessment",
        "owner_email",
        "overall_score",
        "band_label",
        "created_at",
    ]
    list_filter = ["assessment", "band"]
    list_select_related = ["assessment", "owner"]
    search_fields = ["owner__email", "=public_id"]
    date_hierarchy = "created_at"
    fields = [
        "public_id",
        "assessment",
        "owner",
        "created_at",
        "overall_score",
        "band",
        "section_scores",
        "gaps",
        "recommendations",
        "answers",
    ]

    @admin.display(description="Owner", ordering="owner__email")
    def owner_email(self, result):
        return result.owner.email if result.owner else "Anonymous"

    @admin.display(description="Band", ordering="band")
    def band_label(self, result):
        return result.band_label

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
