from functools import cache

import pytest

from careers.catalogue.pack import read_pack
from careers.catalogue.similarity import refresh_similar
from careers.loader import load_careers
from careers.models import Career
from tests.factories import generated_career_for, occupation_from_pack

read_pack_cached = cache(read_pack)


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


# Real occupations from the data pack: the pairs the tests name, customer service
# representatives' closest matches, and the first occupation of every major group
# (so that each skill's mean is taken over varied work, as in the full catalogue).
SAMPLE_CODES = (
    "43-4051.00",  # Customer Service Representatives
    "43-3031.00",  # Bookkeeping, Accounting, and Auditing Clerks
    "13-2011.00",  # Accountants and Auditors
    "29-1022.00",  # Oral and Maxillofacial Surgeons
    "29-1141.00",  # Registered Nurses
    "47-2111.00",  # Electricians
    "41-2031.00",  # Retail Salespersons
    "43-4111.00",
    "43-4161.00",
    "43-4181.00",
    "39-6012.00",
    "43-4141.00",
    "43-4061.00",
    "43-6014.00",
    "11-3031.00",
    "15-1232.00",
)


def sample_codes() -> list[str]:
    pack_codes = [
        record["code"]
        for record in read_pack_cached()["occupations"]
        if record.get("skills")
    ]
    first_of_group = {}
    for code in pack_codes:
        first_of_group.setdefault(code[:2], code)
    return list(dict.fromkeys([*SAMPLE_CODES, *first_of_group.values()]))


@pytest.fixture
def catalogue(db):
    """About 40 real occupations with generated guides and their similar lists
    refreshed, as after a catalogue load: code → Career."""
    careers = {}
    for code in sample_codes():
        careers[code] = generated_career_for(occupation_from_pack(code))
    refresh_similar()
    return {
        code: Career.objects.select_related("occupation").get(pk=career.pk)
        for code, career in careers.items()
    }
