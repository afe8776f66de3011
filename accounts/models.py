from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from accounts.emails import canonical_email


class UserManager(BaseUserManager):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email):
        """Store addresses in their canonical form (accounts.emails), so every
        spelling of one address is one account everywhere."""
        return canonical_email(email)

    def get_by_natural_key(self, email):
        # Exact: stored addresses are canonical, and a database's own case
        # folding (PostgreSQL's UPPER() follows its locale) would differ.
        return self.get(email=canonical_email(email))

    def with_email(self, email):
        """Return the accounts (none or one) using this address in any spelling."""
        return self.filter(email=canonical_email(email))

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user


class User(AbstractBaseUser, PermissionsMixin):
    """A Foothold account: people sign in with their email address."""

    email = models.EmailField("email address", max_length=254, unique=True)
    name = models.CharField(
        "name", max_length=150, blank=True, help_text="What we call you on the site."
    )
    is_staff = models.BooleanField(
        "staff status",
        default=False,
        help_text="Staff can sign in to the admin and edit content.",
    )
    is_active = models.BooleanField(
        "active",
        default=True,
        help_text="Untick instead of deleting an account to stop it signing in.",
    )
    date_joined = models.DateTimeField("date joined", default=timezone.now)
    target_career = models.ForeignKey(
        "careers.Career",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="target career",
        help_text="The career you are working towards; the dashboard and "
        "assessments start from it.",
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    class Meta:
        ordering = ["email"]
        constraints = [
            # The manager stores canonical addresses; this guards every other
            # path in against at least a second case of one address.
            models.UniqueConstraint(
                Lower("email"),
                name="accounts_user_email_ci_unique",
                violation_error_message="An account already uses this email address.",
            ),
        ]

    def __str__(self):
        return self.email

    def clean(self):
        super().clean()
        self.email = type(self).objects.normalize_email(self.email)

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name.split(" ")[0] if self.name else self.email.split("@")[0]


class DataImport(models.Model):
    """One confirmed import of a data file: its id makes a retried confirm a no-op."""

    owner = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="data_imports"
    )
    submission_id = models.UUIDField()
    file_name = models.CharField(max_length=200, blank=True)
    imported_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-imported_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "submission_id"], name="accounts_data_import_once"
            )
        ]

    def __str__(self):
        return f"{self.file_name or 'Data file'} imported {self.imported_at:%Y-%m-%d}"
