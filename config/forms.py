"""Project-wide form rendering: every form gets the same accessible markup."""

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
