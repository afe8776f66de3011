"""Every page fits a 320-pixel-wide phone without sideways scrolling."""

import pytest

from careers.services import load_careers
from tests.browser.helpers import sign_in
from tests.factories import UserFactory
from tracker.models import Status
from tracker.services import application_change_status, application_create

PAGES = [
    "/",
    "/careers/",
    "/careers/customer-service-clerk/",
    "/accounts/profile/",
    "/tracker/",
    "/tracker/board/",
    "/tracker/new/",
    "/tracker/follow-ups/",
    "/tracker/stats/",
    "/tracker/import/",
    "/tracker/documents/",
    "/tracker/calendar/",
    "/tracker/share/",
    "/tracker/settings/",
]


@pytest.fixture
def signed_in_page(page, live_server):
    load_careers()
    user = UserFactory()
    for company in ["Acme Incorporated International", "Globex", "Initech"]:
        application = application_create(
            owner=user,
            company=company,
            role_title="Senior customer service representative",
            status=Status.APPLIED,
        )
        application_change_status(application=application, status=Status.SCREENING)
    sign_in(page, live_server, user)
    page.set_viewport_size({"width": 320, "height": 640})
    return page


def test_pages_fit_a_small_phone(signed_in_page):
    too_wide = {}
    for path in PAGES:
        signed_in_page.goto(path)
        width = signed_in_page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide[path] = width

    assert too_wide == {}
