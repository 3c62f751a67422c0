"""Staff pages of personal data and records: retention (administrators), the audit log (administrators), people
with their register extract and protected identity (registrars and administrators)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from delaktig.accounts.identity import display_name
from delaktig.core.audit import event_label
from delaktig.core.exports import csv_response
from delaktig.organisations.models import Role
from delaktig.organisations.permissions import staff_view

from . import selectors, services
from .extract import extract_json, extract_pdf, flat_rows, register_extract
from .forms import AuditFilterForm, PeriodForm, PersonSearchForm, ProtectedIdentityForm
from .models import RetentionRun

ADMINISTRATORS = (Role.ADMINISTRATOR,)
PEOPLE_ROLES = (Role.ADMINISTRATOR, Role.REGISTRAR)
AUDIT_PAGE_SIZE = 50
RUNS_SHOWN = 30


def _posted(request):
    return request.POST if request.method == "POST" else None


@require_GET
@staff_view(*PEOPLE_ROLES)
def overview(request):
    return render(
        request, "privacy/overview.html", {"is_admin": request.user.has_role(request.municipality, Role.ADMINISTRATOR)}
    )


@require_GET
@staff_view(*ADMINISTRATORS)
def retention(request):
    runs = RetentionRun.objects.filter(municipality=request.municipality)[:RUNS_SHOWN]
    labels = {kind.key: kind.description for kind in services.retention_kinds()}
    context = {
        "rules": services.rules_for(request.municipality),
        "runs": [(run, [(labels.get(key, key), count) for key, count in run.removed.items()]) for run in runs],
    }
    return render(request, "privacy/retention.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(*ADMINISTRATORS)
def retention_edit(request, kind):
    found = services.retention_kind(kind)
    rule = next(rule for rule in services.rules_for(request.municipality) if rule.kind.key == found.key)
    initial = {"amount": rule.amount, "keep": rule.amount is None}
    form = PeriodForm(_posted(request), kind=found, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.retention_period_save(
            municipality=request.municipality, kind=found, amount=form.cleaned_data["amount"], actor=request.user
        )
        messages.success(request, _("The period has been saved. It applies from the next run, within a day."))
        return redirect("privacy:retention", request.municipality.slug)
    return render(request, "privacy/retention_edit.html", {"form": form, "rule": rule})


def _audit_filters(request):
    municipality = request.municipality
    form = AuditFilterForm(
        request.GET or None,
        actions=selectors.audit_action_choices(municipality),
        object_types=selectors.audit_object_type_choices(municipality),
    )
    filters = form.cleaned_data if form.is_valid() else {}
    return form, filters, selectors.audit_events(municipality, **filters)


def _actor(event, viewer):
    if event.actor is None:
        return _("The system or a resident without an account")
    return display_name(event.actor, viewer) or event.actor.email


@require_GET
@staff_view(*ADMINISTRATORS)
def audit_log(request):
    form, filters, events = _audit_filters(request)
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(event, _actor(event, request.user), event_label(event)) for event in page.object_list]
    services.audit_viewed(municipality=request.municipality, actor=request.user, filters=filters, export=False)
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "total": page.paginator.count,
        "query": request.GET.urlencode(),
    }
    return render(request, "privacy/audit_log.html", context)


@require_GET
@staff_view(*ADMINISTRATORS)
def audit_log_csv(request):
    _form, filters, events = _audit_filters(request)
    services.audit_viewed(municipality=request.municipality, actor=request.user, filters=filters, export=True)
    header = [_("Time"), _("Person"), _("What was done"), _("Action"), _("Kind of object"), _("Object id")]

    def rows():
        yield header
        for event in events.iterator(chunk_size=1000):
            yield [
                timezone.localtime(event.created_at).isoformat(),
                _actor(event, request.user),
                event_label(event),
                event.action,
                event.target_type.model,
                event.target_id,
            ]

    return csv_response("granskningslogg.csv", rows(), streaming=True)


@require_GET
@staff_view(*PEOPLE_ROLES)
def people(request):
    form = PersonSearchForm(request.GET or None)
    found = selectors.people_find(request.municipality, form.cleaned_data["q"]) if form.is_valid() else None
    protected = selectors.people_known(request.municipality).filter(protected_identity=True).order_by("pk")[:100]
    return render(request, "privacy/people.html", {"form": form, "found": found, "protected": protected})


def find_person(request, person_id, **kwargs):
    return selectors.person_get(request.municipality, person_id)


@require_GET
@staff_view(*PEOPLE_ROLES, find=find_person)
def person(request, person_id):
    return render(request, "privacy/person.html", {"person": find_person(request, person_id)})


@require_http_methods(["GET", "POST"])
@staff_view(*PEOPLE_ROLES, find=find_person)
def person_protect(request, person_id):
    """Confirmation page, then the change: protect the person's identity, or lift the protection."""
    found = find_person(request, person_id)
    form = ProtectedIdentityForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        services.protected_identity_set(
            municipality=request.municipality,
            person=found,
            protected=not found.protected_identity,
            reason=form.cleaned_data["reason"],
            actor=request.user,
        )
        done = _("The identity is now protected.") if found.protected_identity else _("The protection is lifted.")
        messages.success(request, done)
        return redirect("privacy:person", request.municipality.slug, found.pk)
    return render(request, "privacy/person_protect.html", {"person": found, "form": form})


def _extract(request, person_id, file_format):
    found = find_person(request, person_id)
    services.register_extract_made(
        municipality=request.municipality, person=found, actor=request.user, file_format=file_format
    )
    return found, register_extract(municipality=request.municipality, person=found)


@require_GET
@staff_view(*PEOPLE_ROLES, find=find_person)
def person_extract(request, person_id):
    found, extract = _extract(request, person_id, "html")
    context = {"person": found, "extract": extract, "rows": flat_rows(extract["data"])}
    return render(request, "privacy/extract.html", context)


@require_GET
@staff_view(*PEOPLE_ROLES, find=find_person)
def person_extract_json(request, person_id):
    found, extract = _extract(request, person_id, "json")
    response = HttpResponse(extract_json(extract), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="registerutdrag-{found.pk}.json"'
    return response


@require_GET
@staff_view(*PEOPLE_ROLES, find=find_person)
def person_extract_pdf(request, person_id):
    found, extract = _extract(request, person_id, "pdf")
    context = {"person": found, "extract": extract, "rows": flat_rows(extract["data"])}
    html = render_to_string("privacy/extract_pdf.html", context, request=request)
    response = HttpResponse(extract_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="registerutdrag-{found.pk}.pdf"'
    return response
