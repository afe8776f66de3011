"""The admin is for content and accounts: a superuser walking every admin page
never reads another person's job hunt or assessment answers."""

from datetime import UTC, datetime
from urllib.parse import urlencode

import pytest
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, resolve, reverse

from assessments.models import Question, SkillRatings
from assessments.services import result_create
from assessments.skills_match import skill_names
from careers.models import DataRelease, GuideView
from tests.factories import (
    CareerIndustryFactory,
    CareerSkillFactory,
    ChoiceFactory,
    ContactFactory,
    DocumentFactory,
    InterviewFactory,
    NoteFactory,
    QuestionFactory,
    RecommendationFactory,
    UserFactory,
    occupation_from_pack,
)
from tracker.models import CsvImport
from tracker.services import application_change_status, application_create
from tracker.sharing import calendar_token_regenerate, share_link_create

pytestmark = pytest.mark.django_db

# Admin views that are not pages about anyone's data: signing out would end
# the walk.
NOT_WALKED = {"logout"}


@pytest.fixture
def private(alice) -> dict:
    """Alice's job hunt and assessment answers, each with text found nowhere else."""
    document = DocumentFactory(
        owner=alice, label="Resume for quokka roles", original_name="quokka-cv.pdf"
    )
    application = application_create(
        owner=alice,
        company="Quokkatronic Holdings",
        role_title="Undersea basket weaver",
        posting_url="https://jobs.example.com/quokka-4471",
        location="Tristan da Cunha",
        salary_min=987_654,
        salary_max=987_655,
        salary_currency="XAU",
        job_description="Weave baskets beneath the zanzibarian waves.",
        notes="Application note: marmalade sandwiches at the interview.",
        documents_sent=[document],
    )
    application_change_status(application=application, status="interviewing")
    interview = InterviewFactory(
        application=application,
        starts_at=datetime(2030, 6, 1, 9, 30, tzinfo=UTC),
        location="Room Xylophone-42",
        notes="Interview note: ask about periwinkle benefits.",
    )
    contact = ContactFactory(
        application=application,
        name="Philippa Contactsworth",
        role="Head of wicker",
        email="philippa@quokka.example",
        phone="+44 7700 900321",
        notes="Contact note: prefers carrier pigeons.",
    )
    note = NoteFactory(
        application=application, body="Note entry: they liked my gazpacho recipe."
    )
    calendar_token = calendar_token_regenerate(user=alice)
    share = share_link_create(owner=alice, label="Coach Zebedee Quillfeather")
    csv_import = CsvImport.objects.create(
        owner=alice,
        submission_id="8e2b5f2a-1d1c-4f5e-9a55-3b8c7f0c2d11",
        file_name="my-secret-hunt.csv",
        row_count=3,
    )

    typing = QuestionFactory(
        kind=Question.Kind.NUMBER, min_value=0, max_value=100_000, target_value=9_000
    )
    crm = QuestionFactory(section=typing.section, prompt="Which CRM?")
    chosen = ChoiceFactory(question=crm, label="Every day", points=2)
    ChoiceFactory(question=crm, label="Never", points=0)
    RecommendationFactory(section=typing.section, title="Practise typing")
    CareerSkillFactory(career=typing.section.assessment.career)
    CareerIndustryFactory(career=typing.section.assessment.career)
    result = result_create(
        assessment=typing.section.assessment,
        answers={typing.pk: 73_519, crm.pk: chosen.pk},
        submission_id="5b0f6a3e-8c4d-4e7a-b1f2-6d9e0c3a7b45",
        owner=alice,
    )
    GuideView.objects.create(
        user=alice,
        career=typing.section.assessment.career,
        viewed_at=datetime(2030, 1, 1, tzinfo=UTC),
    )
    texts = [
        "Quokkatronic",
        "basket weaver",
        "quokka-4471",
        "Tristan da Cunha",
        "987654",
        "987,654",
        "987655",
        "XAU",
        "zanzibarian",
        "marmalade",
        "Xylophone-42",
        "periwinkle",
        "Contactsworth",
        "Head of wicker",
        "philippa@quokka.example",
        "900321",
        "carrier pigeons",
        "gazpacho",
        "quokka roles",
        "quokka-cv",
        calendar_token,
        share.token,
        "Zebedee",
        "my-secret-hunt",
        "73519",
        "73,519",
        str(result.public_id),
        str(result.submission_id),
    ]
    rows = [
        application,
        *application.status_changes.all(),
        interview,
        contact,
        note,
        document,
        alice.tracker_profile,
        share,
        csv_import,
        result,
        SkillRatings.objects.create(
            owner=alice, ratings=dict.fromkeys(skill_names(), 4)
        ),
        GuideView.objects.get(user=alice),
    ]
    return {"texts": texts, "rows": rows}


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def _admin_url_names(patterns=None) -> set[str]:
    names = set()
    for pattern in admin.site.get_urls() if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            names |= _admin_url_names(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(pattern.name)
    return names


def _every_admin_url(private_rows) -> list[str]:
    """The admin's pages for every registered model and every row it holds,
    and the addresses private rows would have if their models were registered."""
    urls = [
        reverse("admin:index"),
        reverse("admin:login"),
        reverse("admin:password_change"),
        reverse("admin:password_change_done"),
        reverse("admin:jsi18n"),
    ]
    app_labels = {model._meta.app_label for model in admin.site._registry}
    app_labels |= {row._meta.app_label for row in private_rows}
    urls += [f"/admin/{label}/" for label in sorted(app_labels)]
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        changelist = reverse("admin:{}_{}_changelist".format(*info))
        urls += [
            changelist,
            f"{changelist}?{urlencode({'q': 'quokka'})}",
            f"{changelist}?{urlencode({'q': 'alice'})}",
            reverse("admin:{}_{}_add".format(*info)),
        ]
        content_type = ContentType.objects.get_for_model(model)
        for pk in model._default_manager.values_list("pk", flat=True):
            urls += [
                reverse(f"admin:{info[0]}_{info[1]}_{view}", args=[pk])
                for view in ["change", "history", "delete"]
            ]
            urls.append(reverse("admin:view_on_site", args=[content_type.pk, pk]))
            if isinstance(model_admin, UserAdmin):
                urls.append(reverse("admin:auth_user_password_change", args=[pk]))
        for field in model_admin.autocomplete_fields:
            query = {
                "app_label": info[0],
                "model_name": info[1],
                "field_name": field,
                "term": "",
            }
            urls.append(f"{reverse('admin:autocomplete')}?{urlencode(query)}")
    for row in private_rows:
        base = f"/admin/{row._meta.app_label}/{row._meta.model_name}/"
        urls += [base, f"{base}{row.pk}/change/", f"{base}{row.pk}/delete/"]
    return urls


def test_a_superuser_walking_every_admin_page_reads_nothing_private(
    superuser_client, alice, private
):
    Group.objects.create(name="Editors")  # so a group's pages are walked too
    # The catalogue's rows, so its pages are walked too.
    occupation_from_pack("43-4051.00")
    DataRelease.objects.create(
        source=DataRelease.Source.OEWS,
        name="Occupational Employment and Wage Statistics",
        publisher="U.S. Bureau of Labor Statistics",
        release="May 2025",
        date="2025-05",
    )
    urls = _every_admin_url(private["rows"])
    walked = set()

    pages, statuses = {}, {}
    for url in urls:
        response = superuser_client.get(url)
        assert response.status_code < 500, url
        pages[url], statuses[url] = response.content.decode(), response.status_code
        match = resolve(url.split("?")[0])
        if match.namespace == "admin" and match.url_name:
            walked.add(match.url_name)

    leaks = [
        (url, text)
        for url, page in pages.items()
        for text in private["texts"]
        if text in page
    ]
    assert leaks == []
    # The walk covers every admin view there is, so a new one is walked too.
    assert _admin_url_names() - walked == NOT_WALKED
    # And it read real pages: every registered model's rows opened, Alice's
    # account among them.
    change_pages = [
        reverse(f"admin:{m._meta.app_label}_{m._meta.model_name}_change", args=[pk])
        for m in admin.site._registry
        for pk in m._default_manager.values_list("pk", flat=True)
    ]
    assert all(m._default_manager.exists() for m in admin.site._registry)
    assert [url for url in change_pages if statuses[url] != 200] == []
    alice_page = pages[reverse("admin:accounts_user_change", args=[alice.pk])]
    assert "alice@example.com" in alice_page


def test_deleting_an_account_counts_what_goes_with_it_without_showing_it(
    superuser_client, alice, private
):
    url = reverse("admin:accounts_user_delete", args=[alice.pk])

    page = superuser_client.get(url).content.decode()
    bulk = superuser_client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "delete_selected", "_selected_action": [alice.pk]},
    ).content.decode()

    for shown in [page, bulk]:
        assert "alice@example.com" in shown
        assert "Applications: 1" in shown
        assert "Notes: 1" in shown
        assert not [text for text in private["texts"] if text in shown]
    response = superuser_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not any(
        type(row).objects.filter(pk=row.pk).exists() for row in private["rows"]
    )


@pytest.mark.parametrize(
    "url",
    [
        "/admin/tracker/",
        "/admin/tracker/application/",
        "/admin/tracker/document/",
        "/admin/tracker/trackerprofile/",
        "/admin/assessments/result/",
        "/admin/assessments/skillratings/",
    ],
)
def test_private_models_have_no_admin_pages(superuser_client, url):
    assert superuser_client.get(url).status_code == 404
