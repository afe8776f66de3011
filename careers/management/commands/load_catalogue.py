from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from careers.catalogue.loader import load_catalogue
from careers.catalogue.pack import PACK_PATH, PackError


class Command(BaseCommand):
    help = (
        "Load the occupation catalogue from the committed data pack: occupations, "
        "their titles and generated guides. Safe to run again: nothing unchanged "
        "is written and nothing staff edited in the admin is overwritten."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pack", type=Path, default=PACK_PATH, help="The data pack to load."
        )

    def handle(self, *args, **options):
        try:
            report = load_catalogue(path=options["pack"])
        except PackError as error:
            raise CommandError(f"Nothing was loaded: {error}") from error
        if options["verbosity"] > 0:
            self.stdout.write("\n".join(report.summary()))
