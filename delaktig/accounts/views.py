from django.http import HttpResponse


def confirm_email(request, *args, **kwargs):
    return HttpResponse("")


def delete_account(request, *args, **kwargs):
    return HttpResponse("")


def login_view(request, *args, **kwargs):
    return HttpResponse("")


def logout_view(request, *args, **kwargs):
    return HttpResponse("")


def my_data(request, *args, **kwargs):
    return HttpResponse("")


def my_pages(request, *args, **kwargs):
    return HttpResponse("")


def register(request, *args, **kwargs):
    return HttpResponse("")


def register_done(request, *args, **kwargs):
    return HttpResponse("")


def resend_confirmation(request, *args, **kwargs):
    return HttpResponse("")
