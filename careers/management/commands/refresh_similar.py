from django.core.management.base import BaseCommand

from careers.catalogue.similarity import refresh_similar


class Command(BaseCommand):
    help = (
        "Recompute every occupation's skills overlap with the others and its "
        '"careers like this" list (load_catalogue does this after each load).'
    )

    def handle(self, *args, **options):
        written = refresh_similar()
        if options["verbosity"] > 0:
            self.stdout.write(f"Similar careers refreshed for {written} occupations.")
