"""Placeholder: replaced by the real views."""

from django.http import HttpResponse


def answer_mailing(request, *args, **kwargs):
    return HttpResponse("")


def categories(request, *args, **kwargs):
    return HttpResponse("")


def decision(request, *args, **kwargs):
    return HttpResponse("")


def moderation(request, *args, **kwargs):
    return HttpResponse("")


def proposal_detail(request, *args, **kwargs):
    return HttpResponse("")


def proposal_list(request, *args, **kwargs):
    return HttpResponse("")


def registry_csv(request, *args, **kwargs):
    return HttpResponse("")


def settings_edit(request, *args, **kwargs):
    return HttpResponse("")


def take_step(request, *args, **kwargs):
    return HttpResponse("")


def unfinished_report(request, *args, **kwargs):
    return HttpResponse("")


def unfinished_report_csv(request, *args, **kwargs):
    return HttpResponse("")
