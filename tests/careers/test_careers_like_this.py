"""The "careers like this" section of a guide."""

import re

from careers.catalogue.similarity import refresh_similar
from careers.models import Career, Occupation
from careers.similar import similar_careers

CSR = "43-4051.00"


def join_clerk_guide(catalogue, clerk_guide) -> Career:
    """The hand-written clerk guide as the guide of 43-4051.00 (no generated one)."""
    catalogue[CSR].delete()
    clerk_guide.occupation = Occupation.objects.get(code=CSR)
    clerk_guide.save()
    refresh_similar()
    return clerk_guide


def test_the_guide_shows_careers_like_this_without_another_query(
    client, catalogue, clerk_guide, django_assert_num_queries
):
    guide = join_clerk_guide(catalogue, clerk_guide)
    closest = catalogue["43-4111.00"]

    # The same 14 as any guide joined to an occupation
    # (tests/careers/test_queries.py): the similar careers come with the
    # guide's own row.
    with django_assert_num_queries(14):
        response = client.get(guide.get_absolute_url())

    html = response.content.decode()
    assert 'id="like-this"' in html
    assert f'<a href="{closest.get_absolute_url()}">{closest.title}</a>' in html
    assert "100% is the same pattern" in html
    like_this = html.split('id="like-this"', 1)[1].split("</section>", 1)[0]
    overlaps = [
        int(percent)
        for percent in re.findall(r"<dt>Skills overlap</dt><dd>(\d+)%</dd>", like_this)
    ]
    assert len(overlaps) == 6
    assert overlaps == sorted(overlaps, reverse=True)
    assert f"?career={guide.slug}&amp;career={closest.slug}" in html


def test_cards_show_pay_in_the_published_unit_and_signed_growth(catalogue):
    csr = Occupation.objects.get(code=CSR)
    card = similar_careers(csr)[0]
    interviewers = catalogue["43-4111.00"].occupation
    assert card.pay == f"${interviewers.median_annual:,} a year"
    assert card.growth.endswith("%")
    assert card.growth[0] in "+\u2212"


def test_a_guide_without_an_occupation_has_no_such_section(client, clerk_guide):
    html = client.get(clerk_guide.get_absolute_url()).content.decode()
    assert 'id="like-this"' not in html
    assert 'href="#like-this"' not in html


def test_a_generated_guide_shows_careers_like_this(client, catalogue):
    refresh_similar()
    guide = catalogue["43-4111.00"]
    closest = similar_careers(Occupation.objects.get(code="43-4111.00"))[0]

    html = client.get(guide.get_absolute_url()).content.decode()

    assert 'id="like-this"' in html
    assert '<a href="#like-this">Careers like this</a>' in html
    assert f'<a href="{closest.url}">{closest.title}</a>' in html
