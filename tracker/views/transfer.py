"""CSV in and out: the applications export, the history log and the import."""

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from core.forms import posted_uuid
from tracker.exports import export_applications, export_history
from tracker.fields import CSV_COLUMNS
from tracker.imports import (
    MAX_ROWS,
    MAX_UPLOAD_BYTES,
    AlreadyImported,
    ImportFileError,
    import_applications,
    mark_already_tracked,
    parse_import,
    read_upload,
)
from tracker.models import CsvImport

# The upload waiting for confirmation: its text, re-read when the person confirms,
# so what is imported is exactly what the preview showed.
SESSION_KEY = "tracker_import"


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="Up to 1 MB and 2,000 rows.",
        error_messages={
            "required": "Choose a CSV file to upload.",
            "empty": "The file is empty.",
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


def _csv_response(lines, *, name: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="{name}-{day}.csv"'
    return response


@never_cache
@login_required
@require_safe
def export_csv(request):
    return _csv_response(
        export_applications(request.user), name="foothold-applications"
    )


@never_cache
@login_required
@require_safe
def history_csv(request):
    return _csv_response(export_history(request.user), name="foothold-history")


def _page(request, *, form=None, pending=None, parsed=None, status=200):
    return render(
        request,
        "tracker/import.html",
        {
            "form": form or ImportForm(),
            "pending": pending,
            "parsed": parsed,
            "columns": [heading for heading, _ in CSV_COLUMNS],
            "max_rows": MAX_ROWS,
            "max_megabytes": MAX_UPLOAD_BYTES // (1024 * 1024),
        },
        status=status,
    )


def _pending(request):
    """The upload waiting for confirmation, read again, or (None, None)."""
    pending = request.session.get(SESSION_KEY)
    if not pending:
        return None, None
    try:
        parsed = parse_import(pending["text"])
    except (ImportFileError, KeyError, TypeError):
        request.session.pop(SESSION_KEY, None)
        return None, None
    mark_already_tracked(parsed, user=request.user)
    return pending, parsed


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def import_page(request):
    """Upload → preview with every row's errors → import all, or nothing."""
    if request.method == "GET":
        pending, parsed = _pending(request)
        return _page(request, pending=pending, parsed=parsed)

    action = request.POST.get("action", "upload")
    if action == "cancel":
        request.session.pop(SESSION_KEY, None)
        messages.info(request, "Nothing was imported.")
        return redirect("tracker:import")
    if action == "confirm":
        return _confirm(request)

    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form=form, status=400)
    upload = form.cleaned_data["file"]
    try:
        text = read_upload(upload)
        parse_import(text)
    except ImportFileError as error:
        form.add_error("file", str(error))
        return _page(request, form=form, status=400)
    request.session[SESSION_KEY] = {
        "id": str(uuid.uuid4()),
        "name": upload.name[:200],
        "text": text,
    }
    return redirect("tracker:import")


def _already_imported(request):
    request.session.pop(SESSION_KEY, None)
    messages.info(request, "That file is already imported; nothing was added twice.")
    return redirect("tracker:index")


def _confirm(request):
    submission_id = posted_uuid(request, "upload")
    if (
        submission_id
        and CsvImport.objects.for_user(request.user)
        .filter(submission_id=submission_id)
        .exists()
    ):
        return _already_imported(request)
    pending, parsed = _pending(request)
    if pending is None or request.POST.get("upload") != pending["id"]:
        messages.error(
            request,
            "That preview is out of date, so nothing was imported. "
            "Check the file below and import it from here.",
        )
        return redirect("tracker:import")
    if not parsed.is_valid:
        messages.error(request, "Nothing was imported: fix the rows listed below.")
        return _page(request, pending=pending, parsed=parsed, status=400)
    try:
        imported = import_applications(
            owner=request.user,
            parsed=parsed,
            submission_id=submission_id,
            file_name=pending["name"],
        )
    except AlreadyImported:
        return _already_imported(request)
    except (ValidationError, DatabaseError):
        messages.error(
            request,
            "Nothing was imported: a row could not be saved. Check the file "
            "and try again.",
        )
        return _page(request, pending=pending, parsed=parsed, status=400)
    request.session.pop(SESSION_KEY, None)
    count = len(imported)
    messages.success(
        request, f"Imported {count} application{'s' if count != 1 else ''}."
    )
    return redirect("tracker:index")
