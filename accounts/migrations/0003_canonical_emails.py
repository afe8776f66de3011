"""Store every account's email in the canonical form accounts.emails names."""

import unicodedata
from collections import defaultdict

from django.db import migrations


def canonical_email(email):
    # A copy of accounts.emails.canonical_email as it was when this ran.
    folded = unicodedata.normalize("NFKC", email or "").lower().upper().lower()
    return unicodedata.normalize("NFKC", folded).strip()


def canonicalise_emails(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    rows = list(User.objects.order_by("pk").values_list("pk", "email"))
    spellings = defaultdict(list)
    for pk, email in rows:
        spellings[canonical_email(email)].append((pk, email))
    clashes = {key: found for key, found in spellings.items() if len(found) > 1}
    if clashes:
        lines = "\n".join(
            f"  {canonical!r}: " + ", ".join(f"#{pk} {email!r}" for pk, email in found)
            for canonical, found in clashes.items()
        )
        raise RuntimeError(
            "These accounts use one email address in different spellings, so "
            "they cannot all keep it. Change or delete all but one of each "
            f"(in the admin or manage.py shell), then migrate again:\n{lines}"
        )
    for canonical, [(pk, email)] in spellings.items():
        if email != canonical:
            User.objects.filter(pk=pk).update(email=canonical)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_target_career"),
    ]

    operations = [
        migrations.RunPython(canonicalise_emails, migrations.RunPython.noop),
    ]
