"""One form per section of an assessment, built from its questions."""

from django import forms

from assessments.models import Question
from assessments.skills_gap import RATING_LABELS
from assessments.skills_match import EDUCATION_UP_TO, PAY_AT_LEAST

RATING_LEVELS = range(1, 6)
# Longer than any number a question can accept, with room for a typo.
MAX_TYPED_LENGTH = 20


def field_name(question: Question) -> str:
    return f"q{question.pk}"


def _rating_choices(question: Question) -> list[tuple[int, str]]:
    low = question.low_label or "Not at all"
    high = question.high_label or "Very well"
    return [
        (level, f"{level} – {low}" if level == 1 else f"{level} – {high}")
        if level in (1, 5)
        else (level, str(level))
        for level in RATING_LEVELS
    ]


def _question_field(question: Question) -> forms.Field:
    common = {
        "label": question.prompt,
        "help_text": question.help_text,
        "required": question.required,
    }
    kind = Question.Kind
    if question.kind in (kind.SINGLE, kind.YES_NO):
        return forms.TypedChoiceField(
            coerce=int,
            choices=[(choice.pk, choice.label) for choice in question.choices.all()],
            widget=forms.RadioSelect,
            error_messages={"required": "Choose an answer."},
            **common,
        )
    if question.kind == kind.MULTIPLE:
        return forms.TypedMultipleChoiceField(
            coerce=int,
            choices=[(choice.pk, choice.label) for choice in question.choices.all()],
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": "Tick at least one answer."},
            **common,
        )
    if question.kind == kind.RATING:
        return forms.TypedChoiceField(
            coerce=int,
            choices=_rating_choices(question),
            widget=forms.RadioSelect(attrs={"class": "rating"}),
            error_messages={"required": "Choose a level from 1 to 5."},
            **common,
        )
    if question.kind == kind.NUMBER:
        low, high = question.min_value, question.max_value
        unit = f" {question.unit}" if question.unit else ""
        in_range = f"Enter a whole number from {low} to {high}{unit}."
        if question.unit and question.unit.lower() not in question.prompt.lower():
            common["label"] = f"{question.prompt} ({question.unit})"
        return forms.IntegerField(
            min_value=low,
            max_value=high,
            widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            error_messages={
                "required": in_range,
                "invalid": in_range,
                "min_value": in_range,
                "max_value": in_range,
            },
            **common,
        )
    raise ValueError(f"Unknown question kind: {question.kind}")


class SectionForm(forms.Form):
    """The questions of one section; initial values come from the saved draft."""

    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[field_name(question)] = _question_field(question)

    def raw_answers(self) -> dict[str, object]:
        """What was posted for each question, to keep in the draft.

        Only what an answer can be is kept: a choice the question offers, or a
        typed number of at most MAX_TYPED_LENGTH characters (valid or not, so
        the person sees it again; it is checked when they move on). Anything
        else is dropped, so a post of any size leaves a small draft.
        """
        answers = {}
        for question in self.questions:
            name = field_name(question)
            field = self.fields[name]
            if question.kind == Question.Kind.NUMBER:
                typed = self.data.get(name, "")
                answers[str(question.pk)] = (
                    typed if len(typed) <= MAX_TYPED_LENGTH else ""
                )
                continue
            offered = {str(value) for value, _ in field.choices}
            if question.kind == Question.Kind.MULTIPLE:
                ticked = dict.fromkeys(self.data.getlist(name))
                answers[str(question.pk)] = [v for v in ticked if v in offered]
            else:
                chosen = self.data.get(name, "")
                answers[str(question.pk)] = chosen if chosen in offered else ""
        return answers

    def answers(self) -> dict[int, object]:
        """The cleaned answer to each question, by question id (None if skipped)."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            answers[question.pk] = None if value in (None, "", []) else value
        return answers


def skill_field_name(skill_id: str) -> str:
    return f"skill-{skill_id}"


class SkillGroupForm(forms.Form):
    """Match my skills: a 1-5 self-rating for each skill of one O*NET group."""

    def __init__(self, group, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group
        low, high = RATING_LABELS
        choices = [
            (level, f"{level} – {low}" if level == 1 else f"{level} – {high}")
            if level in (1, 5)
            else (level, str(level))
            for level in RATING_LEVELS
        ]
        for skill in group.skills:
            self.fields[skill_field_name(skill.id)] = forms.TypedChoiceField(
                label=skill.name,
                help_text=f"How good are you at {skill.name.lower()} today?",
                coerce=int,
                choices=choices,
                widget=forms.RadioSelect(attrs={"class": "rating"}),
                error_messages={"required": "Choose a level from 1 to 5."},
            )

    def raw_ratings(self) -> dict[str, str]:
        """What was posted for each skill (the draft keeps only 1 to 5)."""
        return {
            skill.id: self.data.get(skill_field_name(skill.id), "")
            for skill in self.group.skills
        }

    def ratings(self) -> dict[str, int]:
        return {
            skill.id: self.cleaned_data[skill_field_name(skill.id)]
            for skill in self.group.skills
        }


class MatchFilterForm(forms.Form):
    """Match my skills' filters, read from the query string."""

    education = forms.ChoiceField(
        label="Your education",
        required=False,
        choices=[("", "Any")]
        + [(key, label) for key, (label, _) in EDUCATION_UP_TO.items()],
    )
    pay = forms.ChoiceField(
        label="Median pay",
        required=False,
        choices=[("", "Any")]
        + [(key, label) for key, (label, _) in PAY_AT_LEAST.items()],
    )
