"""My data, both ways: the zip download, and bringing a data file back
(upload → preview → import all of it, or nothing)."""

import uuid

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from accounts import data_files
from accounts.data_files import ImportFileError
from accounts.models import DataImport
from accounts.services import (
    AlreadyImported,
    user_export_data,
    user_export_files,
    user_import_check,
    user_import_data,
)
from core.dataimport import ImportAborted
from core.forms import posted_uuid
from core.middleware import request_size_limit

# The upload waiting for confirmation: its id, its name and where it is kept
# (data_files.pending_save). The file is read and checked again on confirm.
SESSION_KEY = "account_import"
JSON_MB = data_files.MAX_JSON_BYTES // data_files.MEGABYTE
ZIP_MB = data_files.MAX_ZIP_BYTES // data_files.MEGABYTE


class DataImportForm(forms.Form):
    file = forms.FileField(
        label="Your data file",
        help_text=(
            f"The JSON file from “Download my data” (up to {JSON_MB} MB), or "
            f"the zip with your documents (up to {ZIP_MB} MB)."
        ),
        error_messages={
            "required": "Choose your data file to upload.",
            "empty": "The file is empty.",
        },
        widget=forms.ClearableFileInput(
            attrs={"accept": ".json,.zip,application/json,application/zip"}
        ),
    )


@never_cache
@login_required
@require_GET
def export_zip(request):
    """Download everything as a zip: the JSON file and the documents' files."""
    spool = data_files.export_zip(
        user_export_data(user=request.user), user_export_files(user=request.user)
    )
    return FileResponse(
        spool,
        as_attachment=True,
        filename=f"foothold-data-{timezone.localdate():%Y-%m-%d}.zip",
        content_type="application/zip",
    )


def _page(request, *, form=None, pending=None, preview=None, problem="", status=200):
    return render(
        request,
        "accounts/import_data.html",
        {
            "form": form or DataImportForm(),
            "pending": pending,
            "preview": preview,
            "problem": problem,
        },
        status=status,
    )


def _read_pending(request):
    """The upload waiting for confirmation, read and checked again:
    (pending, bundle, preview), or Nones when there is none or it is unreadable."""
    pending = request.session.get(SESSION_KEY)
    if not isinstance(pending, dict):
        return None, None, None
    handle = data_files.pending_open(user=request.user, name=pending.get("stored"))
    if handle is None:
        request.session.pop(SESSION_KEY, None)
        return None, None, None
    try:
        with handle:
            upload = _Kept(handle)
            bundle = data_files.read_upload(upload)
        preview = user_import_check(user=request.user, bundle=bundle)
    except ImportFileError:
        _discard(request)
        return None, None, None
    return pending, bundle, preview


class _Kept:
    """A kept file with the size and name read_upload expects of an upload."""

    def __init__(self, handle):
        self._handle = handle
        self.size = handle.size
        self.name = handle.name

    def __getattr__(self, name):
        return getattr(self._handle, name)


def _discard(request) -> None:
    pending = request.session.pop(SESSION_KEY, None)
    if isinstance(pending, dict):
        data_files.pending_discard(name=pending.get("stored", ""))


@request_size_limit(data_files.MAX_IMPORT_REQUEST_BYTES)
@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def import_data(request):
    """Bring a data file back: upload, see what it adds, then add it all or nothing."""
    if request.method == "GET":
        pending, _, preview = _read_pending(request)
        return _page(request, pending=pending, preview=preview)
    action = request.POST.get("action", "upload")
    if action == "cancel":
        _discard(request)
        messages.info(request, "Nothing was imported.")
        return redirect("accounts:import")
    if action == "confirm":
        return _confirm(request)
    form = DataImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form=form, status=400)
    upload = form.cleaned_data["file"]
    try:
        bundle = data_files.read_upload(upload)
        user_import_check(user=request.user, bundle=bundle)
    except ImportFileError as error:
        form.add_error("file", str(error))
        return _page(request, form=form, status=400)
    _discard(request)
    request.session[SESSION_KEY] = {
        "id": str(uuid.uuid4()),
        "name": upload.name[:200],
        "stored": data_files.pending_save(user=request.user, upload=upload),
    }
    return redirect("accounts:import")


def _already_imported(request):
    _discard(request)
    messages.info(request, "That file is already imported; nothing was added twice.")
    return redirect("accounts:profile")


def _confirm(request):
    submission_id = posted_uuid(request, "upload")
    if (
        submission_id
        and DataImport.objects.filter(
            owner=request.user, submission_id=submission_id
        ).exists()
    ):
        return _already_imported(request)
    pending, bundle, preview = _read_pending(request)
    if pending is None or request.POST.get("upload") != pending.get("id"):
        messages.error(
            request,
            "That preview is out of date, so nothing was imported. "
            "Upload your data file again below.",
        )
        return redirect("accounts:import")
    if not preview.is_valid:
        return _page(
            request,
            pending=pending,
            preview=preview,
            problem="Nothing was imported: fix the items listed below.",
            status=400,
        )
    try:
        done = user_import_data(
            user=request.user,
            bundle=bundle,
            submission_id=submission_id,
            file_name=pending.get("name", ""),
        )
    except AlreadyImported:
        return _already_imported(request)
    except (ImportFileError, ImportAborted, DatabaseError):
        return _page(
            request,
            pending=pending,
            preview=preview,
            problem="Nothing was imported: an item could not be saved. Check "
            "the file and try again.",
            status=400,
        )
    _discard(request)
    messages.success(
        request,
        f"Imported {done.total} item{'s' if done.total != 1 else ''} into "
        "your account.",
    )
    return redirect("accounts:profile")
