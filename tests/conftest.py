import pytest
from django.core.cache import caches
from django.core.management import call_command

from core import pagecache
from tests.factories import UserFactory
from tests.site_pages import build_site_data


@pytest.fixture(scope="session", autouse=True)
def _collected_static_files():
    """Collect static files once, so pages render with whitenoise's hashed names
    exactly as in production."""
    call_command("collectstatic", "--noinput", verbosity=0)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: no page cached by an earlier test's
    database can be served to this one, no sign-in throttling carried over."""
    for cache in caches.all():
        cache.clear()
    pagecache.forget_local_pages()
    yield
    for cache in caches.all():
        cache.clear()
    pagecache.forget_local_pages()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def alice(db):
    """The owner in privacy tests."""
    return UserFactory(email="alice@example.com", name="Alice Moreno")


@pytest.fixture
def bob(db):
    """Another signed-up person, who must never see Alice's data."""
    return UserFactory(email="bob@example.com", name="Bob Okafor")


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture
def site_data(db, settings, tmp_path):
    """Realistic records for every page in tests/site_pages.py."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return build_site_data()


@pytest.fixture
def migrator():
    """A migration executor for tests that step through old migrations; the
    database is migrated back to the latest state of every app afterwards, so
    the tests after it never meet a schema missing a later migration."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    yield MigrationExecutor(connection)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
