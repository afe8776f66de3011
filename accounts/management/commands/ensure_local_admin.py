import secrets

from django.conf import settings
from django.core.management.base import BaseCommand

from accounts.models import User

LOCAL_ADMIN_EMAIL = "admin@localhost"


class Command(BaseCommand):
    help = (
        "In DEBUG, when no superuser exists, create a local admin account with a "
        "random password and print it once."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            self.stdout.write("DEBUG is off: no local admin account is created.")
            return
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("A superuser already exists: keeping it.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(
            email=LOCAL_ADMIN_EMAIL, password=password, name="Local admin"
        )
        self.stdout.write(
            self.style.SUCCESS("Created a local admin account. Note the password:")
        )
        self.stdout.write(f"  email:    {LOCAL_ADMIN_EMAIL}")
        self.stdout.write(f"  password: {password}   (shown only this once)")
        self.stdout.write("  sign in:  http://127.0.0.1:8000/admin/")
