"""gunicorn settings for production: `gunicorn config.wsgi` reads this file."""

import multiprocessing
import os
from pathlib import Path

import environ

# The same environment Django reads: the process's, then a `.env` beside manage.py.
env = environ.Env()
environ.Env.read_env(Path(__file__).resolve().parent / ".env")

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Workers fork from a master that has already imported Django and the app, so
# recycling one (max_requests) costs a fork, not a second of imports competing
# with live requests for the cores.
preload_app = True
# Recycle workers now and then so a slow leak never takes the site down.
max_requests = 2000
max_requests_jitter = 200
# Trust X-Forwarded-* only when Django does (TRUST_X_FORWARDED_PROTO), and then
# only from the proxy in front of us (comma-separated IPs) and only the header
# Django reads. Left to gunicorn's defaults, anything on 127.0.0.1 could make a
# plain-HTTP request look secure through X-Forwarded-Proto, -Ssl or -Protocol.
if env.bool("TRUST_X_FORWARDED_PROTO", default=False):
    forwarded_allow_ips = env.str("FORWARDED_ALLOW_IPS", default="127.0.0.1")
    secure_scheme_headers = {"X-FORWARDED-PROTO": "https"}
else:
    forwarded_allow_ips = ""
    secure_scheme_headers = {}
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Keep request bodies and headers bounded before Django sees them.
limit_request_line = 8190
limit_request_fields = 100
