"""Questions, their choices and recommendation rules, edited beside their
assessment."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.http import QueryDict

from assessments import models
from assessments.admin.assessments import OrderedInline, TouchesAssessment

# Question kinds scored by their choices; the others ignore any choices.
CHOICE_KINDS = {
    models.Question.Kind.SINGLE,
    models.Question.Kind.MULTIPLE,
    models.Question.Kind.YES_NO,
}


class ChoiceFormSet(BaseInlineFormSet):
    """A question scored by its choices needs a best answer to score against."""

    def clean(self):
        super().clean()
        question = self.instance
        if question.kind not in CHOICE_KINDS:
            return
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("label")
        ]
        kind = models.Question.Kind(question.kind).label.lower()
        if not any((choice.get("points") or 0) > 0 for choice in kept):
            raise ValidationError(
                f"Give at least one choice positive points: a {kind} question "
                "is scored against its best choice, and has none."
            )
        if question.kind == models.Question.Kind.YES_NO and len(kept) != 2:
            raise ValidationError(
                "A yes-or-no question has exactly two choices, “Yes” and “No”."
            )


class ChoiceInline(OrderedInline):
    model = models.Choice
    formset = ChoiceFormSet
    fields = ["order", "label", "points"]
    verbose_name_plural = (
        "Choices (single choice, multiple choice and yes or no; "
        "self-rating and number questions ignore them)"
    )


class SectionFilter(admin.SimpleListFilter):
    """Sections named with their assessment, since titles repeat across them."""

    title = "section"
    parameter_name = "section__id__exact"

    def lookups(self, request, model_admin):
        sections = models.Section.objects.select_related("assessment").order_by(
            "assessment__title", "order", "pk"
        )
        assessment_id = request.GET.get("section__assessment__id__exact")
        if assessment_id and assessment_id.isdigit():
            sections = sections.filter(assessment_id=assessment_id)
        return [
            (str(section.pk), f"{section.assessment.title} › {section.title}")
            for section in sections
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit():
            return queryset.none()
        return queryset.filter(section_id=value)


@admin.register(models.Question)
class QuestionAdmin(TouchesAssessment, admin.ModelAdmin):
    list_display = ["prompt", "section", "assessment", "kind", "weight", "required"]
    list_filter = ["section__assessment", SectionFilter, "kind"]
    list_select_related = ["section__assessment"]
    search_fields = ["prompt", "help_text"]
    autocomplete_fields = ["section", "skill"]
    inlines = [ChoiceInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "section",
                    "prompt",
                    "help_text",
                    ("kind", "required"),
                    ("order", "weight"),
                ]
            },
        ),
        (
            "Self-rating 1–5",
            {
                "description": "Only for self-rating questions. In a skills gap "
                "analysis the weight and the required level are the skill's "
                "importance.",
                "fields": [("low_label", "high_label"), "required_level", "skill"],
            },
        ),
        (
            "Number",
            {
                "description": "Only for number questions: the answer must lie "
                "between the minimum and maximum; the target or more earns full "
                "marks.",
                "fields": [("min_value", "max_value", "target_value"), "unit"],
            },
        ),
    ]

    @admin.display(description="Assessment", ordering="section__assessment__title")
    def assessment(self, question):
        return question.section.assessment

    def get_changeform_initial_data(self, request):
        """Adding from a section's question list starts in that section."""
        initial = super().get_changeform_initial_data(request)
        filters = QueryDict(request.GET.get("_changelist_filters", ""))
        section = filters.get("section__id__exact", "")
        if "section" not in initial and section.isdigit():
            initial["section"] = section
        return initial


@admin.register(models.Recommendation)
class RecommendationAdmin(TouchesAssessment, admin.ModelAdmin):
    list_display = ["title", "assessment", "section", "question", "below_score"]
    list_filter = ["section__assessment"]
    list_select_related = ["section__assessment", "question"]
    search_fields = ["title", "advice"]
    autocomplete_fields = ["section", "question"]
    fieldsets = [
        (None, {"fields": ["section", "question", "below_score"]}),
        ("Advice", {"fields": ["title", "advice"]}),
        (
            "Link",
            {
                "description": "Link to a section of the career's guide, or to "
                "another page on this site.",
                "fields": ["guide_anchor", ("link_url", "link_text")],
            },
        ),
    ]

    @admin.display(description="Assessment", ordering="section__assessment__title")
    def assessment(self, rule):
        return rule.section.assessment
