"""The career a person is working towards (their target)."""

from careers.models import Career


def target_career_set(*, user, career: Career | None) -> None:
    """Set (or, with None, clear) the career the person is working towards."""
    user.target_career = career
    user.save(update_fields=["target_career"])
