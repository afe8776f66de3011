"""Where the committed data pack lives, and reading it (the app needs nothing else)."""

import gzip
import json
from pathlib import Path

SCHEMA = 1
PACK_DIR = Path(__file__).resolve().parent / "pack"
PACK_PATH = PACK_DIR / "catalogue.json.gz"
MANIFEST_NAME = "manifest.json"


class PackError(Exception):
    """The data pack is missing, corrupt or of a schema this code does not read."""


def read_pack(path: Path = PACK_PATH) -> dict:
    """Return the pack's content, or raise PackError naming what is wrong."""
    try:
        pack = json.loads(gzip.decompress(Path(path).read_bytes()))
    except FileNotFoundError as error:
        raise PackError(f"{path}: file not found") from error
    except (OSError, EOFError, ValueError) as error:
        raise PackError(f"{path}: not a gzip JSON data pack ({error})") from error
    schema = pack.get("manifest", {}).get("schema") if isinstance(pack, dict) else None
    if schema != SCHEMA:
        raise PackError(f"{path}: schema {schema!r}, expected {SCHEMA}")
    return pack
