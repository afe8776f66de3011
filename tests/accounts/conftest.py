import pytest


@pytest.fixture(autouse=True)
def _files_in_a_temporary_directory(settings, tmp_path):
    """Documents and kept imports go to a fresh directory, never media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
