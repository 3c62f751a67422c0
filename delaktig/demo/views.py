"""The demo inbox: every e-mail the demo "sent", for anyone trying the demo. 404 unless the demo backend is on."""

from functools import wraps

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .inbox import inbox_page, text_with_links
from .mail import demo_inbox_active
from .models import DemoMail


def demo_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not demo_inbox_active():
            raise Http404("The demo inbox is off")
        return view(request, *args, **kwargs)

    return wrapper


@require_GET
@demo_only
def inbox(request):
    recipient = request.GET.get("till", "").strip()[:320]
    page = inbox_page(recipient=recipient, page_number=request.GET.get("page") or 1)
    return render(request, "demo/inbox.html", {"page": page, "recipient": recipient})


@require_GET
@demo_only
def message(request, pk):
    mail = get_object_or_404(DemoMail, pk=pk)
    return render(request, "demo/message.html", {"mail": mail, "body": text_with_links(mail.body)})


@require_GET
@demo_only
def message_html(request, pk):
    """The HTML version as the recipient's mail program would show it, sandboxed: no scripts, no forms, no cookies."""
    mail = get_object_or_404(DemoMail, pk=pk)
    if not mail.html:
        raise Http404("No HTML version")
    response = HttpResponse(mail.html, content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'"
    return response
