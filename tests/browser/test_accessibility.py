"""axe-core finds no accessibility violations on any page in tests/site_pages.py,
in the light colour scheme or the dark one, WCAG 2.2's rules included."""

from axe_playwright_python.base import AXE_SCRIPT

from tests.browser.helpers import sign_in, submit_form
from tests.site_pages import pages

# Dark mode only swaps the colour tokens, so in it only the rules about colour
# run again: the whole rule set twice would double the suite's slowest test.
COLOUR_RULES = {"runOnly": {"type": "rule", "values": ["color-contrast"]}}


# axe leaves some WCAG 2.2 rules off by default (target-size, for 2.5.8's
# 24 x 24 px tap targets); every run switches on all that axe has.
RUN_AXE = """options => {
  if (!options.runOnly) {
    options.rules = {};
    axe.getRules(["wcag22a", "wcag22aa"]).forEach(rule => {
      options.rules[rule.ruleId] = {enabled: true};
    });
  }
  return axe.run(document, options);
}"""


def run_axe(tab, options=None) -> list[dict]:
    """axe-core's violations on the page as it is now, WCAG 2.2's rules included."""
    if not tab.evaluate("typeof window.axe === 'object'"):
        tab.evaluate(AXE_SCRIPT)
    results = tab.evaluate(RUN_AXE, {"resultTypes": ["violations"], **(options or {})})
    return results["violations"]


def violations_report(where, violations) -> list[str]:
    """One readable paragraph per violation: the rule, why, and where."""
    report = []
    for violation in violations:
        nodes = "\n".join(
            f"      {' '.join(map(str, node['target']))}: {node['html'][:160]}"
            for node in violation["nodes"]
        )
        report.append(
            f"{where}: {violation['id']} ({violation['impact']}): "
            f"{violation['help']} ({violation['helpUrl']})\n{nodes}"
        )
    return report


def background(tab) -> str:
    return tab.evaluate("getComputedStyle(document.body).backgroundColor")


def test_no_page_has_accessibility_violations_in_light_or_dark_mode(
    page, live_server, site_data
):
    tab, signed_in_as, report = page, None, []
    for site_page in pages(site_data):
        if site_page.who != signed_in_as:
            tab.context.clear_cookies()
            if site_page.who:
                sign_in(tab, live_server, site_data["users"][site_page.who])
            signed_in_as = site_page.who
        tab.emulate_media(color_scheme="light")
        tab.goto(site_page.path)
        if site_page.fields is not None:
            submit_form(tab, site_page.fields)
        where = f"{site_page.name} ({site_page.path})"
        report += violations_report(where, run_axe(tab))

        light = background(tab)
        tab.emulate_media(color_scheme="dark")
        assert background(tab) != light, f"{where}: no dark colour scheme"
        report += violations_report(f"{where}, dark", run_axe(tab, COLOUR_RULES))

    assert report == [], f"{len(report)} violations:\n" + "\n".join(report)


def test_open_menus_and_a_moved_card_have_no_accessibility_violations(
    page, live_server, site_data
):
    sign_in(page, live_server, site_data["users"]["alice"])
    page.goto("/tracker/board/")
    page.locator("summary", has_text="Alice").click()
    report = violations_report("board, account menu open", run_axe(page))
    page.keyboard.press("Escape")

    card = page.locator(f"#card-{site_data['application']}")
    card.get_by_role("combobox").select_option("offer")
    card.get_by_role("button", name="Move").click()
    page.locator("#board-status").filter(has_text="Moved").wait_for()
    report += violations_report("board, after a move", run_axe(page))
    page.emulate_media(color_scheme="dark")
    report += violations_report(
        "board, after a move, dark", run_axe(page, COLOUR_RULES)
    )

    assert report == [], "\n".join(report)
