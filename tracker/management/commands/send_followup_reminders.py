from django.core.management.base import BaseCommand

from tracker.services import send_follow_up_digests


class Command(BaseCommand):
    help = (
        "Email each person whose follow-ups are due a digest of them. Sends at "
        "most one email per person per day, so it is safe to run every hour."
    )

    def handle(self, *args, **options):
        sent = send_follow_up_digests()
        self.stdout.write(f"Sent {sent} follow-up digest{'s' if sent != 1 else ''}.")
