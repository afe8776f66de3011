"""Project-wide form rendering (every form gets the same accessible markup), the
model choice fields every form should use, and reading a posted upload id."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting


class FootholdBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        if self.form.is_bound and self.form.errors:
            # After a failed submit focus belongs to the error summary; an
            # autofocus field would steal it back.
            attrs["autofocus"] = False
        return attrs


class FootholdFormRenderer(TemplatesSetting):
    """Render forms and fields with Foothold's templates in templates/forms/."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    bound_field_class = FootholdBoundField


class URLInput(forms.URLInput):
    """A web-address box that can show back an entry that is not an address."""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        try:
            if value:
                URLValidator()(str(value))
        except ValidationError:
            # HTML allows only an absolute URL in a type=url box's value, so a
            # rejected entry goes back in a text box, keeping the URL keyboard.
            context["widget"]["type"] = "text"
            context["widget"]["attrs"]["inputmode"] = "url"
        return context


# The largest id a database column holds. Django's model choice fields catch
# ValueError for a malformed id but not the OverflowError SQLite raises (or the
# DataError PostgreSQL raises) for a larger one, which would answer 500.
LARGEST_ID = 2**63 - 1


def _is_out_of_range(field, value) -> bool:
    if field.to_field_name or value in field.empty_values:
        return False
    try:
        return abs(int(str(value))) > LARGEST_ID
    except ValueError:
        return False


class ModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that refuses ids no database can hold, as invalid."""

    def to_python(self, value):
        if _is_out_of_range(self, value):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that refuses ids no database can hold, as invalid."""

    def _check_values(self, value):
        for pk in value:
            if _is_out_of_range(self, pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


def posted_uuid(request, name: str) -> uuid.UUID | None:
    """The UUID posted as `name` (an upload's id between preview and confirm),
    or None when it is missing or not one."""
    try:
        return uuid.UUID(request.POST.get(name, ""))
    except ValueError:
        return None
