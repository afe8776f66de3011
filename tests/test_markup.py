from core.formatting import money
from core.markup import render_markup


def test_paragraphs_are_split_on_blank_lines():
    assert render_markup("One\nline.\n\nTwo.") == "<p>One line.</p>\n<p>Two.</p>"


def test_bullet_lines_become_a_list_beside_a_paragraph():
    html = render_markup("Intro:\n- first\n* second\nAfter.")

    assert (
        html == "<p>Intro:</p>\n<ul><li>first</li><li>second</li></ul>\n<p>After.</p>"
    )


def test_bold_works_and_html_is_always_escaped():
    html = render_markup('**Tip** <a href="x" onclick="y">link</a> ** not bold **')

    assert html == (
        "<p><strong>Tip</strong> &lt;a href=&quot;x&quot; onclick=&quot;y&quot;&gt;"
        "link&lt;/a&gt; ** not bold **</p>"
    )


def test_empty_text_renders_nothing():
    assert render_markup("") == ""
    assert render_markup(None) == ""


def test_money_formats_whole_units_with_the_currency():
    assert money(38_400) == "$38,400"
    assert money(40_000, "CAD") == "CA$40,000"
    assert money(5_000, "PHP") == "5,000 PHP"
    assert money(None) == ""
