from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = "Assessments"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from assessments.match_services import claim_session_ratings
        from assessments.services import claim_session_results

        # Signing in happens in several places (sign-up, sign-in, a password
        # reset); the signal is the one hook all of them pass through, so a
        # result taken before signing in is never left behind.
        user_logged_in.connect(claim_session_results, dispatch_uid="claim_results")
        user_logged_in.connect(claim_session_ratings, dispatch_uid="claim_ratings")

    def export_user_data(self, user) -> dict:
        """Add the person's assessment results and saved skill ratings to the
        account export."""
        from assessments.match_services import ratings_export_user_data
        from assessments.services import results_export_user_data

        return {
            **results_export_user_data(user=user),
            "skill_ratings": ratings_export_user_data(user=user),
        }

    def import_user_data(self, user, data, *, files, write=False):
        """Check (and with `write`, add) assessments' part of a data file."""
        from assessments.account_import import (
            assessments_import_check,
            assessments_import_write,
        )
        from core.dataimport import ImportAborted

        part, plan = assessments_import_check(user=user, data=data, files=files)
        if write:
            if part.errors:
                raise ImportAborted(part.errors[0])
            assessments_import_write(plan=plan)
        return part
