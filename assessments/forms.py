"""One form per section of an assessment, built from its questions."""

from django import forms

from assessments.models import Question

RATING_LEVELS = range(1, 6)


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
        """What was posted for each question, valid or not, to keep in the draft."""
        answers = {}
        for question in self.questions:
            name = field_name(question)
            if question.kind == Question.Kind.MULTIPLE:
                answers[str(question.pk)] = self.data.getlist(name)
            else:
                answers[str(question.pk)] = self.data.get(name, "")
        return answers

    def answers(self) -> dict[int, object]:
        """The cleaned answer to each question, by question id (None if skipped)."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            answers[question.pk] = None if value in (None, "", []) else value
        return answers
