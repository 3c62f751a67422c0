"""Mail sent in the background."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import User
from .tokens import MAX_AGE, confirmation_token_make


@task()
def confirmation_email_send(*, user_id, language="sv"):
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    with translation.override(language):
        link = settings.SITE_URL.rstrip("/") + reverse("accounts:confirm_email", args=[confirmation_token_make(user)])
        context = {"user": user, "link": link, "days": MAX_AGE.days}
        body = render_to_string("accounts/emails/confirm_email.txt", context)
        send_mail(_("Confirm your e-mail address"), body, settings.DEFAULT_FROM_EMAIL, [user.email])


@task()
def account_exists_email_send(*, user_id, language="sv"):
    """Someone tried to create an account with an address that already has one: tell its owner, nobody else."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    with translation.override(language):
        context = {
            "user": user,
            "login_link": settings.SITE_URL.rstrip("/") + reverse("accounts:login"),
            "resend_link": settings.SITE_URL.rstrip("/") + reverse("accounts:resend_confirmation"),
        }
        body = render_to_string("accounts/emails/account_exists.txt", context)
        send_mail(_("You already have an account"), body, settings.DEFAULT_FROM_EMAIL, [user.email])
