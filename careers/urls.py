from django.urls import path

from careers import compare_views, views

app_name = "careers"
urlpatterns = [
    path("", views.index, name="index"),
    path("compare/", compare_views.compare_careers, name="compare"),
    path("plan/", compare_views.plan_change, name="plan"),
    path("<slug:slug>/", views.detail, name="detail"),
]
