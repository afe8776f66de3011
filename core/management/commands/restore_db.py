from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore_database


class Command(BaseCommand):
    help = (
        "Replace the SQLite database's contents with a backup made by backup_db. "
        "Refuses when the database holds data unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database that already holds data.",
        )

    def handle(self, *args, path, force, **options):
        try:
            restore_database(path, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Restored from {path} (integrity ok)."))
