"""Placeholder: replaced by the real views."""

from django.http import HttpResponse


class ProposalFeed:
    def __call__(self, request, *args, **kwargs):
        return HttpResponse("")


def proposal_comment(request, *args, **kwargs):
    return HttpResponse("")


def proposal_detail(request, *args, **kwargs):
    return HttpResponse("")


def proposal_list(request, *args, **kwargs):
    return HttpResponse("")


def proposal_preview(request, *args, **kwargs):
    return HttpResponse("")


def proposal_submitted(request, *args, **kwargs):
    return HttpResponse("")


def proposal_withdraw(request, *args, **kwargs):
    return HttpResponse("")


def proposal_write(request, *args, **kwargs):
    return HttpResponse("")
