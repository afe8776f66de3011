"""The application list, the form to add or edit one, its page and its lifecycle."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from careers.models import Career
from tracker.access import get_application_for_user
from tracker.duplicates import Posting, possible_duplicates
from tracker.forms import (
    ApplicationFilterForm,
    ApplicationForm,
    LinkCareerForm,
    NoteForm,
    PostingForm,
    SnoozeForm,
    StatusForm,
)
from tracker.models import Application
from tracker.postings import read_posting
from tracker.selectors import (
    DEFAULT_SORT,
    SORTS,
    application_list,
    tracker_profile_for,
)
from tracker.services import (
    application_archive,
    application_change_status,
    application_create_once,
    application_delete,
    application_link_career,
    application_restore,
    application_update,
    follow_up_mailto,
)
from tracker.suggestions import skills_gap_url, suggest_career, suggest_match

PAGE_SIZE = 25

# The list's sortable columns: heading and ?sort= key.
COLUMNS = [
    ("Company", "company"),
    ("Role", "role"),
    ("Status", "status"),
    ("Applied", "applied"),
    ("Follow-up", "follow_up"),
    ("Priority", "priority"),
    ("Updated", "updated"),
]


def _columns(sort: str) -> list[dict]:
    """Each column's heading, its aria-sort state and the sort its link asks for."""
    columns = []
    for label, key in COLUMNS:
        if sort == key:
            state, next_sort = "ascending", f"-{key}"
        elif sort == f"-{key}":
            state, next_sort = "descending", key
        else:
            state, next_sort = "", key
        columns.append({"label": label, "aria_sort": state, "sort": next_sort})
    return columns


