"""Career guides: a Career row plus ordered child lists that staff edit."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from core.dates import validate_date_in_range
from core.querysets import PublishableQuerySet


class CareerQuerySet(PublishableQuerySet):
    def published(self):
        return self.filter(status=Career.Status.PUBLISHED)


class Career(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class Source(models.TextChoices):
        EDITORIAL = "editorial", "Written by hand"
        GENERATED = "generated", "Generated from the occupation's data"

    class Education(models.TextChoices):
        NONE = "none", "No formal credential"
        HIGH_SCHOOL = "high-school", "High school diploma or equivalent"
        POSTSECONDARY = "postsecondary", "Postsecondary certificate"
        ASSOCIATE = "associate", "Associate's degree"
        BACHELOR = "bachelor", "Bachelor's degree"
        MASTER = "master", "Master's degree"
        DOCTORATE = "doctorate", "Doctoral or professional degree"

    title = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.CharField(
        max_length=200, help_text="One sentence, shown in lists and search results."
    )
    overview = models.TextField(
        "what the job is",
        blank=True,
        help_text="Paragraphs separated by a blank line; lines starting "
        "with “- ” make a bullet list; **bold** works. No HTML.",
    )
    status = models.CharField(
        max_length=10, choices=Status, default=Status.DRAFT, db_index=True
    )
    soc_code = models.CharField(
        "SOC code",
        max_length=7,
        blank=True,
        validators=[RegexValidator(r"^\d{2}-\d{4}$", "Use the form 43-4051.")],
        help_text="Standard Occupational Classification code.",
    )

    source = models.CharField(
        max_length=10, choices=Source, default=Source.EDITORIAL, editable=False
    )
    # The occupation whose published facts and figures the guide shows.
    occupation = models.OneToOneField(
        "careers.Occupation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="career",
    )

    median_salary = models.PositiveIntegerField(null=True, blank=True)
    salary_low = models.PositiveIntegerField(
        null=True, blank=True, help_text="The low end of the typical range."
    )
    salary_high = models.PositiveIntegerField(
        null=True, blank=True, help_text="The high end of the typical range."
    )
    currency = models.CharField(max_length=3, default="USD")
    salary_source = models.CharField(
        "source of the figures", max_length=200, blank=True
    )
    salary_as_of = models.DateField(
        "figures as of", null=True, blank=True, validators=[validate_date_in_range]
    )
    salary_note = models.CharField(max_length=300, blank=True)

    growth_percent = models.DecimalField(
        "growth outlook (%)",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text="Projected employment change over ten years.",
    )
    growth_label = models.CharField(
        max_length=60, blank=True, help_text="For example “As fast as average”."
    )
    annual_openings = models.PositiveIntegerField(null=True, blank=True)
    typical_education = models.CharField(
        max_length=20, choices=Education, blank=True, db_index=True
    )
    education_note = models.CharField(max_length=300, blank=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # What the content loader last wrote, so it can tell staff edits apart
    # from its own and never overwrite them.
    loaded_digest = models.CharField(max_length=64, blank=True, editable=False)
    loaded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CareerQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                name="career_salary_range_ordered",
                condition=Q(salary_low__isnull=True)
                | Q(salary_high__isnull=True)
                | Q(salary_low__lte=models.F("salary_high")),
            ),
            models.CheckConstraint(
                name="career_median_within_range",
                condition=Q(median_salary__isnull=True)
                | (
                    (
                        Q(salary_low__isnull=True)
                        | Q(salary_low__lte=models.F("median_salary"))
                    )
                    & (
                        Q(salary_high__isnull=True)
                        | Q(salary_high__gte=models.F("median_salary"))
                    )
                ),
            ),
        ]
        indexes = [
            # The careers index: published guides in title order.
            models.Index(fields=["status", "title"], name="career_status_title_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("careers:detail", args=[self.slug])

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    def clean(self):
        low, median, high = self.salary_low, self.median_salary, self.salary_high
        errors = {}
        if low is not None and high is not None and low > high:
            errors["salary_high"] = "The high end must not be below the low end."
        if median is not None:
            if low is not None and median < low:
                errors["median_salary"] = "The median must not be below the low end."
            elif high is not None and median > high:
                errors["median_salary"] = "The median must not be above the high end."
        if errors:
            raise ValidationError(errors)


class Industry(models.Model):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "industries"

    def __str__(self):
        return self.name


class Skill(models.Model):
    class Kind(models.TextChoices):
        TECHNICAL = "technical", "Technical"
        SOFT = "soft", "Soft"

    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=10, choices=Kind)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class CareerChild(models.Model):
    """A row of one of a guide's ordered lists."""

    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


class CareerIndustry(CareerChild):
    career = models.ForeignKey(
        Career, on_delete=models.CASCADE, related_name="industries"
    )
    industry = models.ForeignKey(Industry, on_delete=models.PROTECT, related_name="+")

    class Meta(CareerChild.Meta):
        verbose_name = "top industry"
        verbose_name_plural = "top industries (ranked)"
        constraints = [
            models.UniqueConstraint(
                fields=["career", "industry"], name="career_industry_once"
            )
        ]

    def __str__(self):
        return f"{self.order}. {self.industry}"


class Responsibility(CareerChild):
    career = models.ForeignKey(
        Career, on_delete=models.CASCADE, related_name="responsibilities"
    )
    text = models.CharField(max_length=300)

    class Meta(CareerChild.Meta):
        verbose_name_plural = "responsibilities"

    def __str__(self):
        return self.text


