"""Start and stop gunicorn with production settings for the benchmarks and the
load test: DEBUG off, whitenoise, the project's gunicorn.conf.py, on loopback."""

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = BASE_DIR / "bench" / ".data"
PYTHON = sys.executable


def production_env(*, database_url: str, cache_url: str, **extra) -> dict:
    """The environment of a production deployment, served over plain HTTP on
    loopback (no TLS proxy in front)."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        HTTPS="false",
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DATABASE_URL=database_url,
        CACHE_URL=cache_url,
        LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


class Gunicorn:
    """gunicorn as a child process; its log goes to `log_path`."""

    def __init__(self, env: dict, *, port: int, app: str, log_path: Path):
        self.env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
        self.port = port
        self.app = app
        self.log_path = log_path
        self.process = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        # Otherwise the readiness check below would take another server on the
        # port (another benchmark run) for this one.
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=2).close()
        except OSError:
            pass
        else:
            raise RuntimeError(f"Something already listens on port {self.port}.")
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", self.app, "--config", "gunicorn.conf.py"],
            cwd=BASE_DIR,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=2).read()
                self._wait_for_every_worker()
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(
                        f"gunicorn exited; see {self.log_path}"
                    ) from None
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer in 60 s; see {self.log_path}")

    def _wait_for_every_worker(self) -> None:
        """The app is preloaded, so the first worker answers while the master is
        still forking the others (gunicorn pauses briefly between forks): wait
        until the number of workers has held still for a second."""
        count, since = len(self.worker_pids()), time.monotonic()
        deadline = since + 10
        while time.monotonic() < deadline and time.monotonic() - since < 1:
            time.sleep(0.1)
            now = len(self.worker_pids())
            if now != count:
                count, since = now, time.monotonic()

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]
