from django.contrib import admin
from django.template.loader import render_to_string

from careers import models
from careers.figures import (
    dollars_and_cents,
    national_wages,
    oews_source,
    percent,
    projections_source,
)
from careers.loader import guides_changed
from careers.staleness import (
    PERCENTILES,
    guides_to_check,
    guides_with_stale_figures,
    stale_figures,
)
from core.formatting import money


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


class StaleFiguresFilter(admin.SimpleListFilter):
    title = "figures older than the newest release"
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() not in ("yes", "no"):
            return queryset
        stale = guides_with_stale_figures()
        if self.value() == "yes":
            return queryset.filter(pk__in=stale)
        return queryset.exclude(pk__in=stale)


@admin.register(models.Career)
class CareerAdmin(ContentAdmin):
    list_display = ["title", "status", "median_salary", "growth_percent", "updated_at"]
    list_filter = [
        "status",
        "source",
        StaleFiguresFilter,
        "typical_education",
        "industries__industry",
    ]
    search_fields = ["title", "summary", "soc_code"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["occupation"]
    readonly_fields = ["source", "stale_figures", "created_at", "updated_at"]
    fieldsets = [
        (
            None,
            {"fields": ["title", "slug", "status", "source", "summary", "overview"]},
        ),
        (
            "Key facts",
            {
                "description": "A guide joined to an occupation shows the "
                "occupation's figures from the newest release; the figures typed "
                "here are used only where the occupation has none.",
                "fields": [
                    "occupation",
                    "stale_figures",
                    "soc_code",
                    ("median_salary", "salary_low", "salary_high", "currency"),
                    ("salary_source", "salary_as_of"),
                    "salary_note",
                    ("growth_percent", "growth_label"),
                    "annual_openings",
                    "typical_education",
                    "education_note",
                ],
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

    @admin.display(description="Figures older than the newest release")
    def stale_figures(self, career):
        if career.pk is None or career.occupation_id is None:
            return "Join the guide to an occupation to compare its figures."
        # The same prefetching as the list filter, so both judge alike.
        career = guides_to_check().filter(pk=career.pk).first() or career
        return render_to_string(
            "careers/admin/stale_figures.html", {"stale": stale_figures(career)}
        )


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


def _wage_rows(wages: dict) -> list[tuple[str, str, str]]:
    annual = wages.get("annual") or {}
    hourly = wages.get("hourly_cents") or {}
    gaps = {
        **dict.fromkeys(wages.get("not_published", []), "not published"),
        **dict.fromkeys(wages.get("above_top", []), "above the highest published"),
    }

    def shown(values, key, unit, formatted):
        if values.get(key) is not None:
            return formatted(values[key])
        return gaps.get(f"{unit}.{key}", "–")

    return [
        (
            label.capitalize(),
            shown(annual, key, "annual", money),
            shown(hourly, key, "hourly", dollars_and_cents),
        )
        for key, label in PERCENTILES
    ]


def occupation_facts_context(occupation: models.Occupation) -> dict:
    """The occupation's facts, trimmed to what staff need to read them."""
    facts = occupation.facts or {}
    wages = national_wages(occupation)

    def names(items, limit=25):
        return [item if isinstance(item, str) else item["name"] for item in items][
            :limit
        ]

    technology = facts.get("technology", [])
    hot = [item["name"] for item in technology if item.get("hot")]
    alternate = [item["title"] for item in facts.get("alternate_titles", [])]
    education = [
        f"{row['name']} {row['share']}%"
        for row in facts.get("education", [])
        if row.get("share")
    ]
    return {
        "sources": {
            "oews": oews_source(occupation),
            "projections": projections_source(occupation),
        },
        "bls": facts.get("bls") or {},
        "onet_url": occupation.onet_url,
        "wages": wages,
        "pay_unit": occupation.get_pay_unit_display().lower(),
        "wage_rows": _wage_rows(wages) if wages else [],
        "state_count": len(facts.get("states", [])),
        "projections": facts.get("projections"),
        "rated": [
            ("Skills", facts.get("skills", [])),
            ("Knowledge", facts.get("knowledge", [])),
            ("Work styles", facts.get("work_styles", [])),
        ],
        "lists": [
            ("Technology", names(technology), len(technology)),
            ("Hot technology", hot[:25], len(hot)),
            ("Tools", names(facts.get("tools", [])), len(facts.get("tools", []))),
            ("Education workers report", education, len(education)),
            ("Also called", alternate[:25], len(alternate)),
            (
                "Reported titles",
                facts.get("reported_titles", [])[:25],
                len(facts.get("reported_titles", [])),
            ),
            (
                "Top industries",
                names(facts.get("industries", [])),
                len(facts.get("industries", [])),
            ),
            (
                "Related occupations",
                facts.get("related", []),
                len(facts.get("related", [])),
            ),
        ],
    }


@admin.register(models.Occupation)
class OccupationAdmin(ContentAdmin):
    list_display = ["title", "code", "group", "job_zone", "median_pay", "growth"]
    list_filter = ["group", "job_zone"]
    list_select_related = ["group"]
    # Alternate, short and reported titles: a person may know the work by any.
    search_fields = ["title", "code", "titles__title"]
    # The figures come with a release, beside the same figures in `facts`:
    # an edit here would leave the two disagreeing, so only the loader sets them.
    readonly_fields = [
        "code",
        "soc_code",
        "employment",
        "pay_unit",
        "median_annual",
        "median_hourly_cents",
        "growth_percent",
        "annual_openings",
        "typical_education",
        "facts_overview",
        "updated_at",
        "loaded_at",
    ]
    exclude = ["facts"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        match = request.resolver_match
        if match is None or not match.url_name.endswith("_change"):
            # Lists and autocomplete never show the facts, which run to ~50 KB
            # an occupation.
            queryset = queryset.defer("facts")
        return queryset

    @admin.display(description="Median pay", ordering="median_annual")
    def median_pay(self, occupation):
        if occupation.median_annual is not None:
            return money(occupation.median_annual)
        if occupation.median_hourly_cents is not None:
            return f"{dollars_and_cents(occupation.median_hourly_cents)} an hour"
        return "–"

    @admin.display(description="Projected change", ordering="growth_percent")
    def growth(self, occupation):
        if occupation.growth_percent is None:
            return "–"
        return percent(occupation.growth_percent)

    @admin.display(description="Facts from the data pack")
    def facts_overview(self, occupation):
        if occupation.pk is None:
            return "–"
        return render_to_string(
            "careers/admin/occupation_facts.html",
            occupation_facts_context(occupation),
        )


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows only the catalogue loader writes."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.OccupationGroup)
class OccupationGroupAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "slug"]
    search_fields = ["name", "code"]


@admin.register(models.DataRelease)
class DataReleaseAdmin(ReadOnlyAdmin):
    list_display = ["name", "source", "release", "date", "publisher", "loaded_at"]
    exclude = ["details"]
