from django.conf import settings
from django.test import Client


def sign_in(page, live_server, user):
    """Sign in by session cookie: the accounts journey tests the sign-in form."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": session,
                "url": live_server.url,
            }
        ]
    )
