"""Share with a coach: revocable, read-only links to the board and the stats.

The shared pages answer GET and HEAD only, carry no forms, and show no contacts,
notes, documents, job descriptions or salaries."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import (
    require_http_methods,
    require_POST,
    require_safe,
)

from tracker.access import get_share_link_for_user
from tracker.models import Application, ShareLink, Status
from tracker.selectors import stats_for
from tracker.sharing import live_share_link, share_link_create, share_link_revoke
from tracker.views.stats import stats_context


class ShareLinkForm(forms.ModelForm):
    class Meta:
        model = ShareLink
        fields = ["label"]


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def index(request):
    form = ShareLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        share_link_create(owner=request.user, label=form.cleaned_data["label"])
        messages.success(request, "Link made: copy it from the list below.")
        return redirect("tracker:share")
    links = [
        (link, request.build_absolute_uri(link.get_absolute_url()))
        for link in ShareLink.objects.for_user(request.user)
    ]
    return render(request, "tracker/share.html", {"form": form, "links": links})


@login_required
@require_POST
def revoke(request, pk):
    link = get_share_link_for_user(request.user, pk)
    share_link_revoke(link=link)
    messages.success(request, f"Revoked “{link}”: that address no longer works.")
    return redirect("tracker:share")


def _shared(request, token, template, context):
    link = live_share_link(token=token)
    if link is None:
        raise Http404("No such link.")
    # Only a name the person gave: the page never shows their email address.
    response = render(
        request,
        template,
        {"link": link, "owner_name": link.owner.name.strip(), **context(link)},
    )
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "private, no-store"
    return response


@require_safe
def shared_board(request, token):
    def context(link):
        # Only the columns' fields are loaded: nothing private reaches the template.
        applications = (
            Application.objects.for_user(link.owner)
            .active()
            .only("company", "role_title", "status", "applied_on", "work_mode")
            .order_by("priority", "-updated_at", "-id")
        )
        columns = {status: (label, []) for status, label in Status.choices}
        for application in applications:
            columns[application.status][1].append(application)
        return {"columns": list(columns.values())}

    return _shared(request, token, "tracker/shared/board.html", context)


@require_safe
def shared_stats(request, token):
    return _shared(
        request,
        token,
        "tracker/shared/stats.html",
        lambda link: stats_context(stats_for(user=link.owner)),
    )
