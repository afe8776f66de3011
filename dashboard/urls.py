from django.urls import path

from dashboard import views

app_name = "dashboard"

urlpatterns = [
    path("", views.index, name="index"),
    path("goal/", views.weekly_goal, name="weekly_goal"),
]
