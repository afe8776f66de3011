from django.core.management.base import BaseCommand, CommandError

from assessments.catalogue import generate_skills_gaps
from assessments.loader import load_assessments
from core.content import ContentError


class Command(BaseCommand):
    help = (
        "Load the assessments shipped in assessments/content/ (after load_careers), "
        "then generate a skills gap analysis for every catalogue guide with skill "
        "ratings (after load_catalogue). Safe to run again: assessments that staff "
        "edited in the admin are never overwritten."
    )

    def handle(self, *args, **options):
        try:
            report = load_assessments()
        except ContentError as error:
            raise CommandError(str(error)) from error
        generated = generate_skills_gaps()
        if options["verbosity"] > 0:
            self.stdout.write("\n".join([*report.summary(), *generated.summary()]))
