"""README.md must stay true: the two commands first, and every variable documented."""

import re
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
README = (BASE_DIR / "README.md").read_text()


def test_readme_opens_with_the_two_commands():
    opening = "\n".join(README.splitlines()[:6])
    assert "make run" in opening
    assert "make test" in opening


def variables_read_by(path, pattern):
    return set(re.findall(pattern, (BASE_DIR / path).read_text()))


def test_every_environment_variable_is_documented():
    variables = variables_read_by(
        "config/settings.py", r'env(?:\.\w+)?\(\s*"([A-Z_]+)"'
    ) | variables_read_by("gunicorn.conf.py", r'os\.environ\.get\("([A-Z_]+)"')
    assert len(variables) > 20, "the patterns above should find the variables"
    undocumented = {name for name in variables if f"`{name}`" not in README}
    assert not undocumented
