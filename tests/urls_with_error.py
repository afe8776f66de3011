"""A URLconf with views that fail, to render the branded error pages."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path


def broken_view(request):
    raise RuntimeError("deliberate failure for the 500 page test")


def forbidden_view(request):
    raise PermissionDenied


urlpatterns = [
    path("broken/", broken_view),
    path("forbidden/", forbidden_view),
    path("", include("config.urls")),
]
