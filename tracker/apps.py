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

    def export_user_files(self, user):
        """The person's documents for the export's zip: (name in the zip, its
        bytes or None when the file is missing), read one at a time."""
        from tracker.services.account_data import tracker_export_user_files

        return tracker_export_user_files(user=user)

    def import_user_data(self, user, data, *, files, write=False):
        """Check (and with `write`, add) the tracker's part of a data file."""
        from core.dataimport import ImportAborted
        from tracker.services.account_import import (
            tracker_import_check,
            tracker_import_write,
        )

        part, plan = tracker_import_check(user=user, data=data, files=files)
        if write:
            if part.errors:
                raise ImportAborted(part.errors[0])
            tracker_import_write(user=user, plan=plan, part=part)
        return part
