"""The colour tokens in foothold.css keep text readable in both colour schemes.

axe checks the colours it sees on each page, but it cannot judge text over a
gradient (the landing page's hero) or inside SVG (the charts), so the pairs the
stylesheet puts together are checked here, against WCAG's 4.5:1 for text and
3:1 for the focus ring."""

import re

import pytest
from django.conf import settings

CSS = (settings.BASE_DIR / "static" / "css" / "foothold.css").read_text()

TEXT_PAIRS = [
    # (text colour, background), each as a token name without --color-
    ("text", "bg"),
    ("text", "surface"),
    ("text", "brand-soft"),  # the hero's gradient starts here; charts' tracks
    ("text", "danger-soft"),
    ("text", "success-soft"),
    ("text", "info-soft"),
    ("text-muted", "bg"),
    ("text-muted", "surface"),
    ("brand-strong", "bg"),  # links and secondary buttons
    ("brand-strong", "surface"),
    ("brand-strong", "brand-soft"),  # a secondary button under the pointer
    ("accent", "bg"),  # eyebrows and "gone quiet" tags
    ("accent", "surface"),
    ("accent", "brand-soft"),  # the landing page's eyebrow, on the hero
    ("on-brand", "brand"),  # primary buttons
    ("danger", "bg"),
    ("danger", "danger-soft"),  # error summary links
    ("success", "success-soft"),
]


def tokens(block: str) -> dict[str, str]:
    return dict(re.findall(r"--color-([a-z-]+):\s*(#[0-9a-f]{6})", block))


def light_and_dark() -> dict[str, dict[str, str]]:
    light = tokens(CSS[CSS.index(":root {") : CSS.index("}", CSS.index(":root {"))])
    dark_start = CSS.index("@media (prefers-color-scheme: dark)")
    dark = light | tokens(CSS[dark_start : CSS.index("}", dark_start)])
    return {"light": light, "dark": dark}


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    )
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, other: str) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_is_measured_as_wcag_does():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_colours_are_readable_on_the_backgrounds_they_sit_on(scheme):
    colours = light_and_dark()[scheme]
    too_faint = {
        f"{text} on {background}": round(
            contrast(colours[text], colours[background]), 2
        )
        for text, background in TEXT_PAIRS
        if contrast(colours[text], colours[background]) < 4.5
    }
    assert too_faint == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_focus_ring_stands_out_from_every_background(scheme):
    colours = light_and_dark()[scheme]
    for background in ["bg", "surface", "brand-soft"]:
        assert contrast(colours["focus"], colours[background]) >= 3, background
