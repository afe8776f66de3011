from django.urls import path

from assessments import views

app_name = "assessments"

urlpatterns = [
    path("", views.index, name="index"),
    path("history/", views.history, name="history"),
    path("results/<uuid:public_id>/", views.result, name="result"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/start/", views.start, name="start"),
    path("<slug:slug>/section/<int:number>/", views.take, name="take"),
]
