from django.http import HttpResponse


def dialogue_detail(request, *args, **kwargs):
    return HttpResponse("")


def dialogue_easy_read(request, *args, **kwargs):
    return HttpResponse("")


def dialogue_follow(request, *args, **kwargs):
    return HttpResponse("")


def dialogue_list(request, *args, **kwargs):
    return HttpResponse("")


def dialogue_redirect(request, *args, **kwargs):
    return HttpResponse("")
