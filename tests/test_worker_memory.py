"""What each worker keeps in its own memory for signed-in pages: recent rows
(core.pagecache.recent_local), static file addresses, the header and footer's
reader-independent parts; and the session and person it reads with one plain
query each."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from whitenoise.storage import CompressedManifestStaticFilesStorage

from accounts.backends import ModelBackend
from core import pagecache
from core.sessions import SessionStore
from tests.factories import CareerFactory, UserFactory


def test_recent_local_keeps_a_value_for_its_seconds():
    calls = []

    def fetch():
        calls.append(1)
        return len(calls)

    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        assert pagecache.recent_local("row", fetch, seconds=2) == 1
        assert pagecache.recent_local("row", fetch, seconds=2) == 1
        traveller.shift(2)
        assert pagecache.recent_local("row", fetch, seconds=2) == 2
        pagecache.forget_local_pages()
        assert pagecache.recent_local("row", fetch, seconds=2) == 3


def test_recent_local_keeps_no_failure_and_no_value_from_the_future():
    def fail():
        raise LookupError

    with pytest.raises(LookupError):
        pagecache.recent_local("row", fail)
    assert pagecache.recent_local("row", lambda: "fetched") == "fetched"

    # A clock set back (time travel in tests, a corrected clock) is not "recent".
    with time_machine.travel(timezone.now() - timedelta(days=1), tick=False):
        assert pagecache.recent_local("row", lambda: "again") == "again"


def test_first_locally_is_true_once_per_period():
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        assert pagecache.first_locally("seen", seconds=60)
        assert not pagecache.first_locally("seen", seconds=60)
        traveller.shift(60)
        assert pagecache.first_locally("seen", seconds=60)


@pytest.mark.django_db
def test_a_guide_view_asks_the_shared_cache_once_per_worker(client, monkeypatch):
    career = CareerFactory()
    pagecache.content_version()  # as after any load: no new version mid-test
    client.force_login(UserFactory())
    throttle = caches["throttle"]
    added = []
    real_add = throttle.add
    monkeypatch.setattr(
        throttle, "add", lambda *args, **kwargs: added.append(args) or real_add(*args)
    )

    for _ in range(3):
        assert client.get(career.get_absolute_url()).status_code == 200

    assert [key for key, *_ in added if key.startswith("guide-view:")] == [
        f"guide-view:{client.session['_auth_user_id']}:{career.pk}"
    ]


@pytest.mark.django_db
def test_a_draft_is_never_served_from_a_published_row_to_staff_or_others(client):
    career = CareerFactory()
    client.get(career.get_absolute_url())
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    career.status = career.Status.DRAFT
    career.save()

    # Staff always read the row afresh, so they see the draft banner at once.
    assert "Draft preview" in client.get(career.get_absolute_url()).content.decode()


def test_static_addresses_are_whitenoises_and_remembered(monkeypatch, settings):
    settings.DEBUG = False
    name = "css/foothold.css"
    expected = CompressedManifestStaticFilesStorage.url(staticfiles_storage, name)
    assert staticfiles_storage.url(name) == expected

    def not_again(*args, **kwargs):
        raise AssertionError("worked out again")

    monkeypatch.setattr(CompressedManifestStaticFilesStorage, "url", not_again)
    assert staticfiles_storage.url(name) == expected


@pytest.mark.django_db
def test_the_remembered_header_still_names_each_reader_and_section(client):
    alice = UserFactory(email="alice@example.com", name="Alice Moreno")
    bob = UserFactory(email="bob@example.com", name="Bob Stone")

    client.force_login(alice)
    alices = client.get("/careers/").content.decode()
    client.force_login(bob)
    bobs_careers = client.get("/careers/").content.decode()
    bobs_tracker = client.get("/tracker/").content.decode()
    anonymous = Client().get("/careers/").content.decode()

    assert "Alice" in alices
    assert "Alice" not in bobs_careers
    assert "Bob" in bobs_careers
    assert 'href="/careers/" aria-current="page"' in bobs_careers
    assert 'href="/tracker/" aria-current="page"' in bobs_tracker
    assert 'href="/careers/" aria-current="page"' not in bobs_tracker
    # Every page carries its own sign-out token, none a cached one.
    assert alices.count("csrfmiddlewaretoken") >= 2
    assert "Sign in" in anonymous
    assert "Sign out" not in anonymous
    assert "Download my data" in bobs_careers
    assert "Download my data" not in anonymous


@pytest.mark.django_db
def test_a_session_is_read_with_one_plain_query(client):
    user = UserFactory()
    client.force_login(user)
    key = client.cookies["sessionid"].value

    with CaptureQueriesContext(connection) as captured:
        data = SessionStore(key).load()

    assert data["_auth_user_id"] == str(user.pk)
    (query,) = captured.captured_queries
    assert query["sql"].startswith('SELECT "session_data" FROM "django_session"')


@pytest.mark.django_db
def test_an_expired_or_unknown_session_signs_nobody_in(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get("/accounts/profile/").status_code == 200

    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    assert client.get("/accounts/profile/").status_code == 302

    client.cookies["sessionid"] = "x" * 32
    assert client.get("/accounts/profile/").status_code == 302


@pytest.mark.django_db
def test_the_signed_in_person_is_found_with_one_plain_query(client):
    user = UserFactory()
    client.force_login(user)

    backend = ModelBackend()
    with CaptureQueriesContext(connection) as captured:
        found = backend.get_user(str(user.pk))

    assert found == user
    assert found.email == user.email
    assert found.date_joined == user.date_joined  # converted as the ORM does
    (query,) = captured.captured_queries
    assert query["sql"].startswith('SELECT * FROM "accounts_user"')


@pytest.mark.django_db
def test_no_one_is_found_for_a_bad_unknown_or_inactive_id():
    inactive = UserFactory(is_active=False)
    backend = ModelBackend()
    assert backend.get_user("not a number") is None
    assert backend.get_user("987654321") is None
    assert backend.get_user(str(inactive.pk)) is None


def test_many_readers_keys_never_push_a_workers_pages_out():
    assert pagecache.recent_local("row", lambda: "kept") == "kept"
    for number in range(pagecache.LOCAL_MAX_PAGES + 1):
        pagecache.first_locally(f"guide-view:{number}:1", seconds=60)

    assert pagecache.recent_local("row", lambda: "fetched again") == "kept"
