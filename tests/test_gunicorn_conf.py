"""gunicorn.conf.py trusts forwarded headers exactly when Django does."""

import runpy

import pytest
from django.conf import settings
from gunicorn.config import Config
from gunicorn.http.message import Request
from gunicorn.http.unreader import IterUnreader

SCHEME_HEADERS = [
    "X-Forwarded-Proto: https",
    "X-Forwarded-Ssl: on",
    "X-Forwarded-Protocol: ssl",
]


def gunicorn_config(monkeypatch, **environment) -> Config:
    """The settings gunicorn takes from gunicorn.conf.py in this environment."""
    for name in ("TRUST_X_FORWARDED_PROTO", "FORWARDED_ALLOW_IPS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    config = Config()
    module = runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))
    for name, value in module.items():
        if name in config.settings:
            config.set(name, value)
    return config


def scheme(config: Config, header: str, peer: str = "127.0.0.1") -> str:
    """The wsgi.url_scheme gunicorn gives a request from `peer` with `header`."""
    raw = f"GET / HTTP/1.1\r\nHost: example.org\r\n{header}\r\n\r\n".encode()
    return Request(config, IterUnreader([raw]), (peer, 40000), 1).scheme


@pytest.mark.parametrize("header", SCHEME_HEADERS)
@pytest.mark.parametrize("trust", [None, "false"])
def test_without_trust_no_address_may_make_a_request_secure(monkeypatch, trust, header):
    environment = {"FORWARDED_ALLOW_IPS": "127.0.0.1"}
    if trust is not None:
        environment["TRUST_X_FORWARDED_PROTO"] = trust
    config = gunicorn_config(monkeypatch, **environment)

    assert config.forwarded_allow_ips == []
    assert config.secure_scheme_headers == {}
    assert scheme(config, header) == "http"


def test_with_trust_only_the_proxy_and_only_x_forwarded_proto_count(monkeypatch):
    config = gunicorn_config(monkeypatch, TRUST_X_FORWARDED_PROTO="true")

    assert config.forwarded_allow_ips == ["127.0.0.1"]
    assert config.secure_scheme_headers == {"X-FORWARDED-PROTO": "https"}
    assert scheme(config, "X-Forwarded-Proto: https") == "https"
    assert scheme(config, "X-Forwarded-Proto: https", peer="203.0.113.9") == "http"
    assert scheme(config, "X-Forwarded-Ssl: on") == "http"


def test_with_trust_the_proxy_addresses_come_from_forwarded_allow_ips(monkeypatch):
    config = gunicorn_config(
        monkeypatch, TRUST_X_FORWARDED_PROTO="true", FORWARDED_ALLOW_IPS="10.0.0.5"
    )

    assert config.forwarded_allow_ips == ["10.0.0.5"]
    assert scheme(config, "X-Forwarded-Proto: https", peer="10.0.0.5") == "https"
    assert scheme(config, "X-Forwarded-Proto: https") == "http"


def test_workers_fork_from_a_master_that_has_imported_the_app(monkeypatch):
    # A recycled worker then costs a fork, not a second of imports that
    # competes with the requests being served.
    assert gunicorn_config(monkeypatch).preload_app is True
