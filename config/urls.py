from django.contrib import admin
from django.urls import include, path

from config import views

admin.site.site_header = "Foothold administration"
admin.site.site_title = "Foothold admin"
admin.site.index_title = "Content and accounts"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("accounts.urls")),
    path("tracker/", include("tracker.urls")),
    path("admin/", admin.site.urls),
]
