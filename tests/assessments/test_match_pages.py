"""Match my skills' pages: rating one group a page, the ranked matches, the
pre-filled skills gap analysis, saved ratings and retakes."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.services import user_delete, user_export_data
from assessments.catalogue import generate_skills_gaps
from assessments.drafts import Draft, RatingsDraft
from assessments.forms import skill_field_name
from assessments.loader import load_assessments
from assessments.match_candidates import forget_match_candidates
from assessments.models import Assessment, SkillRatings
from assessments.skills_match import skill_groups, skill_names
from careers.loader import load_careers
from careers.models import Career
from tests.factories import generated_career_for, occupation_from_pack

pytestmark = pytest.mark.django_db

START = reverse("assessments:match")
RESULTS = reverse("assessments:match_results")
READING, MATHS = "2.A.1.a", "2.A.1.e"


def page_url(number: int) -> str:
    return reverse("assessments:match_take", args=[number])


@pytest.fixture
def guides():
    """Four occupations far apart, each with a generated guide and analysis."""
    made = {
        code: generated_career_for(occupation_from_pack(code))
        for code in ("43-4051.00", "29-1141.00", "15-1211.00", "53-7051.00")
    }
    generate_skills_gaps()
    return made


def rate_all(client, ratings=None, default=3):
    """Rate every skill, page by page, as a person would; return the last response."""
    ratings = ratings or {}
    response = None
    for number, group in enumerate(skill_groups(), start=1):
        data = {
            skill_field_name(skill.id): str(ratings.get(skill.id, default))
            for skill in group.skills
        }
        response = client.post(page_url(number), {**data, "action": "next"})
        assert response.status_code == 302, response.content.decode()[:2000]
    return response


def test_the_start_page_lists_the_seven_groups(client):
    page = client.get(START).content.decode()

    assert "35 skills" in page
    assert "Basic skills: content" in page
    assert "Resource management skills" in page
    assert f'href="{page_url(1)}"' in page


def test_a_page_rates_one_group_with_a_progress_bar(client):
    response = client.get(page_url(1))
    page = response.content.decode()

    assert "Page 1 of 7" in page
    assert '<progress class="progress__bar" max="35" value="0"' in page
    assert "Reading Comprehension" in page
    assert "Critical Thinking" not in page


def test_no_account_needed_to_rate_and_see_the_matches(client, guides):
    response = rate_all(client)

    assert response["Location"] == RESULTS
    page = client.get(RESULTS).content.decode()
    for career in guides.values():
        assert f'href="{career.get_absolute_url()}"' in page
    assert "% fit" in page
    assert "Holding you back" in page
    assert SkillRatings.objects.count() == 0


def test_next_shows_each_missing_rating_at_its_field(client):
    group = skill_groups()[0]
    data = {skill_field_name(skill.id): "4" for skill in group.skills[1:]}

    response = client.post(page_url(1), {**data, "action": "next"})

    assert response.status_code == 200
    assert "Choose a level from 1 to 5." in response.content.decode()
    # What was given is kept.
    assert RatingsDraft(client.session).answered_count() == len(group.skills) - 1


def test_back_keeps_what_is_on_the_page_unchecked(client):
    response = client.post(
        page_url(2), {skill_field_name("2.A.2.a"): "5", "action": "back"}
    )

    assert response["Location"] == page_url(1)
    assert RatingsDraft(client.session).ratings["2.A.2.a"] == "5"


def test_the_draft_keeps_only_known_skills_and_ratings(client):
    client.post(
        page_url(1),
        {
            skill_field_name(READING): "x" * 100_000,
            skill_field_name(MATHS): "4",
            "skill-9.Z.9": "3",
            "unrelated": "y" * 100_000,
            "action": "next",
        },
    )

    draft = RatingsDraft(client.session).ratings
    assert draft[READING] == ""
    assert draft[MATHS] == "4"
    assert set(draft) <= set(skill_names())
    assert len(str(draft)) < 1_000


def test_finishing_with_a_page_left_unrated_goes_back_to_it(client):
    rate_all(client)
    session = client.session
    session[RatingsDraft.KEY][MATHS] = ""
    session.save()
    last = len(skill_groups())
    data = {skill_field_name(s.id): "3" for s in skill_groups()[-1].skills}

    response = client.post(page_url(last), {**data, "action": "next"}, follow=True)

    assert response.redirect_chain[-1][0] == f"{page_url(1)}?check=1"
    assert "still need a rating" in response.content.decode()
    assert "Choose a level from 1 to 5." in response.content.decode()


def test_a_page_beyond_the_last_is_not_found(client):
    assert client.get(page_url(8)).status_code == 404
    assert client.get(page_url(0)).status_code == 404


def test_the_results_wait_for_ratings(client, guides):
    response = client.get(RESULTS, follow=True)

    assert response.redirect_chain == [(START, 302)]
    assert "Rate your skills first" in response.content.decode()


def test_the_best_fit_comes_first(client, guides):
    # Strong on the technical and analytical skills, weak on the rest.
    technical = {skill.id for group in skill_groups()[4:5] for skill in group.skills}
    ratings = {
        skill_id: 5 if skill_id in technical else 2 for skill_id in skill_names()
    }
    ratings |= {"2.A.2.a": 5, "2.B.2.i": 5, "2.A.1.e": 5}
    rate_all(client, ratings)

    page = client.get(RESULTS).content.decode()

    forklift = page.index(guides["53-7051.00"].title)
    nurse = page.index(guides["29-1141.00"].title)
    assert forklift < nurse


def test_filters_narrow_the_matches(client, guides):
    rate_all(client)
    nurse, software = guides["29-1141.00"], guides["15-1211.00"]
    clerk = guides["43-4051.00"]

    page = client.get(RESULTS, {"education": "high-school"}).content.decode()
    assert clerk.title in page
    assert nurse.title not in page
    assert software.title not in page

    page = client.get(RESULTS, {"pay": "100k"}).content.decode()
    assert software.title in page
    assert clerk.title not in page


def test_a_filter_value_nobody_offers_is_shown_at_its_field(client, guides):
    rate_all(client)

    response = client.get(RESULTS, {"pay": "a lot", "education": "x" * 5000})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Select a valid choice" in page
    assert guides["43-4051.00"].title in page


def test_no_match_passes_says_what_to_do(client, guides):
    rate_all(client)

    page = client.get(RESULTS, {"education": "none", "pay": "150k"}).content.decode()

    assert "No career passes these filters" in page


def test_each_match_opens_its_skills_gap_analysis_filled_in(client, guides):
    ratings = {skill_id: 1 + n % 5 for n, skill_id in enumerate(skill_names())}
    rate_all(client, ratings)
    clerk = guides["43-4051.00"]
    analysis = Assessment.objects.get(career=clerk)
    url = reverse("assessments:match_prefill", args=[analysis.slug])
    assert f'action="{url}"' in client.get(RESULTS).content.decode()

    response = client.post(url)

    assert response["Location"] == reverse("assessments:take", args=[analysis.slug, 1])
    draft = Draft(client.session, analysis)
    by_name = {name: skill_id for skill_id, name in skill_names().items()}
    questions = [q for s in analysis.sections.all() for q in s.questions.all()]
    assert questions
    assert draft.answers == {
        str(q.pk): str(ratings[by_name[q.prompt]]) for q in questions
    }
    first = analysis.sections.first().questions.first()
    page = client.get(response["Location"]).content.decode()
    rating = ratings[by_name[first.prompt]]
    checked = (
        f'value="{rating}" class="rating" required '
        f'id="id_q{first.pk}_{rating - 1}" checked'
    )
    assert checked in page


def test_the_hand_written_analysis_is_linked_without_filling_it_in(client):
    load_careers()
    clerk = Career.objects.get(slug="customer-service-clerk")
    clerk.occupation = occupation_from_pack("43-4051.00")
    clerk.save()
    load_assessments()
    hand_written = Assessment.objects.get(career=clerk, kind=Assessment.Kind.SKILLS_GAP)
    assert hand_written.source == Assessment.Source.EDITORIAL
    rate_all(client)

    page = client.get(RESULTS).content.decode()
    assert f'href="{hand_written.get_absolute_url()}"' in page
    assert reverse("assessments:match_prefill", args=[hand_written.slug]) not in page
    # Posting to it anyway opens the analysis as it is.
    response = client.post(
        reverse("assessments:match_prefill", args=[hand_written.slug])
    )
    assert response["Location"] == hand_written.get_absolute_url()
    assert not Draft(client.session, hand_written).exists


def test_prefilling_needs_ratings_and_a_real_analysis(client, guides):
    analysis = Assessment.objects.filter(career=guides["43-4051.00"]).get()
    url = reverse("assessments:match_prefill", args=[analysis.slug])
    assert client.post(url)["Location"] == START

    rate_all(client)
    missing = reverse("assessments:match_prefill", args=["no-such-analysis"])
    assert client.post(missing).status_code == 404
    assert client.get(url).status_code == 405


def test_each_match_links_to_planning_the_change(client, guides):
    rate_all(client)

    page = client.get(RESULTS).content.decode()

    nurse = guides["29-1141.00"]
    assert f'href="{reverse("careers:plan")}?to={nurse.slug}"' in page


def test_signed_in_people_keep_their_ratings(alice_client, alice, guides):
    rate_all(alice_client, {READING: 5})

    saved = SkillRatings.objects.get(owner=alice)
    assert saved.ratings[READING] == 5
    assert saved.ratings[MATHS] == 3
    assert len(saved.ratings) == 35
    assert not RatingsDraft(alice_client.session).exists
    page = alice_client.get(RESULTS).content.decode()
    assert f'href="{saved.get_absolute_url()}"' in page
    assert "What changed" not in page


def test_a_retake_starts_from_the_last_ratings_and_shows_what_changed(
    alice_client, alice, guides
):
    rate_all(alice_client)
    response = alice_client.post(reverse("assessments:match_begin"))
    assert response["Location"] == page_url(1)
    assert RatingsDraft(alice_client.session).ratings[MATHS] == "3"

    rate_all(alice_client, {READING: 5, MATHS: 1})

    first, second = SkillRatings.objects.order_by("pk")
    page = alice_client.get(RESULTS).content.decode()
    assert f"What changed since {first.created_at:%-d %B %Y}" in page
    assert "Reading Comprehension: up from 3 to 5" in page
    assert "Mathematics: down from 3 to 1" in page
    page = alice_client.get(second.get_absolute_url()).content.decode()
    assert "1 skill up, 1 down, 33 the same" in page


def test_ratings_finished_before_signing_in_are_kept(client, alice, guides):
    rate_all(client, {MATHS: 5})

    client.force_login(alice)

    assert SkillRatings.objects.get(owner=alice).ratings[MATHS] == 5
    assert not RatingsDraft(client.session).exists


def test_nobody_else_sees_saved_ratings(client, alice, bob, guides):
    saved = SkillRatings.objects.create(
        owner=alice, ratings=dict.fromkeys(skill_names(), 4)
    )
    url = saved.get_absolute_url()

    assert client.get(url)["Location"].startswith(reverse("accounts:sign_in"))
    client.force_login(bob)
    assert client.get(url).status_code == 404
    # Bob's matches are his own: he has none yet.
    assert client.get(RESULTS)["Location"] == START
    assert 'href="/assessments/match/ratings/' not in client.get(START).content.decode()


def test_saved_ratings_are_exported_and_deleted_with_the_account(alice):
    SkillRatings.objects.create(owner=alice, ratings=dict.fromkeys(skill_names(), 2))

    exported = user_export_data(user=alice)["assessments"]["skill_ratings"]

    assert len(exported) == 1
    assert exported[0]["ratings"]["Reading Comprehension"] == 2
    user_delete(user=alice)
    assert not SkillRatings.objects.exists()


def _queries(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_matches_take_a_fixed_number_of_queries(alice_client):
    client = Client()
    small = {
        code: generated_career_for(occupation_from_pack(code))
        for code in ("43-4051.00", "29-1141.00")
    }
    generate_skills_gaps()
    rate_all(client)
    rate_all(alice_client)
    client.get(RESULTS)  # read the occupations into this process
    few = _queries(client, RESULTS)
    few_signed_in = _queries(alice_client, RESULTS, education="bachelor")

    for code in ("15-1211.00", "53-7051.00", "41-2031.00", "11-1011.00"):
        generated_career_for(occupation_from_pack(code))
    generate_skills_gaps()
    forget_match_candidates()
    # Expect 3 queries, signed out: the session, every guide's occupation
    # (once per process and content version) and the matches' analyses.
    assert _queries(client, RESULTS) == 3
    assert few == 2 == _queries(client, RESULTS)
    # Signed in: the session, the user, their latest two ratings and the
    # matches' analyses.
    assert few_signed_in == 4 == _queries(alice_client, RESULTS, education="bachelor")
    assert len(small) == 2


def test_a_rating_page_takes_one_query(client):
    client.post(page_url(1), {"action": "next"})  # the session's draft begins

    # Expect 1 query: the session. The skills come from the data pack.
    assert _queries(client, page_url(3)) == 1


def test_the_careers_list_and_every_guide_link_to_the_matcher(client, guides):
    load_careers()
    hand_written = Career.objects.get(slug="customer-service-clerk")
    link = f'href="{START}"'

    for url in (
        reverse("careers:index"),
        hand_written.get_absolute_url(),
        guides["29-1141.00"].get_absolute_url(),
    ):
        assert link in client.get(url).content.decode(), url
