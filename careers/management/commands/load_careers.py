from django.core.management.base import BaseCommand, CommandError

from careers.loader import load_careers
from core.content import ContentError


class Command(BaseCommand):
    help = (
        "Load the career guides shipped in careers/content/. Safe to run again: "
        "guides that staff edited in the admin are never overwritten."
    )

    def handle(self, *args, **options):
        try:
            report = load_careers()
        except ContentError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] > 0:
            self.stdout.write("\n".join(report.summary()))
