from django.apps import AppConfig


class DashboardConfig(AppConfig):
    """The signed-in home: the one app that reads from all the others."""

    name = "dashboard"
    verbose_name = "Dashboard"
