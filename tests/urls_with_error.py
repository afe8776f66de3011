"""A URLconf with a view that fails, to render the branded 500 page."""

from django.urls import include, path


def broken_view(request):
    raise RuntimeError("deliberate failure for the 500 page test")


urlpatterns = [
    path("broken/", broken_view),
    path("", include("config.urls")),
]
