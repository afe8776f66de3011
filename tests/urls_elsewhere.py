"""A URLconf whose `home` is elsewhere, for the remembered {% url %} lookups."""

from django.http import HttpResponse
from django.urls import path


def elsewhere(request):
    return HttpResponse("elsewhere")


urlpatterns = [path("elsewhere/", elsewhere, name="home")]
