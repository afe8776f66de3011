"""What an app tells the account import about its part of a data file.

Each app's AppConfig.import_user_data(user, part, files=..., write=...) reads
its own part of a "Download my data" file and answers with an ImportPart: what
it would add (counts and a few names), per-item errors that refuse the whole
file, and warnings about what it leaves out. Shared here so no app imports
another's.
"""

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

EXAMPLES_SHOWN = 3


class ImportAborted(Exception):
    """Raised by a write phase that met an error its check phase did not."""


@dataclass
class ImportPart:
    counts: dict[str, int] = field(default_factory=dict)
    examples: dict[str, list[str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Undo steps outside the database (stored files) if the transaction fails.
    undo: list[Callable[[], None]] = field(default_factory=list)

    def adds(self, kind: str, name: str = "") -> None:
        """Count one item of `kind` to be added, keeping the first few names."""
        self.counts[kind] = self.counts.get(kind, 0) + 1
        names = self.examples.setdefault(kind, [])
        if name and len(names) < EXAMPLES_SHOWN:
            names.append(name)

    def error(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(f"{where}: {message}")


def items(part: ImportPart, value: Any, where: str) -> list:
    """The list at `where`, or [] with an error when it is something else."""
    if value is None:
        return []
    if not isinstance(value, list):
        part.error(where, "not a list")
        return []
    return value


def record(part: ImportPart, value: Any, where: str) -> dict | None:
    """The object at `where`, or None with an error when it is something else."""
    if not isinstance(value, dict):
        part.error(where, "not an object")
        return None
    return value


def model_errors(part: ImportPart, error, where: str, names: dict[str, str]) -> None:
    """Report a model's ValidationError field by field, under the file's names
    for the fields (`names`: model field -> file key)."""
    for name, messages in error.message_dict.items():
        key = names.get(name, name)
        label = f"{where}.{key}" if name != "__all__" else where
        for message in messages:
            part.error(label, message)


def _number(model_field, raw):
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        return None, "not a number"
    if isinstance(raw, float) and not math.isfinite(raw):
        return None, "not a number"
    if isinstance(model_field, models.DecimalField):
        return Decimal(str(raw)), None
    if isinstance(raw, float) and not raw.is_integer():
        return None, "not a whole number"
    return int(raw), None


def _moment(raw: str):
    try:
        parsed = parse_datetime(raw)
    except ValueError:
        parsed = None
    if parsed is None:
        return None, "not a date and time"
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed, None


def _day(raw: str):
    try:
        parsed = parse_date(raw)
    except ValueError:
        parsed = None
    return (parsed, None) if parsed else (None, "not a date")


def field_value(model_field, raw):
    """The file's value as the model field holds it, and a problem or None.

    Strict about JSON types (a date is a text, a count a number), since a
    model's own cleaning would take a list for a text or fail on a number
    where it parses a date."""
    if raw is None:
        return None, None
    if isinstance(model_field, models.JSONField):
        if "\\u0000" in json.dumps(raw):
            return None, "contains a NUL character"
        return raw, None
    if isinstance(model_field, models.BooleanField):
        return (raw, None) if isinstance(raw, bool) else (None, "not true or false")
    if isinstance(model_field, models.IntegerField | models.DecimalField):
        return _number(model_field, raw)
    if not isinstance(raw, str):
        return None, "not a text"
    if "\x00" in raw:
        return None, "contains a NUL character"
    if isinstance(model_field, models.DateTimeField):
        return _moment(raw)
    if isinstance(model_field, models.DateField):
        return _day(raw)
    return raw, None


def build(
    part: ImportPart,
    model: type[models.Model],
    entry: Any,
    where: str,
    names: dict[str, str],
    *,
    fixed: dict[str, Any] | None = None,
    exclude: tuple[str, ...] = (),
    validate_constraints: bool = True,
) -> models.Model | None:
    """An unsaved `model` from the file's object at `where`, or None after
    reporting its problems. `names` maps the file's keys to model fields;
    `fixed` sets fields the file does not choose (the owner, a new token)."""
    entry = record(part, entry, where)
    if entry is None:
        return None
    values, ok = {}, True
    for key, name in names.items():
        if key not in entry:
            continue
        value, problem = field_value(model._meta.get_field(name), entry[key])
        if problem:
            part.error(f"{where}.{key}", problem)
            ok = False
        elif value is not None or model._meta.get_field(name).null:
            values[name] = value
    if not ok:
        return None
    instance = model(**values, **(fixed or {}))
    try:
        instance.full_clean(
            exclude=list(exclude),
            validate_unique=False,
            validate_constraints=validate_constraints,
        )
    except ValidationError as error:
        model_errors(part, error, where, {v: k for k, v in names.items()})
        return None
    return instance
