from django.db import migrations


class Migration(migrations.Migration):
    """careers.Section and assessments.Section shared a name; the guide's one is
    now GuideSection. Renaming the table keeps every row."""

    dependencies = [
        ("careers", "0002_guideview"),
    ]

    operations = [
        migrations.RenameModel(old_name="Section", new_name="GuideSection"),
    ]
