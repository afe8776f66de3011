import pytest


@pytest.fixture(autouse=True)
def _private_files_in_a_temporary_directory(settings, tmp_path):
    """Uploaded documents go to a fresh directory, never the project's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
