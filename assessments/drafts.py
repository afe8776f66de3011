"""Answers in progress, kept in the session until the result is saved.

The raw posted values are kept (valid or not), so going Back, leaving and
coming back, or fixing an error never loses what the person typed.
"""

import uuid


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
