"""Walk the whole URLconf: every address that takes an id, slug or token is
requested with Alice's real object as Bob and as an anonymous visitor.

Every parameterized URL must be in one of the registries below, or
test_every_parameterized_url_is_registered fails: a new URL is swept as soon
as it exists. To add one, write one line, e.g.
    "assessments:result": lambda alice: {"uuid": alice.result.uuid},
and add the object to `AliceData` if it is a new kind.
"""

import io
import zipfile
from dataclasses import dataclass
from functools import cached_property

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from assessments.models import SkillRatings
from assessments.skills_match import skill_names
from tests.factories import (
    AssessmentFactory,
    CareerFactory,
    ChoiceFactory,
    ContactFactory,
    DocumentFactory,
    InterviewFactory,
    NoteFactory,
    OfferFactory,
    QuestionFactory,
    ResultFactory,
    SectionFactory,
)
from tracker.models import Application, Contact, Document, Interview, Note, ShareLink
from tracker.services import application_create
from tracker.sharing import calendar_token_regenerate, share_link_create
from tracker.unsubscribe import unsubscribe_token

pytestmark = pytest.mark.django_db

# Strings only Alice's data contains; none may reach Bob or a stranger.
SECRETS = [
    "Zanzibar Widgets",
    "Chief Llama Officer",
    "Quentin Marbleworth",
    "alice-private-note-7781",
    "Alice CV QX9",
    "Moonbase interview room",
    "Alice's hidden section 5521",
    "alice-offer-benefits-3391",
]


@dataclass
class AliceData:
    """Alice's objects, each made the first time a URL asks for it."""

    user: object

    @cached_property
    def application(self):
        return application_create(
            owner=self.user,
            company="Zanzibar Widgets",
            role_title="Chief Llama Officer",
            status="applied",
            notes="alice-private-note-7781",
        )

    @cached_property
    def interview(self):
        return InterviewFactory(
            application=self.application, location="Moonbase interview room"
        )

    @cached_property
    def contact(self):
        return ContactFactory(application=self.application, name="Quentin Marbleworth")

    @cached_property
    def note(self):
        return NoteFactory(application=self.application, body="alice-private-note-7781")

    @cached_property
    def document(self):
        return DocumentFactory(owner=self.user, label="Alice CV QX9")

    @cached_property
    def assessment(self):
        section = SectionFactory(assessment=AssessmentFactory())
        ChoiceFactory(question=QuestionFactory(section=section), points=1)
        return section.assessment

    @cached_property
    def result(self):
        return ResultFactory(
            owner=self.user,
            overall_score=77,
            section_scores=[
                {
                    "id": 1,
                    "title": "Alice's hidden section 5521",
                    "weight": 1,
                    "score": 77,
                }
            ],
        )

    @cached_property
    def offer(self):
        return OfferFactory(
            application=self.application, benefits="alice-offer-benefits-3391"
        )

    @cached_property
    def skill_ratings(self):
        return SkillRatings.objects.create(
            owner=self.user, ratings=dict.fromkeys(skill_names(), 4)
        )

    @cached_property
    def share_link(self):
        self.application  # noqa: B018  the shared board shows it
        return share_link_create(owner=self.user, label="Coach")

    @cached_property
    def calendar_token(self):
        self.interview  # noqa: B018  the feed lists it
        return calendar_token_regenerate(user=self.user)

    @cached_property
    def unsubscribe_token(self):
        return unsubscribe_token(user=self.user)


