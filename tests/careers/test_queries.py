"""The careers pages cost the same number of queries for 1 guide or 30."""

import pytest

from careers.catalogue.pack import read_pack
from careers.models import FAQ, Career, GuideSection
from core.pagecache import content_version
from tests.factories import (
    CareerFactory,
    CareerIndustryFactory,
    CareerSkillFactory,
    UserFactory,
    generated_career_for,
    occupation_from_pack,
)


def make_guides(count: int, children: int) -> Career:
    """count published guides, the last with `children` rows in each list."""
    careers = [CareerFactory() for _ in range(count)]
    career = careers[-1]
    for index in range(children):
        CareerIndustryFactory(career=career, order=index)
        CareerSkillFactory(career=career, order=index)
        career.responsibilities.create(text=f"Task {index}", order=index)
        career.education_options.create(title=f"Option {index}", order=index)
        career.steps.create(title=f"Step {index}", body="Do it.", order=index)
        career.salary_levels.create(title=f"Level {index}", median=30_000 + index)
        career.path_levels.create(
            title=f"Rung {index}", years=f"{index}+ years", description="Work."
        )
        career.pros.create(title=f"Pro {index}")
        career.cons.create(title=f"Con {index}")
        FAQ.objects.create(career=career, question=f"Q{index}?", answer="A.")
        GuideSection.objects.create(
            career=career, heading=f"S{index}", anchor=f"s{index}", body="B."
        )
        career.related_links.create(
            related=careers[index % (count - 1)]
            if count > 1
            else CareerFactory(status=Career.Status.DRAFT)
        )
    return career


def make_catalogue(count: int) -> None:
    """`count` occupations from the pack with generated guides (and their
    industries), and two guides without an occupation."""
    for code in [r["code"] for r in read_pack()["occupations"]][:count]:
        generated_career_for(occupation_from_pack(code))
    CareerIndustryFactory(career=CareerFactory())
    CareerFactory()


@pytest.mark.parametrize("occupations", [2, 40])
def test_careers_index_queries_do_not_grow(
    client, db, django_assert_num_queries, occupations
):
    make_catalogue(occupations)

    # 1 fields with their counts, 1 industries for the filter, 1 the list's
    # count, 1 its page of guides with their occupations and groups.
    with django_assert_num_queries(4):
        response = client.get("/careers/", {"sort": "pay"})
    assert len(response.context["cards"]) == min(occupations + 2, 24)

    # With a filter other than the field: 1 more, the fields' counts under it.
    with django_assert_num_queries(5):
        client.get("/careers/", {"education": "bachelor"})

    # An empty list: no page of guides to fetch, but 1 for each filter's count
    # without it.
    with django_assert_num_queries(5):
        response = client.get("/careers/", {"pay": "150k-plus", "zone": 1})
    assert response.context["cards"] == []


@pytest.mark.parametrize(("guides", "children"), [(1, 1), (30, 12)])
def test_guide_page_queries_do_not_grow(
    client, db, django_assert_num_queries, guides, children
):
    career = make_guides(guides, children)

    # 1 guide, then one query for each of its 12 lists: industries, responsibilities,
    # skills, education options, steps, salary levels, path levels, pros, cons, FAQ,
    # related careers, sections.
    with django_assert_num_queries(13):
        response = client.get(career.get_absolute_url())

    assert response.status_code == 200
    assert response.content.decode().count('class="faq"') == children


@pytest.mark.parametrize(("guides", "children"), [(1, 1), (30, 12)])
def test_a_signed_in_reader_reads_the_guide_body_from_the_cache(
    client, db, django_assert_num_queries, guides, children
):
    career = make_guides(guides, children)
    content_version()  # the site has one, as after any load
    client.force_login(UserFactory())

    # First reader: session, user, the guide, the guide view (an upsert), then
    # the 12 lists of the body it renders.
    with django_assert_num_queries(16):
        client.get(career.get_absolute_url())
    # Every later reader: session, user, the guide view; the body (key facts to
    # the last chapter) comes from the fragment cache and the guide's row from
    # this worker's memory (LOCAL_SECONDS).
    client.force_login(UserFactory())
    with django_assert_num_queries(3):
        client.get(career.get_absolute_url())
    # A reader back within five minutes: no guide view to record either.
    with django_assert_num_queries(2):
        response = client.get(career.get_absolute_url())

    assert response.content.decode().count('class="faq"') == children


def test_a_guide_joined_to_an_occupation_costs_one_query_more(
    client, db, django_assert_num_queries
):
    career = make_guides(1, 3)
    Career.objects.filter(pk=career.pk).update(occupation=occupation_from_pack())

    # As above, with the occupation's columns joined into the guide's own query;
    # its facts (percentiles and the related list), deferred so that generated
    # guides served from the fragment cache never read them, are one query more,
    # and the related guides come from the occupation's list instead of the
    # guide's own links.
    with django_assert_num_queries(14):
        response = client.get(career.get_absolute_url())

    assert "BLS OEWS, May 2025" in response.content.decode()
