from django.contrib import admin

from careers import models
from careers.loader import guides_changed


class ContentAdmin(admin.ModelAdmin):
    """Every save or delete of guide content retires the cached public pages."""

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        guides_changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        guides_changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        guides_changed()


class OrderedInline(admin.TabularInline):
    extra = 0
    ordering = ["order", "pk"]


class IndustryInline(OrderedInline):
    model = models.CareerIndustry
    fields = ["order", "industry"]
    autocomplete_fields = ["industry"]


class ResponsibilityInline(OrderedInline):
    model = models.Responsibility
    fields = ["order", "text"]


class SkillInline(OrderedInline):
    model = models.CareerSkill
    fields = ["order", "skill", "importance"]
    autocomplete_fields = ["skill"]


class EducationOptionInline(OrderedInline):
    model = models.EducationOption
    fields = ["order", "title", "description"]


class StepInline(admin.StackedInline):
    model = models.Step
    extra = 0
    ordering = ["order", "pk"]
    fields = [("order", "title"), "body"]


class SalaryLevelInline(OrderedInline):
    model = models.SalaryLevel
    fields = ["order", "title", "median", "average"]


class PathLevelInline(admin.StackedInline):
    model = models.PathLevel
    extra = 0
    ordering = ["order", "pk"]
    fields = [("order", "title", "years"), "description", "focus_areas"]


class ProInline(OrderedInline):
    model = models.Pro
    fields = ["order", "title", "body"]


class ConInline(OrderedInline):
    model = models.Con
    fields = ["order", "title", "body"]


class FAQInline(admin.StackedInline):
    model = models.FAQ
    extra = 0
    ordering = ["order", "pk"]
    fields = [("order", "question"), "answer"]


class RelatedCareerInline(OrderedInline):
    model = models.RelatedCareer
    fk_name = "career"
    fields = ["order", "related"]
    autocomplete_fields = ["related"]


class GuideSectionInline(admin.StackedInline):
    model = models.GuideSection
    extra = 0
    ordering = ["order", "pk"]
    fields = [("order", "placement"), ("heading", "anchor"), "body"]
    prepopulated_fields = {"anchor": ["heading"]}


@admin.register(models.Career)
class CareerAdmin(ContentAdmin):
    list_display = ["title", "status", "median_salary", "growth_percent", "updated_at"]
    list_filter = ["status", "typical_education", "industries__industry"]
    search_fields = ["title", "summary", "soc_code"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "summary", "overview"]}),
        (
            "Key facts",
            {
                "fields": [
                    "soc_code",
                    ("median_salary", "salary_low", "salary_high", "currency"),
                    ("salary_source", "salary_as_of"),
                    "salary_note",
                    ("growth_percent", "growth_label"),
                    "annual_openings",
                    "typical_education",
                    "education_note",
                ]
            },
        ),
        ("History", {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    inlines = [
        IndustryInline,
        ResponsibilityInline,
        SkillInline,
        EducationOptionInline,
        StepInline,
        SalaryLevelInline,
        PathLevelInline,
        ProInline,
        ConInline,
        FAQInline,
        RelatedCareerInline,
        GuideSectionInline,
    ]
    # "View on site" works for drafts too: staff see a draft preview there.


@admin.register(models.Industry)
class IndustryAdmin(ContentAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Skill)
class SkillAdmin(ContentAdmin):
    list_display = ["name", "kind", "description"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