@login_required
@require_GET
def index(request):
    filter_form = ApplicationFilterForm(request.GET)
    filters = filter_form.filters()
    sort = request.GET.get("sort", DEFAULT_SORT)
    if sort not in SORTS:
        sort = DEFAULT_SORT
    profile = tracker_profile_for(user=request.user)
    applications = application_list(
        user=request.user, filters=filters, sort=sort
    ).with_quiet(now=timezone.now(), quiet_after_days=profile.quiet_after_days)
    page = Paginator(applications, PAGE_SIZE).get_page(request.GET.get("page"))
    # Only when nothing matched: tell "no applications yet" from "no matches".
    has_any = bool(page.object_list) or (
        Application.objects.for_user(request.user).exists()
    )
    rows = [(app, app.quiet) for app in page.object_list]
    return render(
        request,
        "tracker/index.html",
        {
            "filter_form": filter_form,
            "filtered": bool(filters),
            "filter_count": len(filters),
            "page": page,
            "rows": rows,
            "columns": _columns(sort),
            "sort": sort,
            "has_any": has_any,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    # ?career=<slug> comes from a guide's "track an application" link.
    career = Career.objects.published().filter(slug=request.GET.get("career", ""))
    initial = {"career": career.first()} if "career" in request.GET else {}
    # The paste box's form sends the posting; the application form never does.
    if request.method == "POST" and "posting" in request.POST:
        return _read_posting(request, initial)
    form = ApplicationForm(request.POST or None, user=request.user, initial=initial)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "save_anyway" not in request.POST:
            duplicates = possible_duplicates(
                owner=request.user,
                posting=Posting(
                    company=data["company"],
                    role_title=data["role_title"],
                    posting_url=data["posting_url"],
                    career_id=data["career"].pk if data["career"] else None,
                ),
                client_token=data.get("client_token"),
            )
        if not duplicates:
            application, created = application_create_once(owner=request.user, **data)
            if created:
                messages.success(request, f"Added {application}.")
            return redirect(application)
    return _add_page(request, form, duplicates=duplicates)


def _read_posting(request, initial: dict):
    """Fill the add form from a pasted posting, for review: nothing is saved."""
    posting_form = PostingForm(request.POST)
    if posting_form.is_valid():
        read = read_posting(posting_form.cleaned_data["posting"])
        if read.nothing_found:
            posting_form.add_error(
                "posting",
                "We found no job title, company, pay or place in this. Check that "
                "you copied the whole posting, or fill in the form yourself.",
            )
        else:
            # A guide chosen on the way in (?career=) wins over a suggestion.
            suggested = None
            if not initial.get("career"):
                suggested = suggest_career(read.values.get("role_title", ""))
            career = initial.get("career") or suggested
            form = ApplicationForm(
                user=request.user,
                initial={**initial, **read.values, "career": career},
            )
            form.mark_found(read.found, suggested=suggested)
            return _add_page(request, form, read=read)
    form = ApplicationForm(user=request.user, initial=initial)
    return _add_page(request, form, posting_form=posting_form)


def _add_page(request, form, *, posting_form=None, read=None, duplicates=()):
    labels = {name: form.fields[name].label for name in form.fields}
    return render(
        request,
        "tracker/application_form.html",
        {
            "form": form,
            "title": "Add an application",
            "posting_form": posting_form or PostingForm(),
            "found": [labels[name] for name in read.found] if read else [],
            "read": read,
            "duplicates": duplicates,
        },
    )


@login_required
@require_GET
def detail(request, pk):
    profile = tracker_profile_for(user=request.user)
    application = get_application_for_user(
        request.user,
        pk,
        related=[
            "status_changes",
            "interviews",
            "contacts",
            "note_entries",
            "documents_sent",
            "offers",
        ],
        queryset=Application.objects.with_quiet(
            now=timezone.now(), quiet_after_days=profile.quiet_after_days
        ),
    )
    # Searched in memory: the title index asks the database nothing.
    suggestion = (
        None if application.career_id else suggest_match(application.role_title)
    )
    return render(
        request,
        "tracker/detail.html",
        {
            "application": application,
            "status_form": StatusForm(initial={"status": application.status}),
            "note_form": NoteForm(),
            "snooze_form": SnoozeForm(initial={"days": 3}),
            "is_quiet": application.quiet,
            "quiet_after_days": profile.quiet_after_days,
            "mailto": follow_up_mailto(application=application),
            "skills_gap_url": skills_gap_url(application.career),
            "suggestion": suggestion,
            "link_career_form": LinkCareerForm(
                initial={"career": suggestion.career if suggestion else None}
            ),
        },
    )


@login_required
@require_POST
def link_career(request, pk):
    """Confirm the suggested guide: link it to an application that has none."""
    application = get_application_for_user(request.user, pk)
    form = LinkCareerForm(request.POST)
    if not form.is_valid():
        messages.error(request, "That guide is no longer published.")
        return redirect(application)
    career = form.cleaned_data["career"]
    application_link_career(application=application, career=career)
    if application.career_id == career.pk:
        messages.success(request, f"Linked the guide {career.title}.")
    else:
        messages.warning(
            request,
            f"This application is already linked to {application.career.title}. "
            "Edit it to choose another guide.",
        )
    return redirect(application)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    application = get_application_for_user(request.user, pk)
    form = ApplicationForm(
        request.POST or None, instance=application, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        application_update(application=application, **form.cleaned_data)
        messages.success(request, f"Saved {application}.")
        return redirect(application)
    return render(
        request,
        "tracker/application_form.html",
        {"form": form, "application": application, "title": f"Edit {application}"},
    )


@login_required
@require_POST
def change_status(request, pk):
    application = get_application_for_user(request.user, pk)
    form = StatusForm(request.POST)
    if form.is_valid():
        change = application_change_status(
            application=application, status=form.cleaned_data["status"]
        )
        if change:
            messages.success(request, f"Moved to {application.get_status_display()}.")
    else:
        messages.error(request, "Choose one of the listed statuses.")
    return redirect(application)


@login_required
@require_POST
def archive(request, pk):
    application = get_application_for_user(request.user, pk)
    application_archive(application=application)
    messages.success(
        request, f"Archived {application}. It stays in your history and stats."
    )
    return redirect(application)


@login_required
@require_POST
def restore(request, pk):
    application = get_application_for_user(request.user, pk)
    application_restore(application=application)
    messages.success(request, f"Restored {application}.")
    return redirect(application)


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, pk):
    application = get_application_for_user(request.user, pk)
    if request.method == "POST":
        name = str(application)
        application_delete(application=application)
        messages.success(request, f"Deleted {name}.")
        return redirect("tracker:index")
    return render(
        request,
        "tracker/confirm_delete.html",
        {
            "object": application,
            "title": f"Delete {application}?",
            "explanation": "This deletes the application with its status history, "
            "interviews, contacts and notes. It cannot be undone. If you only want "
            "it out of the way, archive it instead.",
            "cancel_url": application.get_absolute_url(),
        },
    )
