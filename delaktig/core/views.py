import datetime
import logging

from django.apps import apps
from django.contrib import messages
from django.core.mail import mail_admins, send_mail
from django.http import HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from delaktig.core import hookspecs as core_hooks

from .forms import AccessibilityReportForm

logger = logging.getLogger(__name__)

# When the accessibility statement was last reviewed; update it with the statement.
ACCESSIBILITY_REVIEWED_ON = datetime.date(2026, 11, 24)


@require_http_methods(["GET", "HEAD"])
def favicon(request):
    return redirect(static("img/favicon.svg"), permanent=True)


@require_http_methods(["GET", "HEAD"])
def root(request):
    municipality_model = apps.get_model("organisations", "Municipality")
    municipalities = list(municipality_model.objects.filter(is_active=True))
    if len(municipalities) == 1:
        return redirect("core:home", municipalities[0].slug)
    return render(request, "core/root.html", {"municipalities": municipalities})


@require_http_methods(["GET", "HEAD"])
def home(request):
    context = {}
    for contribute in core_hooks.home_context.implementations():
        context.update(contribute(request))
    return render(request, "core/home.html", context)


@require_http_methods(["GET", "POST"])
def accessibility(request):
    form = AccessibilityReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _accessibility_report_send(request.municipality, form.cleaned_data)
        messages.success(request, _("Thank you. We have received your report and will answer within two weeks."))
        return redirect("core:accessibility", request.municipality.slug)
    context = {"form": form, "reviewed_on": ACCESSIBILITY_REVIEWED_ON}
    return render(request, "core/accessibility.html", context)


def _accessibility_report_send(municipality, data):
    """To the municipality's contact address if it has one, otherwise to the site's administrators."""
    subject = f"Tillgänglighetsproblem: {municipality}"
    body = f"Sida: {data['page']}\n\n{data['description']}\n\nSvar till: {data['email'] or '–'}"
    if municipality.contact_email:
        send_mail(subject, body, None, [municipality.contact_email], fail_silently=True)
    else:
        mail_admins(subject, body, fail_silently=True)


@require_http_methods(["GET", "HEAD"])
def privacy(request):
    return render(request, "core/privacy.html")


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    """Rendered without the request: whatever broke the page must not break the error page too."""
    try:
        html = loader.get_template("errors/500.html").render()
    except Exception:  # the last line of defence
        logger.exception("Could not render the 500 page")
        html = "<!DOCTYPE html><title>Serverfel</title><h1>Något gick fel</h1><p><a href='/'>Till startsidan</a></p>"
    return HttpResponseServerError(html)


@require_http_methods(["GET", "HEAD"])
def easy_read(request):
    return render(request, "core/easy_read.html")


def csrf_failure(request, reason=""):
    """A form sent without its security token (often an old tab): say how to continue; nothing else happens."""
    return render(request, "errors/csrf.html", status=403)