# Alice's private objects: Bob gets 404 (or a redirect away), anonymous
# visitors are sent to sign in.
OWNED = {
    "assessments:result": lambda alice: {"public_id": alice.result.public_id},
    "assessments:match_ratings": lambda alice: {"pk": alice.skill_ratings.pk},
    "tracker:detail": lambda alice: {"pk": alice.application.pk},
    "tracker:edit": lambda alice: {"pk": alice.application.pk},
    "tracker:change_status": lambda alice: {"pk": alice.application.pk},
    "tracker:archive": lambda alice: {"pk": alice.application.pk},
    "tracker:restore": lambda alice: {"pk": alice.application.pk},
    "tracker:delete": lambda alice: {"pk": alice.application.pk},
    "tracker:resume_match": lambda alice: {"pk": alice.application.pk},
    "tracker:link_career": lambda alice: {"pk": alice.application.pk},
    "tracker:move": lambda alice: {"pk": alice.application.pk},
    "tracker:follow_up": lambda alice: {"pk": alice.application.pk},
    "tracker:follow_up_done": lambda alice: {"pk": alice.application.pk},
    "tracker:follow_up_snooze": lambda alice: {"pk": alice.application.pk},
    "tracker:interview_new": lambda alice: {"pk": alice.application.pk},
    "tracker:contact_new": lambda alice: {"pk": alice.application.pk},
    "tracker:note_new": lambda alice: {"pk": alice.application.pk},
    "tracker:offer_new": lambda alice: {"pk": alice.application.pk},
    "tracker:offer_edit": lambda alice: {"pk": alice.offer.pk},
    "tracker:offer_delete": lambda alice: {"pk": alice.offer.pk},
    "tracker:interview_edit": lambda alice: {"pk": alice.interview.pk},
    "tracker:interview_delete": lambda alice: {"pk": alice.interview.pk},
    "tracker:contact_edit": lambda alice: {"pk": alice.contact.pk},
    "tracker:contact_delete": lambda alice: {"pk": alice.contact.pk},
    "tracker:note_edit": lambda alice: {"pk": alice.note.pk},
    "tracker:note_delete": lambda alice: {"pk": alice.note.pk},
    "tracker:document_download": lambda alice: {"pk": alice.document.pk},
    "tracker:document_delete": lambda alice: {"pk": alice.document.pk},
    "tracker:share_revoke": lambda alice: {"pk": alice.share_link.pk},
}
# A long random secret is the key: the right one opens the page without
# signing in; any other answers 404.
TOKENS = {
    "tracker:calendar_feed": lambda alice: {"token": alice.calendar_token},
    "tracker:shared_board": lambda alice: {"token": alice.share_link.token},
    "tracker:shared_stats": lambda alice: {"token": alice.share_link.token},
    "tracker:unsubscribe": lambda alice: {"token": alice.unsubscribe_token},
}
# Public pages addressed by a slug (drafts are tested in tests/careers).
PUBLIC = {
    "careers:detail": lambda alice: {"slug": CareerFactory(slug="nurse").slug},
    "assessments:detail": lambda alice: {"slug": alice.assessment.slug},
    "assessments:take": lambda alice: {"slug": alice.assessment.slug, "number": 1},
    "assessments:match_take": lambda alice: {"number": 1},
}
# Public actions that only take a POST (they change the visitor's own session).
PUBLIC_POSTS = {
    "assessments:start": lambda alice: {"slug": alice.assessment.slug},
    "assessments:match_prefill": lambda alice: {"slug": alice.assessment.slug},
}
# Django's password reset link: a wrong link shows "invalid" and no form,
# tested below; the emailed link itself is the key, like a token URL.
RESET_LINKS = {"accounts:password_reset_confirm"}
EXCLUDED_NAMESPACES = {"admin"}  # staff only: see test_admin_needs_staff


def walk(patterns, namespace="", has_params=False):
    """Yield (name, takes_parameters) for every named URL below `patterns`."""
    for entry in patterns:
        takes = has_params or bool(
            getattr(entry.pattern, "converters", None) or entry.pattern.regex.groups
        )
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            if entry.namespace in EXCLUDED_NAMESPACES:
                continue
            yield from walk(entry.url_patterns, inner, takes)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", takes


def parameterized_url_names():
    return {name for name, takes in walk(get_resolver().url_patterns) if takes}


