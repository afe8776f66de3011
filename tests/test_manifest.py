"""The web app manifest: "Add to Home Screen" gets Foothold's name, colours and
icons, all served by us."""

import struct
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings


def png_size(file: Path) -> tuple[int, int]:
    """A PNG's width and height, from its header."""
    header = file.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{file.name} is not a PNG"
    return struct.unpack(">II", header[16:24])


def collected(url: str) -> Path:
    path = urlsplit(url).path
    assert path.startswith(settings.STATIC_URL), url
    return Path(settings.STATIC_ROOT) / path.removeprefix(settings.STATIC_URL)


def test_the_manifest_names_the_app_and_its_colours(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["name"] == manifest["short_name"] == "Foothold"
    assert manifest["start_url"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#0f766e"
    assert manifest["background_color"] == "#ffffff"


def test_the_manifests_icons_are_our_own_pngs_of_the_sizes_it_says(client):
    icons = client.get("/manifest.webmanifest").json()["icons"]
    pngs = [icon for icon in icons if icon["type"] == "image/png"]
    # Android wants 192 and 512, and a maskable one it may crop to a circle.
    assert {icon["sizes"] for icon in pngs} == {"192x192", "512x512"}
    assert any(icon.get("purpose") == "maskable" for icon in pngs)
    for icon in pngs:
        width, height = png_size(collected(icon["src"]))
        assert f"{width}x{height}" == icon["sizes"], icon["src"]


@pytest.mark.django_db
def test_every_page_links_the_manifest_an_apple_icon_and_a_theme_colour(client):
    page = client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert '<meta name="theme-color" content="#0f766e"' in page
    apple_icon = page.split('<link rel="apple-touch-icon" href="', 1)[1].split('"')[0]
    assert png_size(collected(apple_icon)) == (180, 180)