class CareerSkill(CareerChild):
    career = models.ForeignKey(Career, on_delete=models.CASCADE, related_name="skills")
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="+")
    importance = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text="1 (nice to have) to 5 (essential). The assessments use it.",
    )

    class Meta(CareerChild.Meta):
        verbose_name = "skill"
        constraints = [
            models.UniqueConstraint(
                fields=["career", "skill"], name="career_skill_once"
            ),
            models.CheckConstraint(
                name="career_skill_importance_1_to_5",
                condition=Q(importance__gte=1, importance__lte=5),
            ),
        ]

    IMPORTANCE_LABELS = {
        5: "Essential",
        4: "Very important",
        3: "Important",
        2: "Useful",
        1: "Nice to have",
    }

    def __str__(self):
        return f"{self.skill} ({self.importance}/5)"

    @property
    def importance_label(self):
        return self.IMPORTANCE_LABELS.get(self.importance, "")


class EducationOption(CareerChild):
    career = models.ForeignKey(
        Career, on_delete=models.CASCADE, related_name="education_options"
    )
    title = models.CharField(max_length=200)
    description = models.CharField(max_length=400, blank=True)

    def __str__(self):
        return self.title


class Step(CareerChild):
    career = models.ForeignKey(Career, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField(max_length=200)
    body = models.TextField()

    class Meta(CareerChild.Meta):
        verbose_name = "how-to-become step"

    def __str__(self):
        return self.title


class SalaryLevel(CareerChild):
    career = models.ForeignKey(
        Career, on_delete=models.CASCADE, related_name="salary_levels"
    )
    title = models.CharField(max_length=120)
    median = models.PositiveIntegerField()
    average = models.PositiveIntegerField(null=True, blank=True)

    class Meta(CareerChild.Meta):
        verbose_name = "salary by experience level"
        verbose_name_plural = "salary by experience level"

    def __str__(self):
        return self.title


class PathLevel(CareerChild):
    career = models.ForeignKey(
        Career, on_delete=models.CASCADE, related_name="path_levels"
    )
    title = models.CharField(max_length=120)
    years = models.CharField(
        "years of experience", max_length=40, help_text="For example “2–4 years”."
    )
    description = models.TextField("what the role does")
    focus_areas = models.TextField(
        "key focus areas", blank=True, help_text="One per line."
    )

    class Meta(CareerChild.Meta):
        verbose_name = "career path level"

    def __str__(self):
        return self.title

    @property
    def focus_area_list(self):
        return [line.strip() for line in self.focus_areas.splitlines() if line.strip()]


class ProOrCon(CareerChild):
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)

    class Meta(CareerChild.Meta):
        abstract = True

    def __str__(self):
        return self.title


class Pro(ProOrCon):
    career = models.ForeignKey(Career, on_delete=models.CASCADE, related_name="pros")


class Con(ProOrCon):
    career = models.ForeignKey(Career, on_delete=models.CASCADE, related_name="cons")


class FAQ(CareerChild):
    career = models.ForeignKey(Career, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(max_length=300)
    answer = models.TextField()

    class Meta(CareerChild.Meta):
        verbose_name = "FAQ"
        verbose_name_plural = "FAQ"

    def __str__(self):
        return self.question


class RelatedCareer(CareerChild):
    career = models.ForeignKey(
        Career, on_delete=models.CASCADE, related_name="related_links"
    )
    related = models.ForeignKey(Career, on_delete=models.CASCADE, related_name="+")

    class Meta(CareerChild.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["career", "related"], name="related_career_once"
            ),
            models.CheckConstraint(
                name="related_career_not_itself",
                condition=~Q(career=models.F("related")),
            ),
        ]

    def __str__(self):
        return str(self.related)


class GuideSection(CareerChild):
    """A long-form section of a guide, shown in one of its chapters."""

    class Placement(models.TextChoices):
        OVERVIEW = "overview", "What the job is"
        SKILLS = "skills", "Skills and qualifications"
        BECOMING = "becoming", "How to become one"
        SALARY = "salary", "Salary and outlook"
        CAREER_PATH = "career-path", "Career path"
        INCLUSION = "inclusion", "Diversity and inclusion"
        GLOBAL = "global", "Working around the world"
        MARKET = "market", "The job market today"

    career = models.ForeignKey(
        Career, on_delete=models.CASCADE, related_name="sections"
    )
    placement = models.CharField(
        "chapter", max_length=20, choices=Placement, default=Placement.OVERVIEW
    )
    heading = models.CharField(max_length=200)
    anchor = models.SlugField(
        max_length=80, help_text="The #link to this section, e.g. work-environment."
    )
    body = models.TextField(
        help_text="Paragraphs separated by a blank line; lines starting with “- ” "
        "make a bullet list; **bold** works. No HTML."
    )

    # Ids the guide page itself uses; a section anchor must not collide with them.
    RESERVED_ANCHORS = frozenset(
        [*Placement.values, "pros-and-cons", "faq", "related", "next-steps", "main"]
    )

    class Meta(CareerChild.Meta):
        verbose_name = "long-form section"
        constraints = [
            models.UniqueConstraint(
                fields=["career", "anchor"], name="career_section_anchor_once"
            )
        ]

    def __str__(self):
        return self.heading

    def clean(self):
        if self.anchor in self.RESERVED_ANCHORS or self.anchor.endswith("-title"):
            raise ValidationError(
                {"anchor": "The page already uses this anchor; choose another."}
            )
