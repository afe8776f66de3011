from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from careers.catalogue.build import build_catalogue
from careers.catalogue.pack import PACK_PATH
from careers.catalogue.xlsx import SourceError


class Command(BaseCommand):
    help = (
        "Build the occupation catalogue's data pack from the raw O*NET and BLS "
        "releases (maintainers only; needs the `build` extra, openpyxl)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--onet", required=True, type=Path, help="O*NET Excel folder"
        )
        parser.add_argument(
            "--projections",
            required=True,
            type=Path,
            help="BLS projections occupation.xlsx",
        )
        parser.add_argument("--oews", required=True, type=Path, help="OEWS .sqlite.gz")
        parser.add_argument("--out", type=Path, default=PACK_PATH, help="pack to write")

    def handle(self, *args, **options):
        try:
            report = build_catalogue(
                onet_dir=options["onet"],
                projections=options["projections"],
                oews=options["oews"],
                out=options["out"],
            )
        except SourceError as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] > 0:
            self.stdout.write("\n".join(report.summary()))
