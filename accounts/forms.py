from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
)
from django.core.validators import validate_email

from accounts import throttle
from accounts.emails import canonical_email
from accounts.models import User
from core.forms import ModelChoiceField

DUPLICATE_EMAIL_MESSAGE = (
    "An account already uses this email address. Sign in instead, or reset "
    "your password if you have forgotten it."
)


def email_address_field():
    return forms.EmailField(
        label="Email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
        error_messages={"required": "Enter your email address."},
    )


class SignUpForm(forms.Form):
    error_messages = {
        "throttled": (
            "Too many sign-up attempts from your network. Try again in %(wait)s."
        ),
    }

    email = email_address_field()
    name = forms.CharField(
        label="Your name",
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
        error_messages={"required": "Choose a password."},
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Every attempt counts, valid or not, before anything is checked.
        self.throttled_for = (
            throttle.sign_up_wait(request) if self.is_bound and request else 0
        )

    def clean_email(self):
        email = canonical_email(self.cleaned_data["email"])
        # Folding can turn an accepted address into one that is not (kİm: the
        # dotted capital I lower-cases to i and a combining dot).
        validate_email(email)
        if self.throttled_for:
            return email  # say nothing about the address while throttled
        if User.objects.with_email(email).exists():
            raise forms.ValidationError(DUPLICATE_EMAIL_MESSAGE, code="duplicate")
        return email

    def clean(self):
        cleaned_data = super().clean()
        if self.throttled_for:
            raise forms.ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"wait": throttle.minutes_text(self.throttled_for)},
            )
        password = cleaned_data.get("password")
        if password:
            candidate = User(
                email=cleaned_data.get("email", ""), name=cleaned_data.get("name", "")
            )
            try:
                password_validation.validate_password(password, user=candidate)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned_data


THROTTLED_MESSAGE = (
    "Too many attempts to sign in. For your security, try again in %(wait)s, "
    "or reset your password."
)


def throttled_error(seconds):
    return forms.ValidationError(
        THROTTLED_MESSAGE,
        code="throttled",
        params={"wait": throttle.minutes_text(seconds)},
    )


def counted_password_check(request, email, check, *, wrong_code):
    """Run `check`, which raises a ValidationError coded `wrong_code` for a wrong
    password, as a sign-in attempt: refused unchecked while the account or the
    client address is locked, counted toward both locks when wrong, clearing the
    account's count when right. Every password check goes through here."""
    # Locked: refuse before checking the password, so a lock gives nothing away.
    if wait := throttle.sign_in_locked_for(request, email):
        raise throttled_error(wait)
    try:
        result = check()
    except forms.ValidationError as error:
        if error.code == wrong_code and (
            wait := throttle.sign_in_failed(request, email)
        ):
            raise throttled_error(wait) from error
        raise
    throttle.sign_in_succeeded(email)
    return result


class CountedSignInMixin:
    """Sign-in counted toward the sign-in locks: the site's sign-in form and the
    admin's both use it, so failures on either lock both."""

    def clean(self):
        email = self.cleaned_data.get("username")
        if email is None or not self.cleaned_data.get("password"):
            return super().clean()
        # invalid_login also covers a right password the form refuses (an
        # inactive account; a non-staff account at the admin), so that answer
        # looks and counts like a wrong password.
        return counted_password_check(
            self.request, email, super().clean, wrong_code="invalid_login"
        )


class SignInForm(CountedSignInMixin, AuthenticationForm):
    username = email_address_field()
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password."},
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": (
            "That email address and password do not match an account. Check "
            "both and try again, or reset your password."
        ),
    }


class AdminSignInForm(CountedSignInMixin, AdminAuthenticationForm):
    """The admin's sign-in, under the same locks as the site's."""


class ThrottledPasswordResetForm(PasswordResetForm):
    """Password reset that refuses a flood of requests for one address or client."""

    error_messages = {
        "throttled": (
            "Too many password reset requests. Try again in %(wait)s; if an "
            "account uses this address, the email we already sent still works."
        ),
    }

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def get_users(self, email):
        """Return the active account using this address in any spelling, if it
        has a usable password; the email goes to the address as stored."""
        return (
            user
            for user in User.objects.with_email(email).filter(is_active=True)
            if user.has_usable_password()
        )

    def clean(self):
        cleaned_data = super().clean()
        email = cleaned_data.get("email")
        if (
            email
            and self.request is not None
            and (wait := throttle.password_reset_wait(self.request, email))
        ):
            raise forms.ValidationError(
                self.error_messages["throttled"],
                code="throttled",
                params={"wait": throttle.minutes_text(wait)},
            )
        return cleaned_data


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["name", "target_career"]
        field_classes = {"target_career": ModelChoiceField}
        labels = {"name": "Your name"}
        help_texts = {
            "target_career": "The career you are working towards. Your dashboard "
            "and assessments start from it."
        }
        widgets = {"name": forms.TextInput(attrs={"autocomplete": "name"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The foreign key's own field and queryset, so accounts imports no careers
        # model; only published guides can be chosen.
        target = self.fields["target_career"]
        target.queryset = target.queryset.published()
        target.empty_label = "No target yet"


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        help_text="To make sure it is you, type the password you sign in with.",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password."},
    )

    def __init__(self, *args, user, request, **kwargs):
        self.user = user
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]

        def check():
            if not self.user.check_password(password):
                raise forms.ValidationError(
                    "That is not your current password.", code="password_incorrect"
                )

        counted_password_check(
            self.request, self.user.email, check, wrong_code="password_incorrect"
        )
        return password


class CountedPasswordChangeForm(PasswordChangeForm):
    """Password change whose old-password check counts like a sign-in."""

    def __init__(self, *args, request, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_old_password(self):
        return counted_password_check(
            self.request,
            self.user.email,
            super().clean_old_password,
            wrong_code="password_incorrect",
        )
