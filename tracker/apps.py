from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "Application tracker"

    def export_user_data(self, user) -> dict:
        """Add the person's applications, documents and share links to the
        account export."""
        from tracker.services import tracker_export_user_data
        from tracker.sharing import share_links_export

        data = tracker_export_user_data(user=user)
        data["share_links"] = share_links_export(user=user)
        return data
