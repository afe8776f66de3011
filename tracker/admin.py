from django.contrib import admin

from tracker.models import (
    Application,
    Contact,
    Document,
    Interview,
    Note,
    StatusChange,
    TrackerProfile,
)


class StatusChangeInline(admin.TabularInline):
    """The history is a record: shown, never edited or deleted here."""

    model = StatusChange
    fields = ["from_status", "to_status", "changed_at"]
    readonly_fields = fields
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class InterviewInline(admin.TabularInline):
    model = Interview
    extra = 0


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


class NoteInline(admin.TabularInline):
    model = Note
    extra = 0


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = [
        "company",
        "role_title",
        "owner",
        "status",
        "archived",
        "updated_at",
    ]
    list_filter = ["status", "work_mode", "source", "archived", "priority"]
    search_fields = ["company", "role_title", "owner__email"]
    list_select_related = ["owner"]
    raw_id_fields = ["owner"]
    filter_horizontal = ["documents_sent"]
    readonly_fields = ["status", "status_changed_at", "created_at", "updated_at"]
    date_hierarchy = "created_at"
    inlines = [StatusChangeInline, InterviewInline, ContactInline, NoteInline]

    def has_add_permission(self, request):
        # People add their own applications; tracker.services records the
        # first status, which an admin-made row would lack.
        return False


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["label", "kind", "owner", "original_name", "size", "uploaded_at"]
    list_filter = ["kind"]
    search_fields = ["label", "original_name", "owner__email"]
    list_select_related = ["owner"]
    raw_id_fields = ["owner"]
    # Metadata only: the file itself is the person's, served to them alone.
    fields = ["owner", "kind", "label", "original_name", "content_type", "size"]
    readonly_fields = ["owner", "original_name", "content_type", "size"]

    def has_add_permission(self, request):
        return False


@admin.register(TrackerProfile)
class TrackerProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "quiet_after_days", "last_digest_sent_on"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]
    fields = ["user", "quiet_after_days", "last_digest_sent_on"]
    readonly_fields = ["last_digest_sent_on"]
