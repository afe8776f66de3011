"""What the About the data page says about the catalogue's sources."""

import json
from dataclasses import dataclass

from careers.catalogue.pack import MANIFEST_NAME, PACK_DIR
from careers.models import DataRelease

# O*NET's licence asks for this text, word for word, wherever its data is shown.
ATTRIBUTION = (
    "This site includes information from the O*NET 29.3 Database by the U.S. "
    "Department of Labor, Employment and Training Administration (USDOL/ETA). Used "
    "under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. Foothold has "
    "modified all or some of this information. USDOL/ETA has not approved, "
    "endorsed, or tested these modifications."
)
BLS_CAVEAT = (
    "BLS cannot vouch for data or analyses derived from its data after retrieval."
)


@dataclass(frozen=True)
class Release:
    source: str
    name: str
    publisher: str
    release: str


def releases() -> list[Release]:
    """The releases the catalogue was loaded from, or the committed pack's when
    nothing is loaded yet."""
    rows = [
        Release(row.source, row.name, row.publisher, row.release)
        for row in DataRelease.objects.order_by("source")
    ]
    if rows:
        return rows
    manifest = json.loads((PACK_DIR / MANIFEST_NAME).read_text())
    return [
        Release(source, entry["name"], entry["publisher"], entry["release"])
        for source, entry in sorted(manifest["releases"].items())
    ]
