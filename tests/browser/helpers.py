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


def submit_form(page, fields):
    """Fill in the form holding the first of `fields` and submit it, skipping
    the browser's own checks so the server's error messages show."""
    form = page.locator(f"main form:has([name='{next(iter(fields))}'])").first
    for name, value in fields.items():
        field = form.locator(f"[name='{name}']").first
        if isinstance(value, bytes):
            upload = {"name": f"{name}.csv", "mimeType": "text/csv", "buffer": value}
            field.set_input_files(upload)
        elif field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(value)
        elif field.get_attribute("type") == "hidden":  # no one types in it
            field.evaluate("(element, value) => { element.value = value; }", value)
        else:
            field.fill(value)
    with page.expect_navigation():
        form.evaluate("form => { form.noValidate = true; form.requestSubmit(); }")
