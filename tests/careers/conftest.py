import pytest

from careers.loader import load_careers
from careers.models import Career
from tests.factories import occupation_from_pack


@pytest.fixture
def clerk_guide(db):
    """The shipped Customer Service Clerk guide, loaded."""
    load_careers()
    return Career.objects.get(slug="customer-service-clerk")


@pytest.fixture
def joined_clerk(clerk_guide):
    """The clerk guide joined to its occupation, 43-4051.00, as the catalogue
    loader joins it."""
    occupation = occupation_from_pack("43-4051.00")
    # update(), as a loader would: a save() would count as a staff edit.
    Career.objects.filter(pk=clerk_guide.pk).update(occupation=occupation)
    clerk_guide.refresh_from_db()
    return clerk_guide


@pytest.fixture
def staff_client(client, django_user_model):
    staff = django_user_model.objects.create_user(
        email="editor@example.com", password="unused", is_staff=True, is_superuser=True
    )
    client.force_login(staff)
    return client
