from django.http import HttpResponse


def handbook(request, *args, **kwargs):
    return HttpResponse("")


def handbook_page(request, *args, **kwargs):
    return HttpResponse("")


def handbook_page_create(request, *args, **kwargs):
    return HttpResponse("")


def handbook_page_edit(request, *args, **kwargs):
    return HttpResponse("")


def principles(request, *args, **kwargs):
    return HttpResponse("")


def principles_create(request, *args, **kwargs):
    return HttpResponse("")


def principles_version(request, *args, **kwargs):
    return HttpResponse("")


def toolbox(request, *args, **kwargs):
    return HttpResponse("")


def toolbox_method(request, *args, **kwargs):
    return HttpResponse("")


def toolbox_method_create(request, *args, **kwargs):
    return HttpResponse("")


def toolbox_method_edit(request, *args, **kwargs):
    return HttpResponse("")
