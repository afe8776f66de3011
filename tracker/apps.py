from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "Application tracker"

    def export_user_data(self, user) -> dict:
        """Add the person's applications and documents to the account export."""
        from tracker.services import tracker_export_user_data

        return tracker_export_user_data(user=user)
