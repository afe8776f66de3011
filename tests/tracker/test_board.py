import pytest

from tracker.models import Application
from tracker.services import application_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(alice):
    return application_create(owner=alice, company="Acme", role_title="Designer")


def test_board_has_a_column_per_status_with_counts(alice_client, alice, application):
    application_create(owner=alice, company="Globex", role_title="Dev")
    response = alice_client.get("/tracker/board/")
    columns = {column.status: column.cards for column in response.context["columns"]}
    assert list(columns) == [
        "saved",
        "applied",
        "screening",
        "interviewing",
        "offer",
        "accepted",
        "rejected",
        "withdrawn",
    ]
    assert len(columns["saved"]) == 2
    page = response.content.decode()
    assert '<h2 class="board__heading" id="column-saved">Saved' in page
    assert '2<span class="visually-hidden"> applications</span>' in page
    # A plain form per card: works without JavaScript.
    assert f'<form method="post" action="/tracker/board/{application.pk}/move/"' in page


def test_archived_applications_stay_off_the_board(alice_client, application):
    assert (
        "Your board is empty."
        not in alice_client.get("/tracker/board/").content.decode()
    )
    application.archived = True
    application.save()
    response = alice_client.get("/tracker/board/")
    assert all(not column.cards for column in response.context["columns"])
    assert "Your board is empty." in response.content.decode()


def test_move_without_htmx_redirects_back_to_the_board(alice_client, application):
    response = alice_client.post(
        f"/tracker/board/{application.pk}/move/", {"status": "applied"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/tracker/board/#card-{application.pk}"
    application.refresh_from_db()
    assert application.status == "applied"
    assert list(application.status_changes.values_list("from_status", "to_status")) == [
        ("", "saved"),
        ("saved", "applied"),
    ]
    page = alice_client.get(response["Location"]).content.decode()
    assert "Moved Designer at Acme to Applied." in page


def test_move_with_htmx_answers_with_the_board_fragment(alice_client, application):
    response = alice_client.post(
        f"/tracker/board/{application.pk}/move/",
        {"status": "interviewing"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    fragment = response.content.decode()
    assert fragment.lstrip().startswith('<div id="board" class="board">')
    assert "<html" not in fragment
    assert "site-header" not in fragment
    # The announcement goes out of band into the live region kept on the page.
    assert (
        '<p id="board-status" class="visually-hidden" role="status" '
        'data-hx-swap-oob="true">Moved Designer at Acme to Interviewing.</p>'
    ) in fragment
    assert f'id="card-{application.pk}" data-moved' in fragment
    application.refresh_from_db()
    assert application.status == "interviewing"
    assert application.status_changes.count() == 2


def test_board_page_loads_htmx_from_our_own_static_files(alice_client, application):
    page = alice_client.get("/tracker/board/").content.decode()
    assert '<script src="/static/django_htmx/htmx-2.min.' in page
    assert '<p id="board-status" class="visually-hidden" role="status"></p>' in page
    assert "https://" not in page.split("<main", 1)[1].split("</main>")[0]


@pytest.mark.parametrize("htmx", [False, True])
def test_a_bad_status_moves_nothing_and_says_so(alice_client, application, htmx):
    headers = {"HX-Request": "true"} if htmx else {}
    response = alice_client.post(
        f"/tracker/board/{application.pk}/move/",
        {"status": "hired"},
        headers=headers,
        follow=True,
    )
    assert response.status_code == 200
    assert "Choose one of the listed statuses." in response.content.decode()
    assert Application.objects.get().status == "saved"


def test_a_long_column_shows_its_first_cards_and_links_to_all(alice_client, alice, bob):
    from tracker.models import Application, Priority
    from tracker.views.board import CARDS_PER_COLUMN

    total = CARDS_PER_COLUMN + 3
    Application.objects.bulk_create(
        Application(
            owner=alice,
            company=f"Company {n}",
            role_title="Clerk",
            status="applied",
            priority=Priority.HIGH if n == total - 1 else Priority.NORMAL,
        )
        for n in range(total)
    )
    application_create(owner=alice, company="Initech", role_title="Tester")
    application_create(
        owner=bob, company="Bob's", role_title="Applied", status="applied"
    )

    page = alice_client.get("/tracker/board/")
    everything = alice_client.get("/tracker/board/?all=applied")
    unknown = alice_client.get("/tracker/board/?all=nonsense")

    columns = {column.status: column for column in page.context["columns"]}
    assert columns["applied"].count == total
    assert len(columns["applied"].cards) == CARDS_PER_COLUMN
    # Highest priority first, so the one high-priority card is always drawn.
    assert columns["applied"].cards[0].company == f"Company {total - 1}"
    assert len(columns["saved"].cards) == 1
    text = page.content.decode()
    assert f"Show all {total} applied applications" in text
    assert f'{total}<span class="visually-hidden"> applications</span>' in text
    full = {column.status: column for column in everything.context["columns"]}
    assert len(full["applied"].cards) == total
    assert len(full["saved"].cards) == 1
    assert "Show all" not in everything.content.decode()
    assert unknown.status_code == 200


def test_a_card_escapes_what_was_typed_and_shows_its_tags(alice_client, alice):
    from datetime import date, timedelta

    from django.utils import timezone

    from tracker.models import Application, Priority

    card = Application.objects.create(
        owner=alice,
        company='<b>Smith & "Sons"</b>',
        role_title="<script>alert(1)</script>",
        status="applied",
        priority=Priority.HIGH,
        follow_up_on=date(2030, 3, 7),
        status_changed_at=timezone.now() - timedelta(days=60),
    )
    page = alice_client.get("/tracker/board/").content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Smith &amp; &quot;Sons&quot;&lt;/b&gt;" in page
    assert f'<a class="board-card__title" href="/tracker/{card.pk}/">' in page
    assert '<span class="tag">High priority</span>' in page
    assert '<span class="tag">Follow up 7 Mar</span>' in page
    assert f'action="/tracker/board/{card.pk}/move/"' in page
    assert 'name="csrfmiddlewaretoken" value="' in page
    # The card's own status is the one chosen in its menu.
    assert '<option value="applied" selected>Applied</option>' in page
    assert '<option value="saved">Saved</option>' in page

    card.follow_up_on = None
    card.save()
    Application.objects.filter(pk=card.pk).update(
        status_changed_at=timezone.now() - timedelta(days=60)
    )
    page = alice_client.get("/tracker/board/").content.decode()
    assert '<span class="tag tag--warning">Gone quiet</span>' in page
