"""Answers in progress, kept in the session until the result is saved.

The raw posted values are kept (valid or not), so going Back, leaving and
coming back, or fixing an error never loses what the person typed.
"""

import uuid

from assessments.skills_match import skill_names

RATING_VALUES = {"1", "2", "3", "4", "5"}


class Draft:
    def __init__(self, session, assessment):
        self.session = session
        self.key = f"assessment_draft:{assessment.pk}"

    @property
    def exists(self) -> bool:
        return self.key in self.session

    def _data(self) -> dict:
        if self.key not in self.session:
            # The id travels with the final submission, so a retried "See my
            # result" finds the result it already made.
            self.session[self.key] = {"answers": {}, "submission_id": str(uuid.uuid4())}
        return self.session[self.key]

    @property
    def answers(self) -> dict[str, object]:
        return self._data()["answers"]

    @property
    def submission_id(self) -> uuid.UUID:
        return uuid.UUID(self._data()["submission_id"])

    def save_answers(self, raw: dict[str, object]) -> None:
        data = self._data()
        data["answers"] = {**data["answers"], **raw}
        self.session.modified = True

    def answered_count(self) -> int:
        return sum(1 for value in self.answers.values() if value not in ("", [], None))

    def clear(self) -> None:
        self.session.pop(self.key, None)


class RatingsDraft:
    """Match my skills' ratings in progress, in the session (signed in or not).

    Like an assessment's draft it keeps only what a rating can be: "1" to "5"
    (or "" for none) for each of the 35 known skills, so a post of any size
    leaves a draft of a few hundred bytes.
    """

    KEY = "skills_match_draft"

    def __init__(self, session):
        self.session = session

    @property
    def exists(self) -> bool:
        return self.KEY in self.session

    @property
    def ratings(self) -> dict[str, str]:
        return self.session.get(self.KEY, {})

    def save(self, raw: dict[str, str]) -> None:
        known = skill_names()
        kept = {
            skill_id: value if value in RATING_VALUES else ""
            for skill_id, value in raw.items()
            if skill_id in known
        }
        self.session[self.KEY] = {**self.ratings, **kept}
        self.session.modified = True

    def answered_count(self) -> int:
        return sum(1 for value in self.ratings.values() if value)

    def clear(self) -> None:
        self.session.pop(self.KEY, None)
