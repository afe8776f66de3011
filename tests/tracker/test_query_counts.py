"""The list, board and detail pages cost the same number of queries whether a
person tracks 5 applications or 500."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from careers.models import Career
from careers.search import forget_title_index, search_titles
from tests.factories import (
    DocumentFactory,
    generated_career_for,
    occupation_from_pack,
)
from tracker.models import (
    Application,
    Contact,
    Document,
    Interview,
    Note,
    Offer,
    Status,
    StatusChange,
    TrackerProfile,
)
from tracker.services import application_create
from tracker.views.board import CARDS_PER_COLUMN

pytestmark = pytest.mark.django_db

STATUSES = list(Status)
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture
def career(db):
    return Career.objects.create(
        title="UX designer", slug="ux", summary="x", status=Career.Status.PUBLISHED
    )


@pytest.fixture
def fresh_title_index():
    forget_title_index()
    yield
    forget_title_index()


def many_applications(owner, count, career):
    applications = Application.objects.bulk_create(
        Application(
            owner=owner,
            company=f"Company {n}",
            role_title=f"Role {n}",
            career=career if n % 2 else None,
            status=STATUSES[n % len(STATUSES)],
            follow_up_on=START.date() + timedelta(days=n % 20),
            priority=1 + n % 3,
        )
        for n in range(count)
    )
    StatusChange.objects.bulk_create(
        StatusChange(application=application, to_status=application.status)
        for application in applications
    )
    return applications


def one_application_with_parts(owner, count, career):
    application = many_applications(owner, 1, career)[0]
    application.career = career
    application.save()
    StatusChange.objects.bulk_create(
        StatusChange(
            application=application,
            from_status=STATUSES[n % 2],
            to_status=STATUSES[1 - n % 2],
            changed_at=START + timedelta(hours=n),
        )
        for n in range(count)
    )
    Interview.objects.bulk_create(
        Interview(application=application, kind="interview", starts_at=START)
        for _ in range(count)
    )
    Contact.objects.bulk_create(
        Contact(application=application, name=f"Person {n}", email=f"p{n}@x.example")
        for n in range(count)
    )
    Note.objects.bulk_create(
        Note(application=application, body=f"Note {n}") for n in range(count)
    )
    application.documents_sent.set(
        [DocumentFactory(owner=owner) for _ in range(min(count, 5))]
    )
    Offer.objects.bulk_create(
        Offer(application=application, base_pay=40_000 + n, currency="USD")
        for n in range(count)
    )
    return application


@pytest.mark.parametrize("count", [5, 500])
def test_list_queries_are_flat(
    alice_client, alice, career, count, django_assert_num_queries
):
    many_applications(alice, count, career)
    TrackerProfile.objects.create(user=alice)
    # Expect 5 queries: the session, the user, the tracker profile (gone-quiet
    # days), the page count, and one page of applications.
    with django_assert_num_queries(5):
        response = alice_client.get("/tracker/?sort=company&status=")
    assert response.status_code == 200
    assert len(response.context["rows"]) == min(count, 25)


@pytest.mark.parametrize("count", [5, 500])
def test_board_queries_are_flat(
    alice_client, alice, career, count, django_assert_num_queries
):
    many_applications(alice, count, career)
    # Expect 5 queries: the session, the user, the count per status, the tracker
    # profile, and the first cards of every column (one query, a subquery per
    # column). Nothing the cards draw is loaded afterwards.
    with django_assert_num_queries(5):
        response = alice_client.get("/tracker/board/")
    columns = response.context["columns"]
    assert sum(column.count for column in columns) == count
    assert sum(len(c.cards) for c in columns) == min(count, 8 * CARDS_PER_COLUMN)


@pytest.mark.parametrize("count", [5, 500])
def test_board_with_a_whole_column_queries_are_flat(
    alice_client, alice, career, count, django_assert_num_queries
):
    many_applications(alice, count, career)
    # Expect 5 queries, as above: the whole column is one more subquery.
    with django_assert_num_queries(5):
        response = alice_client.get("/tracker/board/?all=saved")
    columns = {column.status: column for column in response.context["columns"]}
    assert len(columns["saved"].cards) == columns["saved"].count
    assert len(columns["applied"].cards) == min(columns["applied"].count, 20)


@pytest.mark.parametrize("count", [5, 500])
def test_board_move_with_htmx_queries_are_flat(
    alice_client, alice, career, count, django_assert_num_queries
):
    application = many_applications(alice, count, career)[0]
    # Expect 11 queries: the session, the user, the application (with its
    # career); the status change in a savepoint (savepoint, the row re-read
    # under lock, the history insert, the application update, release); then
    # the board fragment: the count per status, the tracker profile and the
    # first cards of every column.
    with django_assert_num_queries(11):
        response = alice_client.post(
            f"/tracker/board/{application.pk}/move/",
            {"status": "offer"},
            headers={"HX-Request": "true"},
        )
    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 500])
def test_detail_queries_are_flat(
    alice_client, alice, career, count, django_assert_num_queries
):
    many_applications(alice, count, career)
    application = one_application_with_parts(alice, count, career)
    # Expect 11 queries: the session, the user, the application joined to its
    # career, then one each for its status changes, interviews, contacts,
    # notes, documents sent and offers, the tracker profile, and whether its
    # guide has a published Skills Gap Analysis.
    with django_assert_num_queries(11):
        response = alice_client.get(f"/tracker/{application.pk}/")
    assert response.status_code == 200
    assert response.content.decode().count('class="item" id="note-') == count


@pytest.mark.parametrize("count", [5, 500])
def test_detail_with_a_suggested_guide_queries_are_flat(
    alice_client, alice, career, count, django_assert_num_queries, fresh_title_index
):
    suggested = generated_career_for(occupation_from_pack("43-4051.00"))
    many_applications(alice, count, career)
    application = one_application_with_parts(alice, count, career)
    Application.objects.filter(pk=application.pk).update(
        career=None, role_title="call center representative"
    )
    search_titles("anything")  # build this process's title index first
    # Expect 10 queries: those above but the Skills Gap Analysis (no guide is
    # linked). The suggestion costs none: the built title index is in memory
    # and asks only the cache whether the content changed.
    with django_assert_num_queries(10):
        response = alice_client.get(f"/tracker/{application.pk}/")
    assert response.context["suggestion"].career == suggested
    assert response.content.decode().count('class="item" id="note-') == count


@pytest.mark.parametrize("count", [5, 500])
def test_follow_ups_queries_are_flat(
    alice_client, alice, career, count, django_assert_num_queries
):
    applications = many_applications(alice, count, career)
    Application.objects.filter(pk__in=[a.pk for a in applications]).update(
        status=Status.OFFER
    )
    Offer.objects.bulk_create(
        Offer(
            application=application,
            base_pay=50_000,
            answer_by=timezone.localdate() + timedelta(days=1),
        )
        for application in applications
    )
    # Expect 6 queries: the session, the user, the tracker profile, the offers
    # to answer this week (with their applications), the follow-ups due this
    # week, and the applications gone quiet.
    with django_assert_num_queries(6):
        response = alice_client.get("/tracker/follow-ups/")
    assert response.status_code == 200
    assert response.content.decode().count('id="answer-') == count


@pytest.mark.parametrize("count", [2, 10])
def test_offer_compare_queries_are_flat(
    alice_client, alice, count, django_assert_num_queries
):
    guide = generated_career_for(occupation_from_pack("43-4051.00"))
    for n in range(count):
        application = application_create(
            owner=alice,
            company=f"Company {n}",
            role_title="Support",
            status=Status.OFFER,
            career=guide if n % 2 else None,
        )
        Offer.objects.create(
            application=application, base_pay=45_000, currency="USD", state="39"
        )
    # Expect 3 queries: the session, the user, and the live offers joined to
    # their applications, guides and occupations (whose facts hold the figures).
    with django_assert_num_queries(3):
        response = alice_client.get("/tracker/offers/")
    assert response.content.decode().count('<th scope="col" id="offer-') == count


@pytest.mark.parametrize("count", [5, 500])
def test_documents_queries_are_flat(
    alice_client, alice, count, django_assert_num_queries
):
    Document.objects.bulk_create(
        Document(
            owner=alice,
            kind="resume",
            label=f"Resume v{n}",
            file=f"tracker/documents/{alice.pk}/{n}.pdf",
            original_name="cv.pdf",
            content_type="application/pdf",
            size=100,
        )
        for n in range(count)
    )
    # Expect 3 queries: the session, the user and the person's documents.
    with django_assert_num_queries(3):
        response = alice_client.get("/tracker/documents/")
    assert response.content.decode().count("/download/") == count
