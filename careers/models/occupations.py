"""The occupation catalogue: every detailed U.S. occupation with its published
facts and figures (O*NET, BLS OEWS and BLS projections), loaded from the data
pack by `manage.py load_catalogue`.

Browsing, filtering and key facts read the columns; everything else a guide
shows (wages by state, skills, titles, industries …) is kept in `facts`, the
occupation's pack record with every name resolved, so a guide page reads one
row.
"""

from django.db import models
from django.urls import reverse


class DataRelease(models.Model):
    """One published release the catalogue was built from (e.g. OEWS May 2025)."""

    class Source(models.TextChoices):
        ONET = "onet", "O*NET"
        OEWS = "oews", "BLS Occupational Employment and Wage Statistics"
        PROJECTIONS = "projections", "BLS Employment Projections"

    source = models.CharField(max_length=20, choices=Source, unique=True)
    name = models.CharField(max_length=120)
    publisher = models.CharField(max_length=160)
    release = models.CharField(max_length=40, help_text="For example “May 2025”.")
    # "2025-05" for a monthly release, "2024" for a projections base year.
    date = models.CharField(max_length=10)
    details = models.JSONField(default=dict, blank=True)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["source"]

    def __str__(self):
        return f"{self.name}, {self.release}"


class OccupationGroup(models.Model):
    """A SOC major group, such as 43-0000 Office and Administrative Support."""

    code = models.CharField(max_length=7, unique=True)
    name = models.CharField(max_length=160)
    slug = models.SlugField(max_length=160, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def field_name(self) -> str:
        """The name people browse by: "Office and Administrative Support"."""
        return self.name.removesuffix(" Occupations")


class Occupation(models.Model):
    class PayUnit(models.TextChoices):
        # BLS footnote 4: some occupations are published in one unit only.
        BOTH = "both", "Annual and hourly"
        ANNUAL = "annual", "Annual only"
        HOURLY = "hourly", "Hourly only"
        NONE = "none", "Not published"

    code = models.CharField("O*NET-SOC code", max_length=10, unique=True)
    soc_code = models.CharField("SOC code", max_length=7, db_index=True)
    title = models.CharField(max_length=160)
    slug = models.SlugField(max_length=160, unique=True)
    group = models.ForeignKey(
        OccupationGroup, on_delete=models.PROTECT, related_name="occupations"
    )
    job_zone = models.PositiveSmallIntegerField(null=True, blank=True)

    # National figures, as columns for lists, filters and sorting.
    employment = models.PositiveIntegerField(null=True, blank=True)
    pay_unit = models.CharField(
        max_length=10, choices=PayUnit, default=PayUnit.NONE, blank=True
    )
    median_annual = models.PositiveIntegerField(
        "median annual pay", null=True, blank=True
    )
    median_hourly_cents = models.PositiveIntegerField(
        "median hourly pay (cents)", null=True, blank=True
    )
    growth_percent = models.DecimalField(
        "projected change (%)", max_digits=5, decimal_places=1, null=True, blank=True
    )
    annual_openings = models.PositiveIntegerField(null=True, blank=True)
    typical_education = models.CharField(max_length=80, blank=True)

    # The pack record with names resolved: see careers.catalogue.records.
    facts = models.JSONField(default=dict, blank=True)
    # Written by careers.catalogue.similarity.refresh_similar after each load.
    # skill_profile: each skill's importance less its mean over every occupation,
    # scaled to length 1 (by element id); two profiles' dot product is their
    # skills overlap. similar: the occupations that overlap most, each with what
    # its "careers like this" card shows, so a guide needs no other query.
    skill_profile = models.JSONField(default=dict, blank=True, editable=False)
    similar = models.JSONField(default=list, blank=True, editable=False)

    updated_at = models.DateTimeField(auto_now=True)
    # What load_catalogue last wrote, so it can tell staff edits from its own.
    loaded_digest = models.CharField(max_length=64, blank=True, editable=False)
    loaded_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["title"]
        indexes = [
            # Browsing a field: the group's occupations in title order.
            models.Index(fields=["group", "title"], name="occupation_group_title_idx"),
        ]

    def __str__(self):
        return f"{self.title} ({self.code})"

    def get_absolute_url(self):
        # The guide's address; a hand-written guide's own address redirects there.
        return reverse("careers:detail", args=[self.slug])

    @property
    def onet_url(self) -> str:
        return f"https://www.onetonline.org/link/summary/{self.code}"


class OccupationTitle(models.Model):
    """A name people use for the work: the official title, O*NET's alternate and
    short titles, and titles workers reported."""

    class Kind(models.TextChoices):
        MAIN = "main", "Official title"
        ALTERNATE = "alternate", "Alternate title"
        SHORT = "short", "Short title"
        REPORTED = "reported", "Reported title"

    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="titles"
    )
    title = models.CharField(max_length=255)
    kind = models.CharField(max_length=10, choices=Kind)
    # Lower case, accents removed, spaces collapsed: what title search compares.
    normalized = models.CharField(max_length=255)

    class Meta:
        ordering = ["occupation", "kind", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "kind", "title"],
                name="occupation_title_unique_per_kind",
            ),
        ]
        indexes = [
            # Title search and the admin's alternate-title search.
            models.Index(fields=["normalized"], name="occupation_title_norm_idx"),
        ]

    def __str__(self):
        return self.title


class OccupationIndustry(models.Model):
    """One of the industries employing most of an occupation's workers (from
    facts["industries"]), as a row so the careers list can filter on it."""

    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="industry_links"
    )
    industry = models.ForeignKey(
        "careers.Industry", on_delete=models.CASCADE, related_name="occupation_links"
    )
    # 0 for the industry employing the most of the occupation's workers.
    rank = models.PositiveSmallIntegerField()
    employment = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["occupation", "rank"]
        verbose_name_plural = "occupation industries"
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "industry"],
                name="occupation_industry_unique",
            ),
        ]

    def __str__(self):
        return f"{self.occupation.title} in {self.industry.name}"
