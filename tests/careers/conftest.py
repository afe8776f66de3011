import pytest

from careers.loader import load_careers
from careers.models import Career


@pytest.fixture
def clerk_guide(db):
    """The shipped Customer Service Clerk guide and its related careers, loaded."""
    load_careers()
    return Career.objects.get(slug="customer-service-clerk")


@pytest.fixture
def staff_client(client, django_user_model):
    staff = django_user_model.objects.create_user(
        email="editor@example.com", password="unused", is_staff=True, is_superuser=True
    )
    client.force_login(staff)
    return client