def test_every_parameterized_url_is_registered():
    registered = (
        set(OWNED) | set(TOKENS) | set(PUBLIC) | set(PUBLIC_POSTS) | RESET_LINKS
    )
    found = parameterized_url_names()
    assert found - registered == set(), "add these to a registry in this file"
    assert registered - found == set(), "these URLs no longer exist"


def test_the_walk_finds_known_urls_and_skips_the_admin():
    names = dict(walk(get_resolver().url_patterns))
    assert names["tracker:detail"] is True
    assert names["careers:index"] is False
    assert not any(name.startswith("admin:") for name in names)


def assert_no_secrets(response, context):
    body = b"" if getattr(response, "streaming", False) else response.content
    page = body.decode(errors="replace")
    for secret in SECRETS:
        assert secret not in page, (context, secret)


def sweep(client, url, context):
    """GET and POST `url`; return the responses of the methods the view takes."""
    responses = []
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        if response.status_code == 405:
            continue
        assert_no_secrets(response, (context, method))
        responses.append((method, response))
    assert responses, f"{url} answers neither GET nor POST"
    return responses


@pytest.mark.parametrize("name", sorted(OWNED))
def test_bob_never_gets_alices_objects(client, alice, bob, name):
    url = reverse(name, kwargs=OWNED[name](AliceData(alice)))
    client.force_login(bob)
    for method, response in sweep(client, url, name):
        assert response.status_code in (404, 302), (name, method)
        if response.status_code == 302:
            assert url not in response["Location"], (name, method)
            assert_no_secrets(client.get(response["Location"]), (name, method))


@pytest.mark.parametrize("name", sorted(OWNED))
def test_anonymous_visitors_are_sent_to_sign_in(client, alice, name):
    url = reverse(name, kwargs=OWNED[name](AliceData(alice)))
    for method, response in sweep(client, url, name):
        assert response.status_code in (302, 404), (name, method)
        if response.status_code == 302:
            assert response["Location"].startswith("/accounts/signin/?next="), (
                name,
                method,
            )


def test_adding_or_pasting_alices_job_never_shows_bob_her_application(
    client, alice, bob
):
    """The add page's duplicate warning looks only at the person's own
    applications: Bob adding the same job as Alice is warned of nothing."""
    theirs = AliceData(alice).application
    client.force_login(bob)
    pasted = client.post(
        "/tracker/new/",
        {"posting": "Chief Llama Officer\nZanzibar Widgets, Inc.\nRemote"},
    )
    assert pasted.status_code == 200
    assert theirs.get_absolute_url() not in pasted.content.decode()
    assert_no_secrets_but(pasted, ["Zanzibar Widgets", "Chief Llama Officer"])

    added = client.post(
        "/tracker/new/",
        {
            "company": "ZANZIBAR WIDGETS LLC",
            "role_title": "Senior Chief Llama Officer",
            "status": "saved",
            "priority": "2",
        },
    )

    assert added.status_code == 302
    assert added["Location"] != theirs.get_absolute_url()
    assert Application.objects.filter(owner=bob).count() == 1


def assert_no_secrets_but(response, typed: list[str]):
    """No secret in the page but those Bob typed (or pasted) himself."""
    page = response.content.decode()
    for secret in SECRETS:
        if secret not in typed:
            assert secret not in page, secret


def test_bobs_sweep_changes_nothing_of_alices(client, alice, bob):
    data = AliceData(alice)
    urls = [reverse(name, kwargs=kwargs(data)) for name, kwargs in OWNED.items()]
    guide = CareerFactory(slug="nurse")
    client.force_login(bob)
    for url in urls:
        client.post(
            url, {"status": "rejected", "days": "3", "body": "x", "career": guide.pk}
        )
    application = Application.objects.get()
    assert (application.status, application.archived) == ("applied", False)
    assert application.career is None
    assert Interview.objects.count() == Contact.objects.count() == 1
    assert Note.objects.count() == Document.objects.count() == 1
    assert ShareLink.objects.get().is_live
    assert SkillRatings.objects.get().ratings == dict.fromkeys(skill_names(), 4)


