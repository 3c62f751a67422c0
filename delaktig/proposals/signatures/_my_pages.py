"""My pages: the person's signatures that wait for e-mail confirmation, each with a button that mails the link
again. Offered to accounts through the `my_pages_section` hook (registered when ProposalsConfig.ready calls
signatures.ready), so accounts never imports proposals.

Signatures are matched to the person as everywhere else (_selectors.signatures_of): given while logged
in, or with the address they have confirmed.
"""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from delaktig.accounts import hookspecs as account_hooks
from delaktig.core import ratelimit

from ..models import Signature, SignatureStatus
from ._outbox import outbox_kick
from ._periods import confirmation_open
from ._selectors import signatures_of

RESEND_LIMIT = 3  # links mailed again per signature and IP address …
RESEND_WINDOW = timedelta(hours=1)  # … in this window


def pending_signatures_of(user):
    """The person's signatures still waiting for the e-mail link, newest first, each marked `can_confirm`."""
    rows = list(signatures_of(user).filter(status=SignatureStatus.PENDING, channel="online"))
    for signature in rows:
        signature.can_confirm = confirmation_open(signature.proposal)
    return rows


@account_hooks.my_pages_section.register
def pending_signatures_section(request):
    if not request.user.is_authenticated:
        return None
    rows = pending_signatures_of(request.user)
    if not rows:
        return None
    return {
        "title": _("Signatures waiting for your confirmation"),
        "template": "proposals/public/my_pages_pending.html",
        "context": {"pending_signatures": rows, "back": request.get_full_path()},
    }


@transaction.atomic
def signature_link_resend(*, signature, language=None):
    """Put a pending signature back in the outbox (services_outbox): its link is mailed again after commit."""
    again = Signature.objects.filter(pk=signature.pk, status=SignatureStatus.PENDING)
    if again.update(confirmation_mailed_at=None, language=(language or "")[:10]):
        transaction.on_commit(outbox_kick)
        return True
    return False


@require_POST
def signature_resend(request, pk):
    """The button on My pages: mail the link for the person's pending signature on proposal `pk` again."""
    back = _back(request)
    if not request.user.is_authenticated:
        return redirect_to_login(back, login_url=reverse("accounts:login", args=[request.municipality.slug]))
    signature = (
        signatures_of(request.user)
        .filter(proposal_id=pk, proposal__municipality=request.municipality, status=SignatureStatus.PENDING)
        .first()
    )
    if signature is None:
        raise Http404("No pending signature")
    messages.add_message(request, *_resend(request, signature))
    return redirect(back)


def _resend(request, signature):
    """(level, message) for the page after the button."""
    if not confirmation_open(signature.proposal):
        return messages.WARNING, _("The signing period is over, so the signature can no longer be confirmed.")
    ip = ratelimit.client_ip(request)
    if ratelimit.reached("signature_resend", signature.signer_key, ip, limit=RESEND_LIMIT):
        return messages.ERROR, _("We have sent the link several times already. Wait an hour and try again.")
    ratelimit.hit("signature_resend", signature.signer_key, ip, window=RESEND_WINDOW)
    signature_link_resend(signature=signature, language=get_language())
    text = _("We have sent the link again to %(email)s. Your signature counts when you have clicked it.")
    return messages.SUCCESS, text % {"email": signature.email}


def _back(request):
    """Back to the My pages the button was on (any municipality's), never to another site."""
    url = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return url
    return reverse("accounts:my_pages", args=[request.municipality.slug])
