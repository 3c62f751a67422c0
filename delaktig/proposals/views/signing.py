"""Placeholder: replaced by the real views."""

from django.http import HttpResponse


def confirm(request, *args, **kwargs):
    return HttpResponse("")


def count_json(request, *args, **kwargs):
    return HttpResponse("")


def invalidate(request, *args, **kwargs):
    return HttpResponse("")


def paper_signatures(request, *args, **kwargs):
    return HttpResponse("")


def sign(request, *args, **kwargs):
    return HttpResponse("")


def sign_done(request, *args, **kwargs):
    return HttpResponse("")
