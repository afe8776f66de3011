from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every app shares; it imports no app of ours."""

    name = "core"
    verbose_name = "Core"
