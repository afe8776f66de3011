"""The setup scripts behind `make run` and `make test`."""

import subprocess
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def test_make_venv_says_clearly_when_no_python_312_exists(tmp_path):
    # Every python name on this PATH is a stand-in that fails the version check.
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    for name in ["python3.13", "python3.12", "python3", "python"]:
        fake = fake_bin / name
        fake.write_text("#!/bin/sh\nexit 1\n")
        fake.chmod(0o755)
    env = {"PATH": f"{fake_bin}:/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(
        ["bash", str(BASE_DIR / "scripts/make-venv"), str(tmp_path / "venv")],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 1
    assert "needs Python 3.12 or newer" in result.stderr
    assert not (tmp_path / "venv").exists()
