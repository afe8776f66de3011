"""Account workflows: creating, exporting and deleting a person's account."""

import uuid
from dataclasses import dataclass

from django.apps import apps
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.data_files import Bundle, ImportFileError, pending_discard_all
from accounts.models import DataImport, User
from core.dataimport import ImportPart, field_value, record

EXPORT_FORMAT = "foothold-account-export"
# 2: the guide, assessment and document links by slug and file name, which the
# import reads; version 1 files named them by title and label only.
EXPORT_VERSION = 2


class DuplicateEmail(Exception):
    """Another account took this email address between validation and save."""


def user_create(*, email: str, password: str, name: str = "") -> User:
    """Create an account, raising DuplicateEmail if the address is taken."""
    try:
        with transaction.atomic():
            return User.objects.create_user(email=email, password=password, name=name)
    except IntegrityError as error:
        raise DuplicateEmail(email) from error


def user_export_data(*, user: User) -> dict:
    """Return everything Foothold holds about a person, ready for JSON.

    Each app adds its own part by giving its AppConfig an
    `export_user_data(user) -> dict` method; the result is keyed by app label.
    """
    data = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "name": user.name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "target_career": user.target_career.slug if user.target_career else None,
            # Bookkeeping of earlier imports: exported, never imported.
            "imports": [
                {
                    "file_name": done.file_name,
                    "imported_at": done.imported_at.isoformat(),
                }
                for done in user.data_imports.all()
            ],
        },
    }
    for app_config in apps.get_app_configs():
        export = getattr(app_config, "export_user_data", None)
        if callable(export):
            data[app_config.label] = export(user)
    return data


def user_export_files(*, user: User):
    """The files for the export's zip, (name, bytes) from each app that gives
    its AppConfig an `export_user_files(user)` method."""
    for app_config in apps.get_app_configs():
        export = getattr(app_config, "export_user_files", None)
        if callable(export):
            yield from export(user)


def user_delete(*, user: User) -> None:
    """Delete an account and, through cascading foreign keys, all of its data."""
    pending_discard_all(user=user)
    user.delete()


class AlreadyImported(Exception):
    """This submission was confirmed before; nothing is added twice."""


@dataclass
class ImportPreview:
    """What importing a data file adds: each part's counts, names and problems."""

    parts: list[tuple[str, ImportPart]]

    @property
    def errors(self) -> list[str]:
        return [error for _, part in self.parts for error in part.errors]

    @property
    def warnings(self) -> list[str]:
        return [warning for _, part in self.parts for warning in part.warnings]

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def additions(self) -> list[tuple[str, int, list[str]]]:
        """(kind, how many, a few names) for each kind the file adds."""
        return [
            (kind, count, part.examples.get(kind, []))
            for _, part in self.parts
            for kind, count in part.counts.items()
        ]

    @property
    def total(self) -> int:
        return sum(count for _, count, _ in self.additions)


def _check_version(data: dict) -> None:
    if data.get("format") != EXPORT_FORMAT:
        raise ImportFileError(
            "This JSON file is not a Foothold data file (“Download my data”)."
        )
    if data.get("version") != EXPORT_VERSION:
        version = data.get("version")
        raise ImportFileError(
            f"This data file is version {str(version)[:20]} of Foothold's export; "
            f"this import reads version {EXPORT_VERSION} only. Download your data "
            "again to get a file it reads."
        )


def _account_part(*, user: User, data) -> tuple[ImportPart, dict]:
    """The account's own fields: taken only where the account has none."""
    part, changes = ImportPart(), {}
    data = record(part, data, "account") if data is not None else {}
    if data is None:
        return part, changes
    name, problem = field_value(User._meta.get_field("name"), data.get("name"))
    if problem or (name and len(name) > 150):
        part.error("account.name", problem or "longer than 150 characters")
    elif name and not user.name:
        changes["name"] = name
        part.adds("account name", name)
    slug = data.get("target_career")
    if slug is not None and user.target_career_id is None:
        # Named through the field, so accounts imports no other app.
        careers = User._meta.get_field("target_career").related_model.objects
        career = careers.filter(slug=slug).first() if isinstance(slug, str) else None
        if career is None:
            part.warn("account.target_career", f"no guide “{slug}” now: left out")
        else:
            changes["target_career"] = career
            part.adds("target career", career.title)
    return part, changes


def _importers():
    for app_config in apps.get_app_configs():
        importer = getattr(app_config, "import_user_data", None)
        if callable(importer):
            yield app_config.label, importer


def user_import_check(*, user: User, bundle: Bundle) -> ImportPreview:
    """Check a whole data file against the account; write nothing.

    Each app checks its own part by giving its AppConfig an
    `import_user_data(user, data, *, files, write=False) -> ImportPart` method."""
    _check_version(bundle.data)
    account, _ = _account_part(user=user, data=bundle.data.get("account"))
    parts = [("account", account)]
    for label, importer in _importers():
        parts.append(
            (label, importer(user, bundle.data.get(label), files=bundle.files))
        )
    return ImportPreview(parts=parts)


def user_import_data(
    *, user: User, bundle: Bundle, submission_id: uuid.UUID, file_name: str = ""
) -> ImportPreview:
    """Add everything in the data file to the account in one transaction, or
    nothing; raise AlreadyImported if this submission was confirmed before."""
    _check_version(bundle.data)
    parts = []
    try:
        with transaction.atomic():
            try:
                with transaction.atomic():
                    DataImport.objects.create(
                        owner=user, submission_id=submission_id, file_name=file_name
                    )
            except IntegrityError as error:
                raise AlreadyImported(submission_id) from error
            account, changes = _account_part(user=user, data=bundle.data.get("account"))
            parts.append(("account", account))
            if changes:
                for name, value in changes.items():
                    setattr(user, name, value)
                user.save(update_fields=list(changes))
            for label, importer in _importers():
                part = importer(
                    user, bundle.data.get(label), files=bundle.files, write=True
                )
                parts.append((label, part))
    except BaseException:
        # The rows are rolled back; files stored by the parts written before
        # the failure are removed here (a failing part removes its own).
        for _, part in parts:
            for undo in part.undo:
                undo()
        raise
    return ImportPreview(parts=parts)
