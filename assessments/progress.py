"""Progress over retakes: pure functions over results' stored section scores."""

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionChange:
    title: str
    before: int
    after: int

    @property
    def change(self) -> int:
        return self.after - self.before


@dataclass(frozen=True)
class Comparison:
    up: list[SectionChange]
    down: list[SectionChange]
    unchanged: list[SectionChange]


def compare_attempts(previous: list[dict], latest: list[dict]) -> Comparison:
    """Sections that went up, down or stayed level between two attempts.

    Sections are matched by title, so a section staff re-created under the same
    name still compares; one scored in only one attempt is left out.
    """
    before = {s["title"]: s["score"] for s in previous if s.get("score") is not None}
    changes = [
        SectionChange(title=s["title"], before=before[s["title"]], after=s["score"])
        for s in latest
        if s.get("score") is not None and s["title"] in before
    ]
    return Comparison(
        up=sorted((c for c in changes if c.change > 0), key=lambda c: -c.change),
        down=sorted((c for c in changes if c.change < 0), key=lambda c: c.change),
        unchanged=[c for c in changes if c.change == 0],
    )
