from django.urls import path

from careers import views

app_name = "careers"
urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search, name="search"),
    path("search/suggest/", views.suggest, name="suggest"),
    path("<slug:slug>/", views.detail, name="detail"),
]
