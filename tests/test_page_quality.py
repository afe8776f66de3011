"""Every page in tests/site_pages.py is valid HTML (the Nu Html Checker), stays
within the page-weight budget and loads no asset from another origin."""

import gzip
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings

from tests.site_pages import error_pages, fetch, pages

VNU_JAR = settings.BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
BUDGET_BYTES = 100 * 1024  # CSS + JavaScript, gzip-compressed, per page

# <link rel=…> values that make the browser fetch something.
FETCHING_RELS = {
    "stylesheet",
    "icon",
    "apple-touch-icon",
    "mask-icon",
    "manifest",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
}
ASSET_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
}
CSS_REFERENCE = re.compile(r"""(?:@import\s+|url\()\s*["']?([^"')\s;]+)""")


class AssetFinder(HTMLParser):
    """Collect the URLs of everything a page makes the browser load."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            rels = set((attrs.get("rel") or "").lower().split())
            names = ("href", "imagesrcset") if rels & FETCHING_RELS else ()
        else:
            names = ASSET_ATTRIBUTES.get(tag, ())
        for name in names:
            value = attrs.get(name)
            if not value:
                continue
            if name.endswith("srcset"):
                self.urls += [part.split()[0] for part in value.split(",") if part]
            else:
                self.urls.append(value)


def is_same_origin(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("", "http", "https") and parts.netloc in ("", "testserver")


def static_file(url: str) -> Path | None:
    """The collected file behind a same-origin static URL, or None."""
    path = urlsplit(url).path
    if not path.startswith(settings.STATIC_URL):
        return None
    return Path(settings.STATIC_ROOT) / path.removeprefix(settings.STATIC_URL)


def compressed_size(file: Path) -> int:
    """What the file weighs over the wire: whitenoise's .gz when it made one
    (it skips files that compress badly, which then go as they are)."""
    gz = file.with_name(file.name + ".gz")
    if gz.exists():
        return gz.stat().st_size
    return min(file.stat().st_size, len(gzip.compress(file.read_bytes())))


def rendered_pages(client, site_data) -> dict[str, bytes]:
    """Every page's HTML by "name (path)"."""
    rendered = {}
    for page in pages(site_data):
        response = fetch(client, page, site_data["users"])
        assert response.status_code < 500, page.name
        rendered[f"{page.name} ({page.path})"] = response.content
    for name, content in error_pages().items():
        rendered[f"{name} (an error page)"] = content
    return rendered


def css_and_js(url: str, seen: set, problems: list) -> int:
    """The compressed weight of a stylesheet or script and what it imports."""
    if url in seen or not url.endswith((".css", ".js")):
        return 0
    seen.add(url)
    file = static_file(url)
    if file is None or not file.exists():
        problems.append(f"{url} is not a collected static file")
        return 0
    weight = compressed_size(file)
    if file.suffix == ".css":
        for reference in CSS_REFERENCE.findall(file.read_text()):
            if reference.startswith("data:"):
                continue
            absolute = urljoin(url, reference)
            if not is_same_origin(absolute):
                problems.append(f"{url} loads {reference} from another origin")
            else:
                weight += css_and_js(absolute, seen, problems)
    return weight


@pytest.mark.django_db
def test_pages_stay_within_the_weight_budget_and_load_nothing_from_elsewhere(
    client, site_data
):
    weights, problems = {}, []
    for name, html in rendered_pages(client, site_data).items():
        finder = AssetFinder()
        finder.feed(html.decode())
        assert finder.urls, f"{name}: found no assets at all"
        seen, page_problems = set(), []
        weight = 0
        for url in finder.urls:
            if not is_same_origin(url):
                page_problems.append(f"loads {url} from another origin")
            else:
                weight += css_and_js(urljoin("/", url), seen, page_problems)
        weights[name] = weight
        if weight > BUDGET_BYTES:
            page_problems.append(f"ships {weight:,} bytes of compressed CSS and JS")
        problems += [f"{name}: {problem}" for problem in page_problems]

    heaviest = max(weights, key=weights.get)
    print(f"Heaviest page: {heaviest}, {weights[heaviest]:,} bytes of CSS and JS")
    assert problems == [], "\n".join(problems)


def test_asset_finder_sees_every_kind_of_asset_and_leaves_links_alone():
    finder = AssetFinder()
    finder.feed(
        '<link rel="stylesheet" href="https://cdn.example/a.css">'
        '<link rel="canonical" href="https://example.org/">'
        '<link rel="icon" href="/static/i.svg">'
        '<script src="//cdn.example/b.js"></script>'
        '<img src="/c.png" srcset="/c2.png 2x, https://img.example/c3.png 3x">'
        '<a href="https://example.org/elsewhere">A link</a>'
    )
    assert finder.urls == [
        "https://cdn.example/a.css",
        "/static/i.svg",
        "//cdn.example/b.js",
        "/c.png",
        "/c2.png",
        "https://img.example/c3.png",
    ]
    assert [is_same_origin(url) for url in finder.urls] == [
        False,
        True,
        False,
        True,
        True,
        False,
    ]


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "Java is not installed, so the Nu Html Checker cannot run. Install a "
            "Java runtime (Debian: apt-get install default-jre-headless), or run "
            "`make test` as root, which installs it."
        )
    if not VNU_JAR.exists():
        pytest.fail(
            f"The Nu Html Checker is missing ({VNU_JAR}). Run `make node-tools` "
            "(npm ci from package-lock.json) to install it."
        )
    return [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


@pytest.mark.django_db
def test_every_page_is_valid_html(client, site_data, tmp_path):
    command = vnu_command()
    names = {}
    for number, (name, html) in enumerate(rendered_pages(client, site_data).items()):
        file = tmp_path / f"page-{number}.html"
        file.write_bytes(html)
        names[file.name] = name

    # One run for every page: the JVM's start-up is most of the checker's time.
    checked = subprocess.run(
        [*command, *sorted(str(tmp_path / name) for name in names)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    try:
        messages = json.loads(checked.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"The Nu Html Checker did not answer with JSON:\n{checked.stderr}")
    errors = [
        f"{names.get(Path(m.get('url', '')).name, m.get('url'))}, line "
        f"{m.get('lastLine', '?')}: {m['message']}\n    {m.get('extract', '').strip()}"
        for m in messages
    ]
    assert errors == [], "\n".join(errors)


def test_the_html_check_fails_clearly_without_java_or_the_checker(
    monkeypatch, tmp_path
):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(pytest.fail.Exception, match="Java is not installed"):
        vnu_command()

    monkeypatch.setattr(shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(
        "tests.test_page_quality.VNU_JAR", tmp_path / "missing" / "vnu.jar"
    )
    with pytest.raises(pytest.fail.Exception, match="make node-tools"):
        vnu_command()
