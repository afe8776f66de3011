from django import forms

from careers.browse import (
    DEFAULT_SORT,
    EDUCATION,
    GROWTH_BANDS,
    JOB_ZONES,
    OPENINGS_BANDS,
    PAY_BANDS,
    SORTS,
    Field,
)
from careers.models import Industry


def _choices(anything: str, pairs) -> list[tuple[str, str]]:
    return [("", anything), *((str(key), label) for key, label in pairs)]


class CareerBrowseForm(forms.Form):
    """The careers list's filters and sort, read from the query string."""

    field = forms.ChoiceField(label="Field", required=False)
    education = forms.ChoiceField(
        label="Typical education",
        required=False,
        choices=_choices(
            "Any education", ((key, words) for key, (words, _) in EDUCATION.items())
        ),
    )
    zone = forms.ChoiceField(
        label="Preparation needed",
        required=False,
        choices=_choices(
            "Any preparation",
            ((zone, f"{zone}: {label}") for zone, label in JOB_ZONES.items()),
        ),
    )
    pay = forms.ChoiceField(
        label="Median pay a year",
        required=False,
        help_text="for occupations BLS publishes by the hour only, the hourly "
        "median × 2,080 hours (a full-time year).",
        choices=_choices(
            "Any pay", ((key, band.label) for key, band in PAY_BANDS.items())
        ),
    )
    growth = forms.ChoiceField(
        label="Projected growth",
        required=False,
        choices=_choices(
            "Any outlook", ((key, band.label) for key, band in GROWTH_BANDS.items())
        ),
    )
    openings = forms.ChoiceField(
        label="Openings",
        required=False,
        choices=_choices(
            "Any number", ((key, band.label) for key, band in OPENINGS_BANDS.items())
        ),
    )
    industry = forms.ChoiceField(label="Industry", required=False)
    # The default sort is the blank choice, so the unsorted address is canonical.
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[
            ("" if key == DEFAULT_SORT else key, label) for key, label in SORTS.items()
        ],
    )

    FILTERS = ("field", "education", "zone", "pay", "growth", "openings", "industry")

    def __init__(self, *args, fields: list[Field], industries: list[Industry], **kw):
        super().__init__(*args, **kw)
        self.fields["field"].choices = _choices(
            "Any field", ((field.slug, field.name) for field in fields)
        )
        self.fields["industry"].choices = _choices(
            "Any industry", ((industry.slug, industry.name) for industry in industries)
        )

    def criteria(self) -> dict[str, str]:
        """The valid, non-default values by name; an invalid one is dropped
        rather than failing the page."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value and value != DEFAULT_SORT
        }

    def described(self, criteria: dict) -> list[tuple[str, str]]:
        """(parameter, name of the filter with its value) for each active filter."""
        return [
            (name, f"{self.fields[name].label}: {self._label(name, criteria[name])}")
            for name in self.FILTERS
            if name in criteria
        ]

    def _label(self, name: str, value: str) -> str:
        return dict(self.fields[name].choices)[value]


class TitleSearchForm(forms.Form):
    """Search guides by any name for the work (careers:search)."""

    q = forms.CharField(
        label="Job title",
        required=False,
        max_length=100,
        help_text=(
            "Whatever you would call the work, such as “call center representative”, "
            "“RN” or “forklift operator”, or a tool you use."
        ),
    )

    def query(self) -> str:
        """The words to search for, or "" when there are none or they are invalid."""
        if not self.is_bound or not self.is_valid():
            return ""
        return self.cleaned_data["q"]
