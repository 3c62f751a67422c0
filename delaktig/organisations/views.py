from django.http import HttpResponse


def checklist_question_create(request, *args, **kwargs):
    return HttpResponse("")


def checklist_question_edit(request, *args, **kwargs):
    return HttpResponse("")


def checklist_questions(request, *args, **kwargs):
    return HttpResponse("")


def organisation(request, *args, **kwargs):
    return HttpResponse("")


def settings_edit(request, *args, **kwargs):
    return HttpResponse("")
