"""Background work: the e-mail receipt a resident gets after giving input, for every method whose input builds on
AbstractInput. The task names the input by its model's label ("open_input.Input") and its pk."""

from django.apps import apps
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes

from .identity import what_is_public
from .models import AbstractInput


@task()
def input_receipt_send(*, model, input_id, language=None):
    item = _input(model, input_id)
    if item is None or item.author is None or not item.author.email:
        return
    _deliver(item, email=item.author.email, language=language)


def receipt_send_now(*, model, input_id, email, language=None):
    """The receipt for input that keeps no account: sent in the request's process, the address kept nowhere."""
    item = _input(model, input_id)
    if item is not None and email:
        _deliver(item, email=email, language=language)


def _input(model, input_id):
    """The input, or None when it is gone or `model` names no input model."""
    try:
        input_model = apps.get_model(model)
    except (LookupError, ValueError):
        return None
    if not issubclass(input_model, AbstractInput):
        return None
    return input_model.objects.select_related("author", "module__dialogue__municipality").filter(pk=input_id).first()


def _deliver(item, *, email, language):
    dialogue = item.module.dialogue
    with translation.override(language or settings.LANGUAGE_CODE):
        context = {
            "input": item,
            "details": item.receipt_details(),
            "dialogue": dialogue,
            "municipality": dialogue.municipality,
            "url": settings.SITE_URL.rstrip("/") + item.get_absolute_url(),
            "public_lines": what_is_public(dialogue, shown_name=item.author_name, contents=item.public_contents),
        }
        subject = _("We have received your input (%(reference)s)") % {"reference": item.reference}
        body = render_to_string("participation/emails/receipt.txt", context)
    send_mail(subject, body, None, [email])


@purposes.describes(input_receipt_send)
def _receipt_purpose(kwargs):
    item = _input(kwargs.get("model", ""), kwargs.get("input_id"))
    if item is None:
        return None
    dialogue = item.module.dialogue
    return purposes.Purpose(
        municipality_id=dialogue.municipality_id,
        text=_("The receipt for input %(reference)s in “%(dialogue)s”")
        % {"reference": item.reference, "dialogue": dialogue.title},
    )
