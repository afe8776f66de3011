"""Writing bench/RESULTS.md: a script replaces only the sections it writes.

Several scripts add to the file (`make bench`, `python -m bench.search`, figures
written by hand); each owns the `## ` sections it produces and keeps the rest.
"""

import re
from itertools import pairwise
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
_HEADING = re.compile(r"^## ", re.M)


def split_sections(text: str) -> tuple[str, list[str]]:
    """The text before the first `## ` heading, and each section from its
    heading to the next one."""
    starts = [match.start() for match in _HEADING.finditer(text)]
    if not starts:
        return text, []
    bounds = [*starts, len(text)]
    return text[: starts[0]], [text[start:end] for start, end in pairwise(bounds)]


def _heading(section: str) -> str:
    return section.split("\n", 1)[0].strip()


def merged(old: str, new: str) -> str:
    """`new` whole (its preamble and sections), then every section of `old`
    whose heading `new` does not have, in their order."""
    _, new_sections = split_sections(new)
    written = {_heading(section) for section in new_sections}
    _, old_sections = split_sections(old)
    kept = [section for section in old_sections if _heading(section) not in written]
    parts = [new.rstrip("\n"), *(section.rstrip("\n") for section in kept)]
    return "\n\n".join(parts) + "\n"


def write_results(new: str, path: Path = RESULTS) -> None:
    """Replace the preamble and `new`'s sections in the file, keep the others."""
    old = path.read_text() if path.exists() else ""
    path.write_text(merged(old, new))
