"""Renaming careers.Section to GuideSection keeps the rows it held."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("careers", "0002_guideview")]
AFTER = [("careers", "0003_rename_section_guidesection")]


@pytest.mark.django_db(transaction=True)
def test_the_rename_keeps_every_long_form_section(migrator):
    executor = migrator
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    career = old_apps.get_model("careers", "Career").objects.create(
        slug="clerk", title="Clerk", summary="Files things."
    )
    old_apps.get_model("careers", "Section").objects.create(
        career=career, heading="A day at work", anchor="a-day", body="Busy."
    )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new_apps = executor.loader.project_state(AFTER).apps

    sections = new_apps.get_model("careers", "GuideSection").objects.all()
    assert [(s.career.slug, s.heading) for s in sections] == [
        ("clerk", "A day at work")
    ]
