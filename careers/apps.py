from django.apps import AppConfig


class CareersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "careers"
    verbose_name = "Career guides"

    def export_user_data(self, user) -> dict:
        """Add the guides the person has read to the account export."""
        from careers.visits import guide_views_export

        return {"guides_viewed": guide_views_export(user=user)}

    def import_user_data(self, user, data, *, files, write=False):
        """Check (and with `write`, add) the guides-read part of a data file."""
        from careers.visits import guide_views_import_check, guide_views_import_write
        from core.dataimport import ImportAborted

        part, rows = guide_views_import_check(user=user, data=data)
        if write:
            if part.errors:
                raise ImportAborted(part.errors[0])
            guide_views_import_write(rows=rows)
        return part
