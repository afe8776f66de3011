"""Offers: what an employer offered on an application, to compare side by side."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from careers.states import STATE_NAMES, STATES
from core.dates import validate_date_in_range
from tracker.models.applications import (
    PERIODS_A_YEAR,
    YEARLY_BASIS,
    Application,
    PayPeriod,
    Status,
    amount_text,
    validate_currency_code,
)
from tracker.models.parts import ApplicationPartQuerySet


class OfferQuerySet(ApplicationPartQuerySet):
    def live(self) -> "OfferQuerySet":
        """Offers still to decide on: their application is at Offer, not archived."""
        return self.filter(
            application__status=Status.OFFER, application__archived=False
        )

    def to_answer_by(self, day) -> "OfferQuerySet":
        """Live offers to answer on or before `day`, overdue ones included."""
        return self.live().filter(answer_by__lte=day)


class Offer(models.Model):
    """One offer on an application; an application may hold several (a first
    offer and a better one, say)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="offers"
    )
    base_pay = models.DecimalField(
        "base pay",
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    pay_period = models.CharField(
        "base pay per", choices=PayPeriod, max_length=10, default=PayPeriod.YEAR
    )
    currency = models.CharField(
        max_length=3,
        blank=True,
        help_text="A three-letter code such as USD: BLS figures are in US dollars.",
        validators=[validate_currency_code],
    )
    bonus = models.DecimalField(
        "bonus a year",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="The bonus you expect in a year, in the offer's currency.",
    )
    other_pay = models.DecimalField(
        "other pay a year",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Any other pay in a year, such as a signing payment or "
        "allowances, in the offer's currency.",
    )
    benefits = models.TextField(
        "benefits notes",
        blank=True,
        help_text="Health cover, retirement, leave, equipment: what they told you.",
    )
    starts_on = models.DateField(
        "start date", null=True, blank=True, validators=[validate_date_in_range]
    )
    answer_by = models.DateField(
        "answer by",
        null=True,
        blank=True,
        validators=[validate_date_in_range],
        help_text="When they need your answer: it appears in your follow-ups "
        "and calendar feed.",
    )
    state = models.CharField(
        "state the job is in",
        max_length=2,
        choices=STATES,
        blank=True,
        help_text="To compare the base pay with BLS figures for that state.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            # The follow-ups page, the calendar feed and the digest: answer-by
            # dates on or before a day.
            models.Index(
                fields=["answer_by", "application"],
                condition=Q(answer_by__isnull=False),
                name="tracker_offer_answer_by_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(base_pay__gte=0),
                name="tracker_offer_base_pay_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(bonus__isnull=True) | Q(bonus__gte=0),
                name="tracker_offer_bonus_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(other_pay__isnull=True) | Q(other_pay__gte=0),
                name="tracker_offer_other_pay_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(pay_period__in=PayPeriod.values),
                name="tracker_offer_pay_period_valid",
            ),
            models.CheckConstraint(
                condition=Q(state="") | Q(state__in=list(STATE_NAMES)),
                name="tracker_offer_state_valid",
            ),
        ]

    def __str__(self):
        return f"offer of {self.base_pay_as_entered}"

    def get_absolute_url(self):
        return (
            f"{reverse('tracker:detail', args=[self.application_id])}#offer-{self.pk}"
        )

    def clean(self):
        super().clean()
        self.currency = self.currency.strip().upper()

    @property
    def base_pay_as_entered(self) -> str:
        """Such as "22.50 USD an hour"."""
        article = "an" if self.pay_period == PayPeriod.HOUR else "a"
        return f"{self.with_currency(self.base_pay)} {article} {self.pay_period}"

    @property
    def yearly_base(self) -> Decimal:
        return self.base_pay * PERIODS_A_YEAR[PayPeriod(self.pay_period)]

    @property
    def yearly_total(self) -> Decimal:
        """Base pay for a year, with the bonus and other pay."""
        return self.yearly_base + (self.bonus or 0) + (self.other_pay or 0)

    @property
    def yearly_basis(self) -> str:
        """What the yearly base counts; empty when it was entered per year."""
        return YEARLY_BASIS.get(self.pay_period, "")

    def with_currency(self, value: Decimal | None) -> str:
        """An amount and the offer's currency, such as "45,000 USD"; "" for none."""
        if value is None:
            return ""
        return f"{amount_text(value)} {self.currency}".strip()

    @property
    def yearly_base_text(self) -> str:
        return self.with_currency(self.yearly_base)

    @property
    def bonus_text(self) -> str:
        return self.with_currency(self.bonus)

    @property
    def other_pay_text(self) -> str:
        return self.with_currency(self.other_pay)

    @property
    def yearly_total_text(self) -> str:
        return self.with_currency(self.yearly_total)

    @property
    def state_name(self) -> str:
        return STATE_NAMES.get(self.state, "")
