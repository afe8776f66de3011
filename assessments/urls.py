from django.urls import path

from assessments import match_views, views

app_name = "assessments"

urlpatterns = [
    path("", views.index, name="index"),
    path("history/", views.history, name="history"),
    path("results/<uuid:public_id>/", views.result, name="result"),
    # Before the assessments' own addresses, which take any slug.
    path("match/", match_views.match_start, name="match"),
    path("match/begin/", match_views.match_begin, name="match_begin"),
    path("match/skills/<int:number>/", match_views.match_take, name="match_take"),
    path("match/results/", match_views.match_results, name="match_results"),
    path("match/ratings/<int:pk>/", match_views.match_ratings, name="match_ratings"),
    path(
        "match/skills-gap/<slug:slug>/",
        match_views.match_prefill,
        name="match_prefill",
    ),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/start/", views.start, name="start"),
    path("<slug:slug>/section/<int:number>/", views.take, name="take"),
]
