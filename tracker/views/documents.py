"""Resumes and cover letters: uploaded, listed and served to their owner only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from tracker.access import get_document_for_user
from tracker.forms import DocumentForm
from tracker.models import Document
from tracker.services import document_create, document_delete


@login_required
@require_http_methods(["GET", "POST"])
def index(request):
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        document = document_create(
            owner=request.user,
            kind=form.cleaned_data["kind"],
            label=form.cleaned_data["label"],
            upload=form.cleaned_data["file"],
            content_type=form.content_type,
        )
        messages.success(request, f"Uploaded {document.label}.")
        return redirect("tracker:documents")
    # The extracted text (up to 200 KB each) is not shown here.
    documents = Document.objects.for_user(request.user).defer("text")
    return render(
        request, "tracker/documents.html", {"form": form, "documents": documents}
    )


@never_cache
@login_required
@require_GET
def download(request, pk):
    """Stream the file to its owner; everyone else gets the same 404."""
    document = get_document_for_user(request.user, pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404("The file is missing.") from error
    return FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete(request, pk):
    document = get_document_for_user(request.user, pk)
    if request.method == "POST":
        document_delete(document=document)
        messages.success(request, f"Deleted {document.label}.")
        return redirect("tracker:documents")
    return render(
        request,
        "tracker/confirm_delete.html",
        {
            "object": document,
            "title": f"Delete {document.label}?",
            "explanation": "This deletes the file. Applications you sent it with "
            "will no longer list it. It cannot be undone.",
            "cancel_url": reverse("tracker:documents"),
        },
    )