@pytest.mark.parametrize("name", sorted(TOKENS))
def test_token_urls_open_with_the_token_and_404_without(client, alice, bob, name):
    kwargs = TOKENS[name](AliceData(alice))
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 200

    wrong_tokens = [kwargs["token"][:-1] + ("A" if kwargs["token"][-1] != "A" else "B")]
    wrong_tokens += ["x" * len(kwargs["token"]), "0"]
    for who in (None, bob):
        if who:
            client.force_login(who)
        for token in wrong_tokens:
            response = client.get(reverse(name, kwargs={**kwargs, "token": token}))
            assert response.status_code == 404, (name, who, token)
            assert_no_secrets(response, (name, token))


def test_a_wrong_password_reset_link_offers_no_form(client, alice):
    uid = urlsafe_base64_encode(force_bytes(alice.pk))
    right = default_token_generator.make_token(alice)
    for token in ["set-password", right[:-1] + "x", "abc-def"]:
        url = reverse(
            "accounts:password_reset_confirm", kwargs={"uidb64": uid, "token": token}
        )
        response = client.get(url, follow=True)
        assert response.status_code in (200, 404), token
        page = response.content.decode()
        assert "new_password1" not in page, token
        assert alice.email not in page, token


def test_public_slug_pages_need_no_account(client, alice):
    for name, kwargs in PUBLIC.items():
        assert (
            client.get(reverse(name, kwargs=kwargs(AliceData(alice)))).status_code
            == 200
        )
    for name, kwargs in PUBLIC_POSTS.items():
        url = reverse(name, kwargs=kwargs(AliceData(alice)))
        assert client.get(url).status_code == 405
        assert client.post(url).status_code == 302


@pytest.mark.parametrize(
    "url", ["/admin/", "/admin/careers/career/", "/admin/accounts/user/"]
)
def test_admin_needs_staff(client, bob, url):
    for who in (None, bob):
        if who:
            client.force_login(who)
        response = client.get(url)
        assert response.status_code == 302, (url, who)
        assert response["Location"].startswith("/admin/login/?next="), (url, who)


# Pages of the signed-in person's own data that take no id: what they show is
# found from the session's account, so Bob sees only his and a stranger none.
OWN_DATA_PAGES = [
    "/accounts/profile/export.json",
    "/accounts/profile/export.zip",
    "/accounts/profile/import/",
]


def _body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def test_alices_data_file_and_pending_import_never_reach_bob(client, alice, bob):
    data = AliceData(alice)
    data.note, data.contact, data.document, data.result  # noqa: B018
    client.force_login(alice)
    content = _body(client.get("/accounts/profile/export.zip"))
    assert content[:2] == b"PK"
    client.post(
        "/accounts/profile/import/",
        {"action": "upload", "file": SimpleUploadedFile("mine.zip", content)},
    )
    upload_id = client.session["account_import"]["id"]
    assert (
        "Zanzibar Widgets" in client.get("/accounts/profile/import/").content.decode()
    )

    client.force_login(bob)
    for url in OWN_DATA_PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        page = _body(response)
        if url.endswith(".zip"):
            page = zipfile.ZipFile(io.BytesIO(page)).read("foothold-data.json")
        for secret in SECRETS:
            assert secret.encode() not in page, (url, secret)
    response = client.post(
        "/accounts/profile/import/", {"action": "confirm", "upload": upload_id}
    )
    assert response.status_code == 302
    assert_no_secrets(client.get(response["Location"]), "confirm")
    assert Application.objects.filter(owner=bob).count() == 0
    assert Application.objects.count() == 1


@pytest.mark.parametrize("url", OWN_DATA_PAGES)
def test_own_data_pages_send_strangers_to_sign_in(client, url):
    for method in ("get", "post"):
        response = getattr(client, method)(url)
        assert response.status_code in (302, 405), (url, method)
        if response.status_code == 302:
            assert response["Location"].startswith("/accounts/signin/?next=")
