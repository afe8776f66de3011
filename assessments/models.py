"""Readiness questionnaires: an Assessment has sections of questions; a Result
keeps one attempt's answers and the scores they earned.

A result stores a snapshot of its scores, gaps and advice, so staff can edit an
assessment without changing what earlier results said.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from core.querysets import OwnedQuerySet, PublishableQuerySet


class AssessmentQuerySet(PublishableQuerySet):
    def published(self):
        return self.filter(is_published=True)


class Assessment(models.Model):
    class Kind(models.TextChoices):
        SKILLS_GAP = "skills_gap", "Skills gap analysis"
        READINESS = "readiness", "Career readiness assessment"

    class Source(models.TextChoices):
        EDITORIAL = "editorial", "Written by hand"
        GENERATED = "generated", "Generated from the occupation's skill ratings"

    title = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=Kind)
    career = models.ForeignKey(
        "careers.Career", on_delete=models.PROTECT, related_name="assessments"
    )
    intro = models.TextField(
        blank=True,
        help_text="Shown before the first question. Paragraphs separated by a "
        "blank line; “- ” bullets and **bold** work. No HTML.",
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        default=5, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    is_published = models.BooleanField("published", default=False, db_index=True)
    # Generated ones are rebuilt by load_assessments from the catalogue.
    source = models.CharField(max_length=20, choices=Source, default=Source.EDITORIAL)
    # Band thresholds: an overall score at or above each one earns that band.
    getting_there_from = models.PositiveSmallIntegerField(
        default=40, validators=[MaxValueValidator(100)]
    )
    ready_from = models.PositiveSmallIntegerField(
        default=65, validators=[MaxValueValidator(100)]
    )
    strong_from = models.PositiveSmallIntegerField(
        default=85, validators=[MaxValueValidator(100)]
    )

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # What the content loader last wrote, so it never overwrites staff edits.
    loaded_digest = models.CharField(max_length=64, blank=True, editable=False)
    loaded_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["career__title", "kind", "title"]
        constraints = [
            models.CheckConstraint(
                name="assessment_band_thresholds_ascending",
                condition=Q(getting_there_from__lte=F("ready_from"))
                & Q(ready_from__lte=F("strong_from"))
                & Q(strong_from__lte=100),
            ),
        ]
        indexes = [
            # The assessments index: published assessments, optionally of one career.
            models.Index(
                fields=["is_published", "career"], name="assessment_published_idx"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("assessments:detail", args=[self.slug])

    def clean(self):
        if not (self.getting_there_from <= self.ready_from <= self.strong_from):
            raise ValidationError(
                {"ready_from": "Thresholds must rise: Getting there ≤ Ready ≤ Strong."}
            )


class Section(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="sections"
    )
    title = models.CharField(max_length=120)
    intro = models.TextField(blank=True)
    weight = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="How much this section counts towards the overall score.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["assessment", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                name="assessment_section_weight_positive", condition=Q(weight__gte=1)
            ),
        ]

    def __str__(self):
        return self.title


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", "Single choice"
        MULTIPLE = "multiple", "Multiple choice"
        RATING = "rating", "Self-rating 1–5"
        NUMBER = "number", "Number"
        YES_NO = "yes_no", "Yes or no"

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="questions"
    )
    prompt = models.CharField(max_length=300)
    help_text = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=10, choices=Kind)
    required = models.BooleanField(default=True)
    order = models.PositiveSmallIntegerField(default=0)
    weight = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="How much this question counts within its section.",
    )
    # Self-rating: the words at each end of the 1-5 scale, and, in a skills gap
    # analysis, the level the career asks for (from the skill's importance).
    low_label = models.CharField(max_length=60, blank=True)
    high_label = models.CharField(max_length=60, blank=True)
    required_level = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text="Self-rating only: the level that earns full marks.",
    )
    skill = models.ForeignKey(
        "careers.Skill",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Skills gap analysis: the guide's skill this rates.",
    )
    # Number: the accepted range, and the value that earns full marks.
    min_value = models.IntegerField(null=True, blank=True)
    max_value = models.IntegerField(null=True, blank=True)
    target_value = models.IntegerField(
        null=True,
        blank=True,
        help_text="Number only: this value or more earns full marks; "
        "the minimum earns none.",
    )
    unit = models.CharField(max_length=40, blank=True)

    class Meta:
        ordering = ["section", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                name="assessment_question_number_range",
                condition=Q(min_value__isnull=True)
                | Q(max_value__isnull=True)
                | Q(min_value__lt=F("max_value")),
            ),
            models.CheckConstraint(
                name="assessment_question_required_level_1_to_5",
                condition=Q(required_level__isnull=True)
                | Q(required_level__gte=1, required_level__lte=5),
            ),
        ]

    def __str__(self):
        return self.prompt

    def clean(self):
        errors = {}
        if self.kind == self.Kind.NUMBER:
            for name in ("min_value", "max_value", "target_value"):
                if getattr(self, name) is None:
                    errors[name] = (
                        "A number question needs a minimum, maximum and target."
                    )
            if not errors and not (
                self.min_value < self.target_value <= self.max_value
            ):
                errors["target_value"] = (
                    "The target must be above the minimum and at most the maximum."
                )
        if errors:
            raise ValidationError(errors)


class Choice(models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="choices"
    )
    label = models.CharField(max_length=300)
    points = models.SmallIntegerField(
        default=0,
        validators=[MinValueValidator(-100), MaxValueValidator(100)],
        help_text="The best choice of a single-choice question earns full marks; "
        "in a multiple-choice question, negative points mark a choice to avoid.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["question", "order", "pk"]

    def __str__(self):
        return self.label


class Recommendation(models.Model):
    """Advice shown when a section (or one question of it) scores below a bar."""

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="recommendations"
    )
    question = models.ForeignKey(
        Question,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="recommendations",
        help_text="Leave empty to judge the whole section.",
    )
    below_score = models.PositiveSmallIntegerField(
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="Shown when the section (or question) scores below this, out of 100.",
    )
    title = models.CharField(max_length=120)
    advice = models.TextField()
    guide_anchor = models.SlugField(
        max_length=80,
        blank=True,
        help_text="A section of the career's guide to link to, e.g. "
        "“tools-and-technologies”.",
    )
    link_url = models.CharField(
        max_length=200,
        blank=True,
        help_text="Or another page on this site, e.g. /tracker/new/.",
    )
    link_text = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["section", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        if self.link_url and not self.link_url.startswith("/"):
            raise ValidationError(
                {"link_url": "Use a path on this site, like /tracker/."}
            )
        if (
            self.question_id
            and self.section_id
            and (self.question.section_id != self.section_id)
        ):
            raise ValidationError(
                {"question": "Choose a question from the chosen section."}
            )


class Result(models.Model):
    """One completed attempt. Its UUID is the address; scores are a snapshot."""

    class Band(models.TextChoices):
        NOT_YET = "not_yet", "Not yet"
        GETTING_THERE = "getting_there", "Getting there"
        READY = "ready", "Ready"
        STRONG = "strong", "Strong"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Sent with the final answers, so a retried submission never saves twice.
    submission_id = models.UUIDField(unique=True, editable=False)
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="results"
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assessment_results",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    overall_score = models.PositiveSmallIntegerField(
        validators=[MaxValueValidator(100)]
    )
    band = models.CharField(max_length=20, choices=Band)
    answers = models.JSONField(default=dict)
    section_scores = models.JSONField(default=list)
    gaps = models.JSONField(default=list)
    recommendations = models.JSONField(default=list)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="assessment_result_score_0_to_100",
                condition=Q(overall_score__lte=100),
            ),
        ]
        indexes = [
            # History: a person's results, newest first.
            models.Index(
                fields=["owner", "-created_at"], name="assessment_result_owner_idx"
            ),
        ]

    def __str__(self):
        return f"{self.assessment} result ({self.overall_score}/100)"

    def get_absolute_url(self):
        return reverse("assessments:result", args=[self.public_id])

    @property
    def band_label(self) -> str:
        """The band as people read it ("Getting there")."""
        return self.get_band_display()


class SkillRatings(models.Model):
    """One person's self-ratings on O*NET's skills from Match my skills: a new
    row each time they finish it, so a retake can show what changed."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="skill_ratings",
    )
    # O*NET element id → 1-5, every skill rated (checked before saving).
    ratings = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "skill ratings"
        indexes = [
            # The matcher and the dashboard: a person's latest ratings.
            models.Index(
                fields=["owner", "-created_at"], name="skill_ratings_owner_idx"
            ),
        ]

    def __str__(self):
        return f"Skill ratings of {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse("assessments:match_ratings", args=[self.pk])
