"""What a stored document must be: its type by extension, its size, and
first bytes that match the extension. The upload form and the account import
both check files with these."""

import zipfile
from pathlib import PurePath

MAX_DOCUMENT_BYTES = 5 * 1024 * 1024

# Extension → the content type we serve it with. The browser's claimed type is
# never trusted; the file's first bytes must match the extension too.
DOCUMENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
    ".txt": "text/plain; charset=utf-8",
}


def sniff_document(upload) -> str | None:
    """Return an error message when the file's bytes do not match its extension."""
    suffix = PurePath(upload.name).suffix.lower()
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if suffix == ".pdf":
        if not head.startswith(b"%PDF-"):
            return "This file is named .pdf but is not a PDF."
    elif suffix == ".docx":
        if not head.startswith(b"PK\x03\x04"):
            return "This file is named .docx but is not a Word document."
        try:
            with zipfile.ZipFile(upload) as archive:
                if "word/document.xml" not in archive.namelist():
                    return "This file is named .docx but is not a Word document."
        except zipfile.BadZipFile:
            return "This file is named .docx but is not a Word document."
        finally:
            upload.seek(0)
    elif suffix == ".txt":
        content = upload.read()
        upload.seek(0)
        try:
            content.decode("utf-8")
        except UnicodeDecodeError:
            return "This text file is not plain UTF-8 text."
        if b"\x00" in content:
            return "This file is named .txt but is not plain text."
    return None
