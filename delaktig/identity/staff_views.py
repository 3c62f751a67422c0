"""The municipality's login providers, kept by its administrators: e-ID for residents, single sign-on for staff."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from delaktig.accounts.models import IdentityLevel
from delaktig.organisations.models import Role
from delaktig.organisations.permissions import staff_view

from . import staff_services
from .forms import ActionRulesForm, OidcConfigurationForm
from .models import OidcConfiguration, ProviderKind

KIND_SLUGS = {"e-legitimation": ProviderKind.RESIDENT_EID, "personal": ProviderKind.STAFF_SSO}


def find_provider(request, pk):
    return get_object_or_404(OidcConfiguration, pk=pk, municipality=request.municipality)


@require_http_methods(["GET", "POST"])
@staff_view(Role.ADMINISTRATOR)
def providers(request):
    """The providers of each kind, and what taking part asks of people (residents only; the survey level)."""
    muni = request.municipality
    found = {c.kind: c for c in OidcConfiguration.objects.filter(municipality=muni)}
    kinds = [{"slug": slug, "label": kind.label, "configuration": found.get(kind)} for slug, kind in KIND_SLUGS.items()]
    rules = list(muni.action_rules.all())
    initial = {
        "residents_only": [rule.action for rule in rules if rule.residents_only],
        "survey_level": max([r.identity_level for r in rules if r.action == "survey"] + [IdentityLevel.EMAIL]),
    }
    form = ActionRulesForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        staff_services.action_rules_set(
            municipality=muni,
            residents_only=form.cleaned_data["residents_only"],
            survey_level=form.cleaned_data["survey_level"],
            actor=request.user,
        )
        messages.success(request, _("Saved."))
        return redirect("identity:providers", muni.slug)
    eid = found.get(ProviderKind.RESIDENT_EID)
    context = {"kinds": kinds, "form": form, "gives_residence": bool(eid and eid.residence_claim)}
    return render(request, "identity/staff/providers.html", {**context, "active": "login_providers"})


@require_http_methods(["GET", "POST"])
@staff_view(Role.ADMINISTRATOR)
def provider_create(request, kind):
    if kind not in KIND_SLUGS:
        raise Http404("No such kind")
    existing = OidcConfiguration.objects.filter(municipality=request.municipality, kind=KIND_SLUGS[kind]).first()
    if existing is not None:
        return redirect("identity:provider_edit", request.municipality.slug, existing.pk)
    configuration = OidcConfiguration(municipality=request.municipality, kind=KIND_SLUGS[kind])
    if configuration.kind == ProviderKind.RESIDENT_EID:
        configuration.level_map = {"http://id.elegnamnden.se/loa/1.0/loa3": 3}
    return _form_page(request, configuration, created=True)


@require_http_methods(["GET", "POST"])
@staff_view(Role.ADMINISTRATOR, find=find_provider)
def provider_edit(request, pk):
    return _form_page(request, find_provider(request, pk), created=False)


def _form_page(request, configuration, *, created):
    form = OidcConfigurationForm(request.POST if request.method == "POST" else None, instance=configuration)
    if request.method == "POST" and form.is_valid():
        staff_services.provider_save(configuration=form.save(commit=False), actor=request.user, created=created)
        messages.success(request, _("The login provider has been saved."))
        return redirect("identity:providers", request.municipality.slug)
    context = {
        "form": form,
        "configuration": configuration,
        "created": created,
        "has_secret": bool(configuration.client_secret),
        "active": "login_providers",
    }
    return render(request, "identity/staff/provider_form.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(Role.ADMINISTRATOR, find=find_provider)
def provider_delete(request, pk):
    configuration = find_provider(request, pk)
    if request.method == "POST":
        staff_services.provider_delete(configuration=configuration, actor=request.user)
        messages.success(request, _("The login provider has been removed."))
        return redirect("identity:providers", request.municipality.slug)
    return render(
        request, "identity/staff/provider_delete.html", {"configuration": configuration, "active": "login_providers"}
    )
