from django.core.management.base import BaseCommand, CommandError

from assessments.loader import ContentError, load_assessments


class Command(BaseCommand):
    help = (
        "Load the assessments shipped in assessments/content/ (after load_careers). "
        "Safe to run again: assessments that staff edited in the admin are never "
        "overwritten."
    )

    def handle(self, *args, **options):
        try:
            report = load_assessments()
        except ContentError as error:
            raise CommandError(str(error)) from error
        for label, slugs in (
            ("Created", report.created),
            ("Updated", report.updated),
            ("Unchanged", report.unchanged),
            ("Kept staff edits to", report.kept_staff_edits),
        ):
            if slugs:
                self.stdout.write(f"{label}: {', '.join(slugs)}")
