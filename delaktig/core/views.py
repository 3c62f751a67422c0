from django.contrib import messages
from django.core.mail import mail_admins
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from delaktig.organisations.models import Municipality

from .forms import AccessibilityReportForm


def root(request):
    municipalities = list(Municipality.objects.filter(is_active=True))
    if len(municipalities) == 1:
        return redirect("core:home", municipalities[0].slug)
    return render(request, "core/root.html", {"municipalities": municipalities})


def home(request):
    from delaktig.dialogues.selectors import dialogues_open_now

    return render(request, "core/home.html", {"open_dialogues": dialogues_open_now(municipality=request.municipality)})


@require_http_methods(["GET", "POST"])
def accessibility(request):
    form = AccessibilityReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        mail_admins(
            f"Tillgänglighetsproblem: {request.municipality}",
            f"{form.cleaned_data['page']}\n\n{form.cleaned_data['description']}\n\n{form.cleaned_data['email']}",
            fail_silently=True,
        )
        messages.success(request, _("Thank you. We have received your report and will answer within two weeks."))
        return redirect("core:accessibility", request.municipality.slug)
    return render(request, "core/accessibility.html", {"form": form})


def privacy(request):
    return render(request, "core/privacy.html")


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    return render(request, "errors/500.html", status=500)


def easy_read(request):
    return render(request, "core/easy_read.html")
