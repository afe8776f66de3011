"""Helpers the content loaders share: reading TOML files, checking their fields,
and reporting what a load did."""

import hashlib
import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError


class ContentError(Exception):
    """A content file that cannot be loaded; the message names the file and field."""


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_staff_edits: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    def summary(self) -> list[str]:
        """A line for each outcome that happened, for the management commands."""
        outcomes = (
            ("Created", self.created),
            ("Updated", self.updated),
            ("Unchanged", self.unchanged),
            ("Kept staff edits to", self.kept_staff_edits),
            ("Removed", self.removed),
        )
        return [f"{label}: {', '.join(slugs)}" for label, slugs in outcomes if slugs]


def read_content(content_dir: Path) -> list[dict]:
    """Return every TOML document in the directory, in file-name order."""
    documents = []
    for path in sorted(content_dir.glob("*.toml")):
        try:
            document = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise ContentError(f"{path.name}: {error}") from error
        document["_file"] = path.name
        documents.append(document)
    return documents


def content_digest(content: Mapping) -> str:
    """A fingerprint of a document, to tell whether its file changed."""
    canonical = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def is_untouched_since_loaded(row) -> bool:
    """True when nobody has saved the row since the loader last wrote it."""
    return row.loaded_at is not None and row.updated_at <= row.loaded_at


def check_keys(table, allowed: set[str], where: str, required=()) -> None:
    """Refuse a table with a field the loader does not know, or one missing."""
    if not isinstance(table, Mapping):
        raise ContentError(f"{where}: expected a table")
    unknown = sorted(set(table) - allowed - {"_file"})
    if unknown:
        raise ContentError(f"{where}: unknown field {', '.join(unknown)}")
    missing = [name for name in required if name not in table]
    if missing:
        raise ContentError(f"{where}: missing field {', '.join(missing)}")


def validated(instance, where: str, exclude=None):
    """Run the model's own validation, as a ContentError naming the place."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        raise _problem(where, error) from error
    return instance


def _problem(where: str, error: ValidationError) -> ContentError:
    if hasattr(error, "error_dict"):
        details = "; ".join(
            f"{name}: {' '.join(messages)}"
            for name, messages in error.message_dict.items()
        )
    else:
        details = " ".join(error.messages)
    return ContentError(f"{where}: {details}")
