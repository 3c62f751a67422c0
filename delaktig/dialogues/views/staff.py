from django.http import HttpResponse


def audit_log(request, *args, **kwargs):
    return HttpResponse("")


def cancel(request, *args, **kwargs):
    return HttpResponse("")


def checklist(request, *args, **kwargs):
    return HttpResponse("")


def council_overview(request, *args, **kwargs):
    return HttpResponse("")


def council_overview_csv(request, *args, **kwargs):
    return HttpResponse("")


def dashboard(request, *args, **kwargs):
    return HttpResponse("")


def decision(request, *args, **kwargs):
    return HttpResponse("")


def dialogue_create(request, *args, **kwargs):
    return HttpResponse("")


def dialogue_detail(request, *args, **kwargs):
    return HttpResponse("")


def dialogue_edit(request, *args, **kwargs):
    return HttpResponse("")


def dialogue_list(request, *args, **kwargs):
    return HttpResponse("")


def evaluation(request, *args, **kwargs):
    return HttpResponse("")


def feedback(request, *args, **kwargs):
    return HttpResponse("")


def matter_decision(request, *args, **kwargs):
    return HttpResponse("")


def moderation(request, *args, **kwargs):
    return HttpResponse("")


def module_add(request, *args, **kwargs):
    return HttpResponse("")


def phase_add(request, *args, **kwargs):
    return HttpResponse("")


def plan(request, *args, **kwargs):
    return HttpResponse("")


def results(request, *args, **kwargs):
    return HttpResponse("")


def take_step(request, *args, **kwargs):
    return HttpResponse("")
