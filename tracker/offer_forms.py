"""The form to record or edit an offer."""

from django import forms

from careers.states import STATES
from tracker.fields import OFFER_FIELDS
from tracker.forms import DateInput, PlainAmountField
from tracker.models import Offer, PayPeriod


class OfferForm(forms.ModelForm):
    class Meta:
        model = Offer
        fields = OFFER_FIELDS
        field_classes = {
            "base_pay": PlainAmountField,
            "bonus": PlainAmountField,
            "other_pay": PlainAmountField,
        }
        widgets = {
            "starts_on": DateInput,
            "answer_by": DateInput,
            "benefits": forms.Textarea(attrs={"rows": 4}),
            "currency": forms.TextInput(
                attrs={"size": 3, "autocapitalize": "characters"}
            ),
        }
        error_messages = {
            "base_pay": {"required": "Enter the base pay they offered."},
        }
        help_texts = {
            "pay_period": (
                "The compare page also shows it per year, counting 2,080 hours "
                "(52 weeks of 40 hours), 52 weeks or 12 months a year."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A form sent without a period (a script, an older page) means per year.
        self.fields["pay_period"].required = False
        for name in ("base_pay", "bonus", "other_pay"):
            self.fields[name].widget.attrs["inputmode"] = "decimal"
        self.fields["state"].choices = [
            ("", "Not set"),
            *sorted(STATES, key=lambda state: state[1]),
        ]

    def clean_pay_period(self):
        return self.cleaned_data["pay_period"] or PayPeriod.YEAR
