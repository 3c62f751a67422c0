"""Mail sent in the background."""

from django.apps import apps
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django_tasks import task

from .links import account_link
from .models import User
from .tokens import (
    EMAIL_CHANGE_MAX_AGE,
    MAX_AGE,
    confirmation_token_make,
    email_change_token_make,
    password_reset_tokens,
)


@task()
def confirmation_email_send(*, user_id, language="sv", municipality_slug=None):
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    with translation.override(language):
        link = account_link("accounts:confirm_email", municipality_slug, (confirmation_token_make(user),))
        context = {"user": user, "link": link, "days": MAX_AGE.days}
        body = render_to_string("accounts/emails/confirm_email.txt", context)
        send_mail(_("Confirm your e-mail address"), body, settings.DEFAULT_FROM_EMAIL, [user.email])


@task()
def account_exists_email_send(*, user_id, language="sv", municipality_slug=None):
    """Someone tried to create an account with an address that already has one: tell its owner, nobody else."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    with translation.override(language):
        context = {
            "user": user,
            "login_link": account_link("accounts:login", municipality_slug),
            "resend_link": account_link("accounts:resend_confirmation", municipality_slug),
            "reset_link": account_link("accounts:password_reset", municipality_slug),
        }
        body = render_to_string("accounts/emails/account_exists.txt", context)
        send_mail(_("You already have an account"), body, settings.DEFAULT_FROM_EMAIL, [user.email])


def _mail(subject, template, context, to):
    send_mail(subject, render_to_string(template, context), settings.DEFAULT_FROM_EMAIL, [to])


def _contact_email(municipality_slug):
    """The municipality's contact address, read by model name: accounts does not import organisations."""
    if not municipality_slug:
        return ""
    model = apps.get_model("organisations", "Municipality")
    return model.objects.filter(slug=municipality_slug).values_list("contact_email", flat=True).first() or ""


def _active(user_id):
    return User.objects.filter(pk=user_id, is_active=True).first()


@task()
def password_reset_email_send(*, user_id, language="sv", municipality_slug=None):
    """A link to choose a new password. The token is made here, so it is as fresh as the e-mail."""
    user = _active(user_id)
    if user is None or not user.has_usable_password():
        return
    with translation.override(language):
        args = (urlsafe_base64_encode(force_bytes(user.pk)), password_reset_tokens.make_token(user))
        context = {
            "user": user,
            "link": account_link("accounts:password_reset_confirm", municipality_slug, args),
            "again_link": account_link("accounts:password_reset", municipality_slug),
            "hours": int(password_reset_tokens.max_age.total_seconds() // 3600),
        }
        _mail(_("Choose a new password"), "accounts/emails/password_reset.txt", context, user.email)


@task()
def password_changed_email_send(*, user_id, language="sv", municipality_slug=None):
    """The receipt for a new password, so a change the person did not make does not go unnoticed."""
    user = _active(user_id)
    if user is None:
        return
    with translation.override(language):
        context = {"user": user, "reset_link": account_link("accounts:password_reset", municipality_slug)}
        _mail(_("Your password has been changed"), "accounts/emails/password_changed.txt", context, user.email)


def _notices():
    """(subject, what happened) of each change to two-step verification that its holder is told about."""
    return {
        "on": (_("Two-step verification is on"), _("Two-step verification was turned on for your account.")),
        "off": (
            _("Two-step verification is off"),
            _("Two-step verification was turned off for your account, and its recovery codes no longer work."),
        ),
        "codes_new": (
            _("New recovery codes"),
            _("New recovery codes were made for your account. The old ones no longer work."),
        ),
        "recovery_code_used": (
            _("A recovery code was used"),
            _("Someone logged in to your account with one of your recovery codes."),
        ),
        "reset": (
            _("Your two-step verification was reset"),
            _(
                "An administrator removed the authenticator app from your account. You set up a new one the next "
                "time you log in."
            ),
        ),
        "code_replayed": (
            _("A code was used twice"),
            _(
                "A code from your authenticator app was sent a second time and refused. A double click does that; "
                "if you did not log in just now, someone may know your password and your code."
            ),
        ),
    }


@task()
def two_factor_notice_send(*, user_id, event, language="sv", municipality_slug=None):
    """Tell the holder of an account that its two-step verification changed or was used in an unusual way."""
    user = _active(user_id)
    if user is None:
        return
    with translation.override(language):
        subject, text = _notices()[event]
        context = {"user": user, "text": text, "reset_link": account_link("accounts:password_reset", municipality_slug)}
        _mail(subject, "accounts/emails/two_factor_notice.txt", context, user.email)


@task()
def email_change_link_send(*, user_id, new_email, language="sv", municipality_slug=None):
    user = _active(user_id)
    if user is None:
        return
    with translation.override(language):
        token = email_change_token_make(user, new_email)
        context = {
            "user": user,
            "new_email": new_email,
            "link": account_link("accounts:email_change_confirm", municipality_slug, (token,)),
            "days": EMAIL_CHANGE_MAX_AGE.days,
        }
        _mail(_("Confirm your new e-mail address"), "accounts/emails/email_change_confirm.txt", context, new_email)


@task()
def email_change_taken_send(*, owner_id, language="sv", municipality_slug=None):
    """Someone asked to move another account to this address: tell the address's owner, and nobody else."""
    owner = _active(owner_id)
    if owner is None:
        return
    with translation.override(language):
        context = {"user": owner, "login_link": account_link("accounts:login", municipality_slug)}
        _mail(_("Your e-mail address already has an account"), "accounts/emails/email_taken.txt", context, owner.email)


@task()
def email_changed_send(*, user_id, old_email, language="sv", municipality_slug=None):
    """A notice to the old address (in case it was not the owner) and a receipt to the new one."""
    user = _active(user_id)
    if user is None:
        return
    with translation.override(language):
        context = {
            "user": user,
            "old_email": old_email,
            "new_email": user.email,
            "reset_link": account_link("accounts:password_reset", municipality_slug),
            "my_pages_link": account_link("accounts:my_pages", municipality_slug),
            "contact_email": _contact_email(municipality_slug),
        }
        _mail(_("Your e-mail address has been changed"), "accounts/emails/email_changed_old.txt", context, old_email)
        _mail(_("Your e-mail address has been changed"), "accounts/emails/email_changed_new.txt", context, user.email)
