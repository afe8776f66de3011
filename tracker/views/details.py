"""Interviews, contacts and notes: the parts of one application, added and
edited on their own small pages (the detail page embeds the add forms)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from tracker.access import (
    get_application_for_user,
    get_contact_for_user,
    get_interview_for_user,
    get_note_for_user,
)
from tracker.forms import ContactForm, InterviewForm, NoteForm


def _create(request, pk, *, form_class, noun):
    application = get_application_for_user(request.user, pk)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        part = form.save(commit=False)
        part.application = application
        part.save()
        messages.success(request, f"Added the {noun}.")
        return redirect(part)
    return render(
        request,
        "tracker/part_form.html",
        {
            "form": form,
            "application": application,
            "title": f"Add {'an' if noun[0] in 'aeiou' else 'a'} {noun}",
        },
    )


def _edit(request, part, *, form_class, noun):
    form = form_class(request.POST or None, instance=part)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, f"Saved the {noun}.")
        return redirect(part)
    return render(
        request,
        "tracker/part_form.html",
        {
            "form": form,
            "application": part.application,
            "part": part,
            "title": f"Edit the {noun}",
        },
    )


def _delete(request, part, *, noun):
    application = part.application
    if request.method == "POST":
        part.delete()
        messages.success(request, f"Deleted the {noun}.")
        return redirect(application)
    return render(
        request,
        "tracker/confirm_delete.html",
        {
            "object": part,
            "title": f"Delete this {noun}?",
            "explanation": f"{str(part).capitalize()}, on {application}. "
            "This cannot be undone.",
            "cancel_url": part.get_absolute_url(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def interview_create(request, pk):
    return _create(request, pk, form_class=InterviewForm, noun="interview")


@login_required
@require_http_methods(["GET", "POST"])
def interview_edit(request, pk):
    interview = get_interview_for_user(request.user, pk)
    return _edit(request, interview, form_class=InterviewForm, noun="interview")


@login_required
@require_http_methods(["GET", "POST"])
def interview_delete(request, pk):
    return _delete(request, get_interview_for_user(request.user, pk), noun="interview")


@login_required
@require_http_methods(["GET", "POST"])
def contact_create(request, pk):
    return _create(request, pk, form_class=ContactForm, noun="contact")


@login_required
@require_http_methods(["GET", "POST"])
def contact_edit(request, pk):
    contact = get_contact_for_user(request.user, pk)
    return _edit(request, contact, form_class=ContactForm, noun="contact")


@login_required
@require_http_methods(["GET", "POST"])
def contact_delete(request, pk):
    return _delete(request, get_contact_for_user(request.user, pk), noun="contact")


@login_required
@require_http_methods(["GET", "POST"])
def note_create(request, pk):
    return _create(request, pk, form_class=NoteForm, noun="note")


@login_required
@require_http_methods(["GET", "POST"])
def note_edit(request, pk):
    note = get_note_for_user(request.user, pk)
    return _edit(request, note, form_class=NoteForm, noun="note")


@login_required
@require_http_methods(["GET", "POST"])
def note_delete(request, pk):
    return _delete(request, get_note_for_user(request.user, pk), noun="note")
