"""Every page fits a 320-pixel-wide phone without sideways scrolling."""

from tests.browser.helpers import sign_in, submit_form
from tests.site_pages import pages


def test_pages_fit_a_small_phone(page, live_server, site_data):
    page.set_viewport_size({"width": 320, "height": 640})
    signed_in_as, too_wide = None, {}
    for site_page in pages(site_data):
        if site_page.who != signed_in_as:
            page.context.clear_cookies()
            if site_page.who:
                sign_in(page, live_server, site_data["users"][site_page.who])
            signed_in_as = site_page.who
        page.goto(site_page.path)
        if site_page.fields is not None:
            submit_form(page, site_page.fields)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[f"{site_page.name} ({site_page.path})"] = width

    assert too_wide == {}
