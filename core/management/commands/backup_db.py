from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, backup_database


class Command(BaseCommand):
    help = (
        "Copy the SQLite database to PATH while the site runs (SQLite's online "
        "backup API), then check the copy. For PostgreSQL use pg_dump."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        try:
            backup_database(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Backed up to {path} (integrity ok)."))
