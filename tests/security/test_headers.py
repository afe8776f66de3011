"""Every response carries the security headers: pages, redirects and errors."""

import re
from pathlib import Path

import pytest

from tests.factories import CareerFactory

pytestmark = pytest.mark.django_db

EXPECTED_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return dict(directive.strip().split(" ", 1) for directive in policy.split(";"))


def assert_security_headers(response):
    assert csp_directives(response) == EXPECTED_CSP
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions


def test_an_html_page_has_every_security_header(client):
    CareerFactory(slug="nurse")
    for url in ["/", "/careers/", "/careers/nurse/", "/accounts/signin/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_security_headers(response)


def test_a_redirect_has_every_security_header(client):
    response = client.get("/tracker/")
    assert response.status_code == 302
    assert_security_headers(response)


def test_a_404_has_every_security_header(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert_security_headers(response)


def test_a_signed_in_page_has_every_security_header(alice_client):
    response = alice_client.get("/tracker/board/")
    assert response.status_code == 200
    assert_security_headers(response)


def test_public_pages_need_no_nonce_so_they_can_be_cached_whole(client):
    CareerFactory(slug="nurse")
    for url in ["/", "/careers/", "/careers/nurse/", "/accounts/signin/"]:
        response = client.get(url)
        assert "nonce" not in response["Content-Security-Policy"], url
        assert "nonce=" not in response.content.decode(), url


def test_no_template_has_inline_script_or_style(client):
    """Inline code and style= attributes would be blocked by the policy."""
    CareerFactory(slug="nurse")
    for url in ["/", "/careers/", "/careers/nurse/", "/accounts/signup/"]:
        page = client.get(url).content.decode()
        assert "style=" not in page, url
        assert "<style" not in page, url
        for script in page.split("<script")[1:]:
            opening = script.split(">", 1)[0]
            assert "src=" in opening or 'type="application/ld+json"' in opening, (
                url,
                opening,
            )


def test_htmx_is_told_not_to_inject_its_indicator_style(alice_client):
    page = alice_client.get("/tracker/board/").content.decode()
    assert "django_htmx/htmx-2.min" in page
    assert '"includeIndicatorStyles":false' in page


def test_admin_pages_carry_the_nonce_their_templates_use(admin_client):
    for url in ["/admin/", "/admin/careers/industry/", "/admin/careers/career/add/"]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        style_src = csp_directives(response)["style-src"]
        nonce = re.fullmatch(r"'self' 'nonce-([\w-]+)'", style_src).group(1)
        used = set(re.findall(r'nonce="([^"]+)"', response.content.decode()))
        assert used == {nonce}, url
        assert csp_directives(response)["script-src"] == "'self'", url


def test_no_template_file_has_inline_style_or_script():
    """Every template, not only the pages requested above."""
    base = Path(__file__).resolve().parents[2]
    templates = [
        path
        for folder in ["templates", "accounts", "careers", "tracker", "assessments"]
        for path in (base / folder).glob("**/templates/**/*.html")
    ] + list((base / "templates").glob("**/*.html"))
    assert len(templates) > 30
    for path in templates:
        text = re.sub(
            r"\{#.*?#\}|\{% comment %\}.*?\{% endcomment %\}",
            "",
            path.read_text(),
            flags=re.DOTALL,
        )
        # Email bodies are never served as pages, so the CSP does not apply to
        # them; mail clients drop stylesheets, so their styles are inline.
        if "email" not in path.parent.parts:
            assert not re.search(r"\sstyle=", text), path
        assert "<style" not in text, path
        assert not re.search(r"\son[a-z]+=", text), path
        for opening in re.findall(r"<script\b[^>]*>", text):
            assert "src=" in opening or "application/ld+json" in opening, path
