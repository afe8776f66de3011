"""No query string or form post, however odd, makes a page fail: bad values are
ignored or answered with a message at the field."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessments.models import SkillRatings
from assessments.skills_match import skill_names
from tests.factories import CareerFactory, generated_career_for, occupation_from_pack
from tracker.fields import FORM_FIELDS, OFFER_FIELDS
from tracker.models import Offer
from tracker.services import application_create

PARAMETERS = [
    "q",
    "field",
    "industry",
    "education",
    "zone",
    "pay",
    "growth",
    "openings",
    "salary",
    "sort",
    "page",
    "status",
    "work_mode",
    "source",
    "archived",
    "career",
    "from",
    "to",
]
odd_text = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]), max_size=300
) | st.sampled_from(["-1", "0", "99999999999999999999", "name", "-company", "all"])
query_strings = st.dictionaries(st.sampled_from(PARAMETERS), odd_text, max_size=5)
fuzz = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture
def some_data(alice):
    CareerFactory(title="Nurse")
    application_create(owner=alice, company="Acme", role_title="Clerk")
    generated_career_for(occupation_from_pack("43-4051.00"))
    SkillRatings.objects.create(owner=alice, ratings=dict.fromkeys(skill_names(), 3))


@pytest.mark.parametrize(
    "path",
    [
        "/careers/",
        "/careers/search/",
        "/careers/compare/",
        "/careers/plan/",
        "/tracker/",
        "/tracker/board/",
        "/tracker/new/",
        "/assessments/match/results/",
    ],
)
def test_list_pages_answer_any_query_string(alice_client, some_data, path):
    @fuzz
    @given(params=query_strings)
    def check(params):
        # The careers list sends a query with invalid values to its canonical
        # address, which must answer.
        response = alice_client.get(path, params, follow=True)
        assert response.status_code == 200, params
        assert len(response.redirect_chain) <= 1, params

    check()


form_posts = st.dictionaries(st.sampled_from(FORM_FIELDS), odd_text, max_size=10)


def test_the_application_form_answers_any_post(alice_client, some_data):
    @fuzz
    @given(data=form_posts)
    def check(data):
        response = alice_client.post("/tracker/new/", data)
        assert response.status_code in (200, 302), data

    check()


offer_posts = st.dictionaries(st.sampled_from(OFFER_FIELDS), odd_text, max_size=9)


def test_the_offer_form_answers_any_post(alice_client, alice):
    application = application_create(
        owner=alice, company="Acme", role_title="Clerk", status="offer"
    )

    @fuzz
    @given(data=offer_posts)
    def check(data):
        response = alice_client.post(f"/tracker/{application.pk}/offers/new/", data)
        assert response.status_code in (200, 302), data
        # (An empty post is read as opening the form: browsers always send the
        # CSRF token.)
        if response.status_code == 200 and data:
            assert response.context["form"].errors, data

    check()
    # Whatever was saved is a whole, valid offer.
    for offer in Offer.objects.all():
        offer.full_clean()


@pytest.mark.parametrize("field", ["career", "documents_sent"])
@pytest.mark.parametrize("huge", ["9223372036854775808", "-99999999999999999999"])
def test_an_id_too_large_for_the_database_is_a_field_error(
    alice_client, some_data, field, huge
):
    data = {"company": "Acme", "role_title": "Clerk", "status": "saved", field: huge}

    response = alice_client.post("/tracker/new/", data)

    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert 'value="Acme"' in response.content.decode()
