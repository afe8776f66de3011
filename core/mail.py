"""Turn an EMAIL_URL into a Django 6.1 MAILERS entry, and send emails whose
headers mail providers read as written."""

import email.policy
from email.headerregistry import HeaderRegistry, UnstructuredHeader

import environ
from django.core.mail import EmailMultiAlternatives

_OPTION_NAMES = {
    "EMAIL_HOST": "host",
    "EMAIL_PORT": "port",
    "EMAIL_HOST_USER": "username",
    "EMAIL_HOST_PASSWORD": "password",
    "EMAIL_USE_TLS": "use_tls",
    "EMAIL_USE_SSL": "use_ssl",
    "EMAIL_TIMEOUT": "timeout",
}


def mailer_from_url(url: str) -> dict:
    """Return a MAILERS entry for a URL such as smtp+tls://user:pass@host:587.

    django-environ understands the URL schemes (consolemail, smtp, smtp+tls,
    smtp+ssl, filemail, memorymail, dummymail) but still produces the EMAIL_*
    settings that Django 6.1 deprecates, so this maps them to backend OPTIONS.
    """
    config = environ.Env.email_url_config(url)
    mailer = {"BACKEND": config["EMAIL_BACKEND"]}
    options = {
        option: config[setting]
        for setting, option in _OPTION_NAMES.items()
        if config.get(setting) not in (None, "")
    }
    if config["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
        options.setdefault("host", "localhost")
        options.setdefault("timeout", 10)
    if config.get("EMAIL_FILE_PATH"):
        options["file_path"] = config["EMAIL_FILE_PATH"]
    if options:
        mailer["OPTIONS"] = options
    return mailer


class _UnfoldedHeader(UnstructuredHeader):
    """A header written on one line as given, never folded or encoded.

    Python folds a long header with no space in it by turning it into RFC 2047
    encoded words (`=?utf-8?q?=3Chttps=3A//…`), which no mail provider reads
    as a List-Unsubscribe address. One line of up to 998 characters is what
    RFC 5322 allows."""

    def fold(self, *, policy):
        return f"{self.name}: {self}{policy.linesep}"


class ListEmail(EmailMultiAlternatives):
    """A text-and-HTML email whose URL headers (List-Unsubscribe) reach the
    recipient's mail provider as written."""

    UNFOLDED_HEADERS = ("list-unsubscribe",)

    def message(self, *, policy=email.policy.default):
        headers = HeaderRegistry()
        for name in self.UNFOLDED_HEADERS:
            headers.map_to_type(name, _UnfoldedHeader)
        return super().message(policy=policy.clone(header_factory=headers))
