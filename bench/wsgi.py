"""The benchmark's WSGI entry point: the site, plus the bare-WSGI ceiling.

`/__bench__/bare` answers the saved guide HTML from a plain WSGI callable, with no
Django at all, so the table can show what gunicorn alone manages on this machine.
Everything else goes to the site exactly as config.wsgi serves it.
"""

import os
from pathlib import Path

from config.wsgi import application as site

BARE_PATH = "/__bench__/bare"
_body = Path(os.environ["BENCH_STATIC_PAGE"]).read_bytes()
_headers = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Content-Length", str(len(_body))),
]


def application(environ, start_response):
    if environ.get("PATH_INFO") == BARE_PATH:
        start_response("200 OK", _headers)
        return [_body]
    return site(environ, start_response)
