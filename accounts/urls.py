from django.urls import path

from accounts import import_views, views

app_name = "accounts"

urlpatterns = [
    path("signup/", views.sign_up, name="sign_up"),
    path("signin/", views.SignInView.as_view(), name="sign_in"),
    path("signout/", views.SignOutView.as_view(), name="sign_out"),
    path("profile/", views.profile, name="profile"),
    path("profile/export.json", views.export_data, name="export"),
    path("profile/export.zip", import_views.export_zip, name="export_zip"),
    path("profile/import/", import_views.import_data, name="import"),
    path("profile/delete/", views.delete_account, name="delete"),
    path(
        "password/change/",
        views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path("password/reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        views.PasswordResetSentView.as_view(),
        name="password_reset_sent",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
