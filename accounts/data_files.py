"""The account data file on the way out (JSON, or a zip with the documents)
and on the way back in: reading an upload safely, and keeping it on disk
between the preview and the confirm."""

import json
import re
import tempfile
import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files.storage import FileSystemStorage

MEGABYTE = 1024 * 1024
# Limits of the import view alone; the site's request cap is 6 MB.
MAX_JSON_BYTES = 5 * MEGABYTE
MAX_ZIP_BYTES = 20 * MEGABYTE
# Against zip bombs: how much a zip may unpack to in all, and how many entries.
MAX_UNPACKED_BYTES = 100 * MEGABYTE
MAX_ZIP_ENTRIES = 500
# Each document is refused above 5 MB; reading one byte more tells it is over.
MAX_ENTRY_BYTES = 5 * MEGABYTE
# The upload and its form fields: the zip limit and room for the rest.
MAX_IMPORT_REQUEST_BYTES = MAX_ZIP_BYTES + MEGABYTE
# The zip download is built in a temporary file, in memory up to this size.
ZIP_IN_MEMORY_BYTES = 10 * MEGABYTE

DATA_NAME = "foothold-data.json"
# Names Foothold writes in its zip: the data, and numbered documents.
DOCUMENT_NAME = re.compile(r"documents/[0-9]{1,6}(\.[a-z0-9]{1,10})?")
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


class ImportFileError(Exception):
    """The upload cannot be read as a Foothold data file; the message says why."""


@dataclass
class Bundle:
    data: dict
    files: dict[str, bytes] = field(default_factory=dict)


def _refuse_constant(name):
    raise ImportFileError(f"The file holds {name}, which is not a number in JSON.")


def read_json(raw: bytes) -> dict:
    if len(raw) > MAX_JSON_BYTES:
        raise ImportFileError(
            f"The JSON file is over the {MAX_JSON_BYTES // MEGABYTE} MB limit."
        )
    try:
        data = json.loads(raw, parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        if isinstance(error, ImportFileError):
            raise
        raise ImportFileError(
            "This is not a Foothold data file: it is not JSON. Upload the "
            "file “Download my data” gave you, or its zip."
        ) from error
    if not isinstance(data, dict):
        raise ImportFileError("This is not a Foothold data file.")
    return data


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and "\\" not in name


def _read_zip(upload) -> Bundle:
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise ImportFileError("This zip file is damaged and cannot be read.") from error
    with archive:
        entries = [entry for entry in archive.infolist() if not entry.is_dir()]
        if len(entries) > MAX_ZIP_ENTRIES:
            raise ImportFileError(
                f"The zip holds more than {MAX_ZIP_ENTRIES} files, more than a "
                "Foothold export ever does."
            )
        if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
            raise ImportFileError(
                f"The zip unpacks to more than {MAX_UNPACKED_BYTES // MEGABYTE} MB, "
                "so it is not read."
            )
        for entry in entries:
            if not _safe_name(entry.filename) or not (
                entry.filename == DATA_NAME or DOCUMENT_NAME.fullmatch(entry.filename)
            ):
                raise ImportFileError(
                    f"The zip holds “{entry.filename[:100]}”, which is not a "
                    f"name Foothold writes: only {DATA_NAME} and documents/…"
                )
        if DATA_NAME not in {entry.filename for entry in entries}:
            raise ImportFileError(f"The zip has no {DATA_NAME} in it.")
        files, unpacked = {}, 0
        try:
            for entry in entries:
                limit = (
                    MAX_JSON_BYTES if entry.filename == DATA_NAME else MAX_ENTRY_BYTES
                )
                # Never trust the sizes the zip declares: read one byte over.
                with archive.open(entry) as handle:
                    data = handle.read(limit + 1)
                unpacked += len(data)
                if unpacked > MAX_UNPACKED_BYTES:
                    raise ImportFileError("The zip unpacks to too much to be read.")
                files[entry.filename] = data
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as error:
            raise ImportFileError(
                "This zip file is damaged and cannot be read."
            ) from error
    data = read_json(files.pop(DATA_NAME))
    return Bundle(data=data, files=files)


def read_upload(upload) -> Bundle:
    """The data (and, from a zip, the documents' files) of an uploaded file."""
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    if head in ZIP_MAGIC:
        if upload.size > MAX_ZIP_BYTES:
            raise ImportFileError(
                f"The zip is over the {MAX_ZIP_BYTES // MEGABYTE} MB limit."
            )
        return _read_zip(upload)
    if upload.size > MAX_JSON_BYTES:
        raise ImportFileError(
            f"The JSON file is over the {MAX_JSON_BYTES // MEGABYTE} MB limit; "
            f"a zip may be up to {MAX_ZIP_BYTES // MEGABYTE} MB."
        )
    return Bundle(data=read_json(upload.read()))


def export_zip(data: dict, files) -> tempfile.SpooledTemporaryFile:
    """The zip download: the JSON export and each (name, bytes) file."""
    # Not a with block: the response streams the file, then closes it.
    spool = tempfile.SpooledTemporaryFile(max_size=ZIP_IN_MEMORY_BYTES)  # noqa: SIM115
    with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DATA_NAME, json.dumps(data, indent=2))
        for name, content in files:
            if content is not None:  # a file missing from disk: left out
                archive.writestr(name, content)
    spool.seek(0)
    return spool


# The upload between preview and confirm: on disk under MEDIA_ROOT (never
# served), named by us; the session holds only its name.
PENDING_NAME = re.compile(r"(?P<user>[0-9]+)-[0-9a-f]{32}\.upload")


def _pending_storage() -> FileSystemStorage:
    return FileSystemStorage(
        location=Path(settings.MEDIA_ROOT) / "accounts" / "imports"
    )


def pending_save(*, user, upload) -> str:
    """Keep the upload for the confirm step (replacing the person's earlier
    one); return its name."""
    pending_discard_all(user=user)
    upload.seek(0)
    return _pending_storage().save(f"{user.pk}-{uuid.uuid4().hex}.upload", upload)


def pending_open(*, user, name: str):
    """The person's kept upload called `name`, open for reading, or None."""
    match = PENDING_NAME.fullmatch(name or "")
    if not match or match["user"] != str(user.pk):
        return None
    try:
        return _pending_storage().open(name, "rb")
    except FileNotFoundError:
        return None


def pending_discard(*, name: str) -> None:
    if PENDING_NAME.fullmatch(name or ""):
        _pending_storage().delete(name)


def pending_discard_all(*, user) -> None:
    """Remove the person's kept uploads (a new upload, or account deletion)."""
    storage = _pending_storage()
    try:
        _, names = storage.listdir("")
    except FileNotFoundError:
        return
    for name in names:
        if name.startswith(f"{user.pk}-"):
            storage.delete(name)
