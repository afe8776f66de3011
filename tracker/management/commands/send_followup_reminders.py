from django.core.management.base import BaseCommand

from tracker.services import send_daily_digests


class Command(BaseCommand):
    help = (
        "Email each person with follow-ups due or interviews tomorrow their daily "
        "digest. Sends at most one email per person per day, so it is safe to run "
        "every hour."
    )

    def handle(self, *args, **options):
        sent = send_daily_digests()
        self.stdout.write(f"Sent {sent} daily digest{'s' if sent != 1 else ''}.")
