"""Assessments and their sections in the admin, and the edits that count as
staff edits for the content loader."""

from django.contrib import admin, messages
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode

from assessments import models
from assessments.copying import assessment_duplicate
from assessments.services import assessment_touch
from assessments.skills_gap import build_skills_gap
from core.content import ContentError


def questions_url(**filters) -> str:
    return f"{reverse('admin:assessments_question_changelist')}?{urlencode(filters)}"


class TouchesAssessment:
    """Saving or deleting a part of an assessment counts as a staff edit of it,
    so the content loader stops refreshing that assessment."""

    # The lookup from this model to its assessment's id.
    assessment_lookup = "section__assessment"

    def _assessment_ids(self, pks) -> set[int]:
        return set(
            self.model.objects.filter(pk__in=pks).values_list(
                self.assessment_lookup, flat=True
            )
        )

    def save_model(self, request, obj, form, change):
        # Choices are saved with their question's form, which always comes
        # through here, so one touch covers them too. Moving a part to another
        # assessment edits both.
        before = self._assessment_ids([obj.pk]) if change else set()
        super().save_model(request, obj, form, change)
        for assessment_id in before | self._assessment_ids([obj.pk]):
            assessment_touch(assessment_id)

    def delete_model(self, request, obj):
        assessment_ids = self._assessment_ids([obj.pk])
        super().delete_model(request, obj)
        for assessment_id in assessment_ids:
            assessment_touch(assessment_id)

    def delete_queryset(self, request, queryset):
        assessment_ids = self._assessment_ids(queryset.values("pk"))
        super().delete_queryset(request, queryset)
        for assessment_id in assessment_ids:
            assessment_touch(assessment_id)


class OrderedInline(admin.TabularInline):
    extra = 0
    ordering = ["order", "pk"]


class SectionInline(OrderedInline):
    model = models.Section
    fields = ["order", "title", "weight", "intro", "questions"]
    readonly_fields = ["questions"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(question_count=Count("questions"))

    @admin.display(description="Questions")
    def questions(self, section):
        if section.pk is None:
            return "Save first, then add questions."
        count = section.question_count
        return format_html(
            '<a href="{}">{} question{} →</a>',
            questions_url(section__id__exact=section.pk),
            count,
            "" if count == 1 else "s",
        )


@admin.register(models.Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "career",
        "kind",
        "is_published",
        "estimated_minutes",
        "question_count",
    ]
    # No career filter: with the catalogue there are some 900 careers.
    list_filter = ["kind", "source", "is_published"]
    # Explicit, because the question count's GROUP BY drops Meta.ordering.
    ordering = ["career__title", "kind", "title"]
    list_select_related = ["career"]
    search_fields = ["title", "slug", "intro", "career__title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["career"]
    readonly_fields = [
        "preview",
        "source",
        "created_at",
        "updated_at",
        "loaded_digest",
        "loaded_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("title", "slug"),
                    ("kind", "career"),
                    ("is_published", "estimated_minutes"),
                    "intro",
                    "preview",
                ]
            },
        ),
        (
            "Scoring bands",
            {
                "description": "An overall score at or above each threshold earns "
                "that band; below “Getting there” is “Not yet”.",
                "fields": [("getting_there_from", "ready_from", "strong_from")],
            },
        ),
        (
            "Content loader",
            {
                "description": "The loader refreshes an assessment from the shipped "
                "content only while nobody has edited it here since it was loaded.",
                "fields": [
                    "source",
                    ("created_at", "updated_at"),
                    ("loaded_at", "loaded_digest"),
                ],
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [SectionInline]
    actions = ["duplicate", "regenerate_skills_gap"]
    # "View on site" opens the taker's page, which shows drafts to staff.

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(question_total=Count("sections__questions"))
        )

    @admin.display(description="Questions", ordering="question_total")
    def question_count(self, assessment):
        return assessment.question_total

    @admin.display(description="Preview as a taker")
    def preview(self, assessment):
        if assessment.pk is None:
            return "Save the assessment to preview it."
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            assessment.get_absolute_url(),
            "Open the assessment as a taker sees it"
            + ("" if assessment.is_published else " (draft: staff only)"),
        )

    @admin.action(description="Duplicate the selected assessments as drafts")
    def duplicate(self, request, queryset):
        copies = [
            assessment_duplicate(assessment=assessment)
            for assessment in queryset.order_by("pk")
        ]
        self.message_user(
            request,
            format_html(
                "Made {} draft cop{}: {}",
                len(copies),
                "y" if len(copies) == 1 else "ies",
                format_html_join(
                    ", ",
                    '<a href="{}">{}</a>',
                    (
                        (
                            reverse(
                                "admin:assessments_assessment_change", args=[copy.pk]
                            ),
                            copy.title,
                        )
                        for copy in copies
                    ),
                ),
            ),
            messages.SUCCESS,
        )

    @admin.action(
        description="Regenerate selected skills gap analyses from the guide's "
        "skills (drops questions not about one of its skills)"
    )
    def regenerate_skills_gap(self, request, queryset):
        skipped, generated = [], []
        for assessment in queryset.select_related("career").order_by("pk"):
            if assessment.kind != models.Assessment.Kind.SKILLS_GAP:
                skipped.append(assessment.title)
                continue
            if assessment.source == models.Assessment.Source.GENERATED:
                # Its guide has no skills of its own: the occupation's ratings
                # are its questions, and load_assessments rebuilds it from them.
                generated.append(assessment.title)
                continue
            try:
                build_skills_gap(assessment, assessment.career)
            except ContentError as error:
                self.message_user(
                    request, f"{assessment.title}: {error}", messages.ERROR
                )
                continue
            # Not a staff edit: it writes what the loader would, so an
            # assessment nobody edited stays the loader's to refresh.
            count = models.Question.objects.filter(
                section__assessment=assessment
            ).count()
            self.message_user(
                request,
                format_html(
                    '<a href="{}">{}</a> now rates the {} skills of the {} guide.',
                    reverse(
                        "admin:assessments_assessment_change", args=[assessment.pk]
                    ),
                    assessment.title,
                    count,
                    assessment.career.title,
                ),
                messages.SUCCESS,
            )
        if generated:
            self.message_user(
                request,
                "Generated from the occupation's skill ratings, which "
                "load_assessments refreshes; left unchanged: "
                f"{', '.join(generated)}.",
                messages.WARNING,
            )
        if skipped:
            self.message_user(
                request,
                "Only a skills gap analysis is built from the guide's skills; "
                f"left unchanged: {', '.join(skipped)}.",
                messages.WARNING,
            )


@admin.register(models.Section)
class SectionAdmin(TouchesAssessment, admin.ModelAdmin):
    """Sections are edited inline on their assessment; this page serves the
    question and rule forms' section search and bulk work across sections."""

    assessment_lookup = "assessment"
    # Explicit, because the question count's GROUP BY drops Meta.ordering.
    ordering = ["assessment__title", "order", "pk"]
    list_display = ["title", "assessment", "order", "weight", "questions"]
    list_filter = ["assessment"]
    list_select_related = ["assessment"]
    search_fields = ["title", "assessment__title"]
    autocomplete_fields = ["assessment"]
    fields = ["assessment", ("order", "title", "weight"), "intro"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(question_count=Count("questions"))

    questions = SectionInline.questions
