"""Plain text to safe HTML for content staff write in the admin.

Supports exactly what guides need: paragraphs (separated by a blank line), bullet
lists (lines starting with "- " or "* ") and **bold**. Everything is escaped first,
so no HTML stored in the database ever reaches a page.
"""

import re
from html import escape
from itertools import groupby

from django.utils.safestring import SafeString, mark_safe

BLANK_LINE = re.compile(r"\n\s*\n")
BULLET = re.compile(r"^\s*[-*]\s+")
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def _inline(text: str) -> str:
    # The standard library's escape: the same output as Django's, without the
    # lazy-string wrapper, and a guide page renders a few hundred lines.
    return BOLD.sub(r"<strong>\1</strong>", escape(text))


def render_markup(text: str) -> SafeString:
    """Return the text as escaped paragraphs and bullet lists."""
    html = []
    for block in BLANK_LINE.split((text or "").strip()):
        lines = [stripped for line in block.splitlines() if (stripped := line.strip())]
        for is_bullet, group in groupby(
            lines, key=lambda line: BULLET.match(line) is not None
        ):
            if is_bullet:
                items = "".join(
                    f"<li>{_inline(BULLET.sub('', line))}</li>" for line in group
                )
                html.append(f"<ul>{items}</ul>")
            else:
                html.append(f"<p>{_inline(' '.join(group))}</p>")
    return mark_safe("\n".join(html))
