from django import forms

from careers.models import Career, Industry
from careers.selectors import SALARY_BANDS


class CareerSearchForm(forms.Form):
    SORTS = {
        "name": "Name (A to Z)",
        "salary": "Median salary (highest first)",
        "growth": "Growth outlook (fastest first)",
    }

    q = forms.CharField(
        label="Search",
        required=False,
        max_length=100,
        widget=forms.SearchInput,
        help_text="A job title, a word from its summary, or a skill.",
    )
    industry = forms.ChoiceField(label="Industry", required=False)
    education = forms.ChoiceField(
        label="Typical education",
        required=False,
        choices=[("", "Any education"), *Career.Education.choices],
    )
    salary = forms.ChoiceField(
        label="Median salary",
        required=False,
        choices=[("", "Any salary")]
        + [(key, label) for key, (label, _, _) in SALARY_BANDS.items()],
    )
    sort = forms.ChoiceField(label="Sort by", required=False, choices=SORTS.items())

    def __init__(self, *args, industries: list[Industry], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["industry"].choices = [("", "Any industry")] + [
            (industry.slug, industry.name) for industry in industries
        ]

    def criteria(self) -> dict:
        """The valid filters; an invalid value is ignored rather than failing."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value and name in self.fields
        }

    def describe(self, criteria: dict) -> list[tuple[str, str, str]]:
        """(field name, words for a sentence, name of the filter) for each active
        filter, so the page can say why nothing matched and offer to drop one."""
        described = []
        if query := criteria.get("q"):
            described.append(("q", f"matching “{query}”", f"the search “{query}”"))
        if industry := criteria.get("industry"):
            name = dict(self.fields["industry"].choices).get(industry)
            described.append(("industry", f"in {name}", f"the {name} filter"))
        if education := criteria.get("education"):
            label = Career.Education(education).label
            sentence = f"needing {label[0].lower()}{label[1:]}"
            described.append(("education", sentence, "the education filter"))
        if band := criteria.get("salary"):
            label = SALARY_BANDS[band][0]
            sentence = f"with a median salary {label[0].lower()}{label[1:]}"
            described.append(("salary", sentence, "the salary filter"))
        return described


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
