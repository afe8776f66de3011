from django.http import Http404


def index(request):
    raise Http404


def history(request):
    raise Http404


def result(request, public_id):
    raise Http404


def detail(request, slug):
    raise Http404


def start(request, slug):
    raise Http404


def take(request, slug, number):
    raise Http404
