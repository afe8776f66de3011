import re
import uuid
from pathlib import PurePath

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html

from careers.models import Career
from core.dates import date_input_range, datetime_input_range
from core.forms import ModelChoiceField, ModelMultipleChoiceField, URLInput
from tracker.document_checks import DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, sniff_document
from tracker.fields import FORM_FIELDS
from tracker.models import (
    WEEKLY_GOAL_MAX,
    WEEKLY_GOAL_MIN,
    Application,
    Contact,
    Document,
    DocumentKind,
    Interview,
    Note,
    PayPeriod,
    Source,
    Status,
    TrackerProfile,
    WorkMode,
)
from tracker.postings import looks_binary

MAX_POSTING_BYTES = 200 * 1024


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__({**date_input_range(), **(attrs or {})}, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(
            {**datetime_input_range(), **(attrs or {})}, format="%Y-%m-%dT%H:%M"
        )


class PlainAmountField(forms.DecimalField):
    """An amount written as digits with at most two decimals: 45000 or 18.50,
    never an exponent such as 1E5 (the CSV import reads amounts the same way)."""

    def to_python(self, value):
        text = str(value).strip() if value is not None else ""
        if text and not re.fullmatch(r"\d{1,10}(?:\.\d{1,2})?", text):
            raise forms.ValidationError(
                "Write the amount as plain digits, such as 45000 or 18.50.",
                code="invalid",
            )
        return super().to_python(value)


class ApplicationForm(forms.ModelForm):
    class Meta:
        model = Application
        fields = FORM_FIELDS
        field_classes = {
            "career": ModelChoiceField,
            "documents_sent": ModelMultipleChoiceField,
            "salary_min": PlainAmountField,
            "salary_max": PlainAmountField,
        }
        widgets = {
            "applied_on": DateInput,
            "follow_up_on": DateInput,
            "posted_on": DateInput,
            "closes_on": DateInput,
            "documents_sent": forms.CheckboxSelectMultiple,
            "posting_url": URLInput,
            "job_description": forms.Textarea(attrs={"rows": 8}),
            "notes": forms.Textarea(attrs={"rows": 4}),
            "salary_currency": forms.TextInput(
                attrs={"size": 3, "autocapitalize": "characters"}
            ),
        }
        error_messages = {
            "company": {"required": "Enter the company's name."},
            "role_title": {"required": "Enter the role you are applying for."},
            "posting_url": {"invalid": "Enter a full web address, starting https://"},
        }
        help_texts = {
            "follow_up_on": "When to chase them if you have not heard back.",
            "salary_period": (
                "The page also shows it per year, counting 2,080 hours (52 weeks "
                "of 40 hours), 52 weeks or 12 months a year."
            ),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # Only published guides; a draft or unpublished one stays if already linked.
        careers = Career.objects.published()
        if self.instance.career_id:
            careers = careers | Career.objects.filter(pk=self.instance.career_id)
        self.fields["career"].queryset = careers.order_by("title")
        self.fields["career"].empty_label = "No guide"
        # Only the person's own documents can be ticked as sent.
        documents = Document.objects.for_user(user).defer("text")
        self.fields["documents_sent"].queryset = documents
        self.fields[
            "documents_sent"
        ].help_text = "Upload resumes and cover letters on the Documents page."
        for name in ("work_mode", "source", "employment_type"):
            field = self.fields[name]
            field.choices = [("", "Not set"), *list(field.choices)[1:]]
        # A form sent without a period (an older page, a script) means per year.
        self.fields["salary_period"].required = False
        self.fields["salary_min"].widget.attrs["inputmode"] = "decimal"
        self.fields["salary_max"].widget.attrs["inputmode"] = "decimal"
        if not self.instance.pk:
            self.fields["company"].widget.attrs["autofocus"] = True
            # Made when the form is drawn and sent back with it: posting the same
            # form twice (a double click, a retry after a timeout) adds it once.
            self.fields["client_token"] = forms.UUIDField(
                widget=forms.HiddenInput, required=False, initial=uuid.uuid4
            )

    def clean_salary_period(self):
        return self.cleaned_data["salary_period"] or PayPeriod.YEAR

    def mark_found(self, names: list[str], *, suggested: Career | None = None):
        """Say beside each field what was read from a pasted posting."""
        for name in names:
            field = self.fields[name]
            field.help_text = format_html(
                '<span class="tag tag--found">Read from the posting</span> {}',
                field.help_text,
            )
        if suggested is not None:
            self.fields["career"].help_text = format_html(
                '<span class="tag tag--found">Suggested</span> The guide whose '
                "job titles best match “{}”. Keep it if it is this kind of job, "
                "or choose another.",
                self.initial.get("role_title", ""),
            )


class PostingForm(forms.Form):
    """The paste box on "Add an application": a posting's text or page source."""

    posting = forms.CharField(
        label="Paste a job posting",
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        help_text=(
            "Its text, or its page source (in most browsers: right-click the page, "
            "View page source, select all and copy), up to 200 KB. Nothing is saved "
            "until you check the form and add it."
        ),
        error_messages={"required": "Paste a job posting first."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # clean_posting says what is wrong with binary data in its own words.
        self.fields["posting"].validators = []

    def clean_posting(self):
        text = self.cleaned_data["posting"]
        if len(text.encode("utf-8", "surrogatepass")) > MAX_POSTING_BYTES:
            raise forms.ValidationError(
                "This is over 200 KB, more than a job posting. Copy only the "
                "posting's part of the page, or its text, and paste that.",
                code="too_big",
            )
        if looks_binary(text):
            raise forms.ValidationError(
                "This looks like the inside of a file (a PDF, an image or a Word "
                "document), not text. Open the posting in your browser, copy its "
                "text and paste that.",
                code="binary",
            )
        if not text.strip():
            raise forms.ValidationError("Paste a job posting first.", code="required")
        return text


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=Status.choices,
        error_messages={"invalid_choice": "Choose one of the listed statuses."},
    )


class LinkCareerForm(forms.Form):
    """The one-click "Link this guide" on an application's page."""

    career = ModelChoiceField(
        queryset=Career.objects.published(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "That guide is no longer published."},
    )


ARCHIVED_CHOICES = [("", "Active"), ("archived", "Archived"), ("all", "All")]


def _blank(label):
    return [("", label)]


class ApplicationFilterForm(forms.Form):
    """The list page's search and filters; bad values are dropped, never a 500."""

    q = forms.CharField(label="Search company or role", required=False, max_length=200)
    status = forms.ChoiceField(
        choices=_blank("Any status") + Status.choices, required=False
    )
    work_mode = forms.ChoiceField(
        label="Work mode",
        choices=_blank("Any work mode") + WorkMode.choices,
        required=False,
    )
    source = forms.ChoiceField(
        choices=_blank("Any source") + Source.choices, required=False
    )
    archived = forms.ChoiceField(label="Show", choices=ARCHIVED_CHOICES, required=False)

    def filters(self) -> dict:
        """Return the valid filters only: a bad value is dropped, not fatal."""
        self.is_valid()
        return {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value
        }


class InterviewForm(forms.ModelForm):
    class Meta:
        model = Interview
        fields = [
            "kind",
            "starts_at",
            "duration_minutes",
            "location",
            "outcome",
            "notes",
        ]
        widgets = {
            "starts_at": DateTimeInput,
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "starts_at": {
                "required": "Enter the date and time it starts.",
                "invalid": "Enter a date and time, such as 2026-05-04 14:30.",
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duration_minutes"].validators += [
            MinValueValidator(1),
            MaxValueValidator(24 * 60),
        ]
        self.fields["duration_minutes"].widget.attrs.update(min=1, max=24 * 60)


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = ["name", "role", "email", "phone", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"name": {"required": "Enter the person's name."}}


class NoteForm(forms.ModelForm):
    class Meta:
        model = Note
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"body": {"required": "Write something to save a note."}}


class SnoozeForm(forms.Form):
    days = forms.IntegerField(min_value=1, max_value=90)


def weekly_goal_field() -> forms.IntegerField:
    """The weekly goal box, the same on the settings page and the dashboard."""
    return forms.IntegerField(
        label="Weekly goal (applications a week)",
        required=False,
        min_value=WEEKLY_GOAL_MIN,
        max_value=WEEKLY_GOAL_MAX,
        help_text=TrackerProfile._meta.get_field("weekly_goal").help_text,
        error_messages={
            "min_value": f"Aim for at least {WEEKLY_GOAL_MIN} application a week.",
            "max_value": f"Aim for at most {WEEKLY_GOAL_MAX} applications a week.",
            "invalid": "Enter a whole number of applications, such as 5.",
        },
    )


class WeeklyGoalForm(forms.Form):
    """The dashboard's own box for the weekly goal."""

    weekly_goal = weekly_goal_field()


class TrackerSettingsForm(forms.ModelForm):
    weekly_goal = weekly_goal_field()

    class Meta:
        model = TrackerProfile
        fields = ["quiet_after_days", "email_reminders", "weekly_goal"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["quiet_after_days"]
        field.validators += [MinValueValidator(1), MaxValueValidator(365)]
        field.widget.attrs.update(min=1, max=365)
        field.error_messages["min_value"] = "Choose at least 1 day."
        field.error_messages["max_value"] = "Choose at most 365 days."


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(choices=DocumentKind.choices, label="Kind")
    label = forms.CharField(
        label="Name or version",
        max_length=200,
        help_text="For example: Resume v3 (design roles).",
        error_messages={"required": "Give this version a name you will recognise."},
    )
    file = forms.FileField(
        label="File",
        help_text=(
            f"PDF, Word (.docx) or plain text (.txt), up to "
            f"{filesizeformat(MAX_DOCUMENT_BYTES)}."
        ),
        widget=forms.FileInput(
            attrs={
                "accept": ".pdf,.docx,.txt,"
                + ",".join(t.split(";")[0] for t in DOCUMENT_TYPES.values())
            }
        ),
        error_messages={
            "required": "Choose a file to upload.",
            "empty": "That file is empty.",
        },
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = PurePath(upload.name).suffix.lower()
        if suffix not in DOCUMENT_TYPES:
            raise forms.ValidationError(
                "Upload a PDF, Word (.docx) or plain text (.txt) file.",
                code="file_type",
            )
        if upload.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(
                f"This file is over the {filesizeformat(MAX_DOCUMENT_BYTES)} limit. "
                "Save a smaller version (a PDF export is usually small) and try "
                "again.",
                code="file_size",
            )
        problem = sniff_document(upload)
        if problem:
            raise forms.ValidationError(problem, code="file_content")
        return upload

    @property
    def content_type(self) -> str:
        suffix = PurePath(self.cleaned_data["file"].name).suffix.lower()
        return DOCUMENT_TYPES[suffix]
