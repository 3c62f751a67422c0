"""Placeholder: replaced by the real view."""

from django.http import HttpResponse


def mailing_detail(request, pk):
    return HttpResponse("")
