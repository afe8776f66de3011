from django.urls import path

from careers import compare_views, views

app_name = "careers"
urlpatterns = [
    path("", views.index, name="index"),
    path("about-the-data/", views.about_data_page, name="about_data"),
    path("search/", views.search, name="search"),
    path("search/suggest/", views.suggest, name="suggest"),
    path("compare/", compare_views.compare_careers, name="compare"),
    path("plan/", compare_views.plan_change, name="plan"),
    path("<slug:slug>/", views.detail, name="detail"),
]
