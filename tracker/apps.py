from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "tracker"
    verbose_name = "Application tracker"

    def ready(self):
        from django.db.models.signals import post_delete

        from tracker.models import Document
        from tracker.receivers import document_file_delete

        # The one signal in the tracker, on purpose: account deletion removes
        # documents by database cascade, which calls no service, and a
        # person's resume must not outlive their account on disk.
        post_delete.connect(
            document_file_delete, sender=Document, dispatch_uid="tracker_file"
        )

    def export_user_data(self, user) -> dict:
        """Add the person's applications, documents and share links to the
        account export."""
        from tracker.services import tracker_export_user_data
        from tracker.sharing import share_links_export

        data = tracker_export_user_data(user=user)
        data["share_links"] = share_links_export(user=user)
        return data
