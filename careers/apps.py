from django.apps import AppConfig


class CareersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "careers"
    verbose_name = "Career guides"

    def export_user_data(self, user) -> dict:
        """Add the guides the person has read to the account export."""
        from careers.visits import guide_views_export

        return {"guides_viewed": guide_views_export(user=user)}
