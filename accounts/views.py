import json
from functools import partial

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.messages.views import SuccessMessageMixin
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from accounts import throttle
from accounts.forms import (
    DUPLICATE_EMAIL_MESSAGE,
    CountedPasswordChangeForm,
    DeleteAccountForm,
    ProfileForm,
    SignInForm,
    SignUpForm,
    ThrottledPasswordResetForm,
)
from accounts.services import (
    DuplicateEmail,
    user_create,
    user_delete,
    user_export_data,
)
from core.redirects import safe_next_url
from core.responses import RedirectThen


@require_http_methods(["GET", "POST"])
def sign_up(request):
    if request.user.is_authenticated:
        return redirect(safe_next_url(request) or settings.LOGIN_REDIRECT_URL)
    form = SignUpForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        try:
            user = user_create(**form.cleaned_data)
        except DuplicateEmail:
            form.add_error("email", DUPLICATE_EMAIL_MESSAGE)
        else:
            login(request, user)
            messages.success(request, "Welcome to Foothold. Your account is ready.")
            return redirect(safe_next_url(request) or settings.LOGIN_REDIRECT_URL)
    return render(
        request,
        "accounts/sign_up.html",
        {"form": form, "next": safe_next_url(request)},
    )


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_redirect_url(self):
        # ?next= pointing back at this page would loop for a signed-in person.
        url = super().get_redirect_url()
        return "" if url == self.request.path else url


class SignOutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, "You have signed out.")
        return response


class PasswordChangeView(SuccessMessageMixin, auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")
    success_message = "Your password has been changed."
    form_class = CountedPasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class PasswordResetView(auth_views.PasswordResetView):
    form_class = ThrottledPasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_sent")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        # Look the account up and send the email after answering: done inside
        # the request, a slow mail server made the answer for a real account
        # measurably later than for an unknown address.
        send = partial(
            form.save,
            use_https=self.request.is_secure(),
            token_generator=self.token_generator,
            from_email=self.from_email,
            email_template_name=self.email_template_name,
            subject_template_name=self.subject_template_name,
            request=self.request,
            html_email_template_name=self.html_email_template_name,
            extra_email_context=self.extra_email_context,
        )
        return RedirectThen(self.get_success_url(), then=send)


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    post_reset_login = True

    def form_valid(self, form):
        response = super().form_valid(form)
        throttle.password_reset_succeeded(form.user.email)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your profile has been saved.")
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@require_GET
def export_data(request):
    """Download everything we hold about the signed-in person as JSON."""
    payload = json.dumps(user_export_data(user=request.user), indent=2)
    filename = f"foothold-data-{timezone.localdate():%Y-%m-%d}.json"
    response = HttpResponse(payload, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user, request=request)
    if request.method == "POST" and form.is_valid():
        user_delete(user=request.user)
        logout(request)
        messages.success(
            request, "Your account and everything in it have been deleted."
        )
        return redirect("home")
    return render(request, "accounts/delete_account.html", {"form": form})
