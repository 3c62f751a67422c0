"""The municipality's settings, checklist and organisation. Administrators edit; all staff read the organisation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from delaktig.accounts import selectors as account_selectors
from delaktig.accounts import services_twofactor
from delaktig.accounts.forms_twofactor import PasswordAgainForm
from delaktig.accounts.models import User
from delaktig.accounts.services_credentials import PasswordChecker
from delaktig.core.forms import Form
from delaktig.core.ratelimit import client_ip

from . import selectors, services
from .forms import ChecklistArrangeForm, ChecklistQuestionForm, MembershipAddForm, MembershipRemoveForm, SettingsForm
from .models import ChecklistQuestion, Municipality, Role
from .permissions import staff_view


def _posted(request):
    return request.POST if request.method == "POST" else None


@require_http_methods(["GET", "POST"])
@staff_view(Role.ADMINISTRATOR)
def settings_edit(request):
    muni = request.municipality
    # The form works on its own copy, so the page around it still shows the saved settings if input is invalid.
    form = SettingsForm(_posted(request), instance=Municipality.objects.get(pk=muni.pk))
    if request.method == "POST" and form.is_valid():
        services.municipality_settings_update(municipality=muni, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The settings have been saved."))
        return redirect("organisations:settings", muni.slug)
    return render(request, "organisations/settings.html", {"form": form, "active": "settings"})


@require_http_methods(["GET", "POST"])
@staff_view(Role.ADMINISTRATOR)
def checklist_questions(request):
    muni = request.municipality
    form = ChecklistArrangeForm(_posted(request), questions=muni.checklist_questions.all())
    if request.method == "POST" and form.is_valid():
        services.checklist_arrange(municipality=muni, actor=request.user, arrangement=form.arrangement())
        messages.success(request, _("The order of the checklist has been saved."))
        return redirect("organisations:checklist", muni.slug)
    return render(request, "organisations/checklist.html", {"form": form, "active": "checklist"})


@require_http_methods(["GET", "POST"])
@staff_view(Role.ADMINISTRATOR)
def checklist_question_create(request):
    muni = request.municipality
    last = muni.checklist_questions.order_by("-order").values_list("order", flat=True).first() or 0
    question = ChecklistQuestion(municipality=muni, order=last + 1)
    return _checklist_question_form(request, question, _("The question has been added to the checklist."))


@require_http_methods(["GET", "POST"])
def find_checklist_question(request, pk):
    return get_object_or_404(ChecklistQuestion, pk=pk, municipality=request.municipality)


@staff_view(Role.ADMINISTRATOR, find=find_checklist_question)
def checklist_question_edit(request, pk):
    question = find_checklist_question(request, pk)
    return _checklist_question_form(request, question, _("The question has been saved."))


def _checklist_question_form(request, question, success):
    form = ChecklistQuestionForm(_posted(request), instance=question)
    if request.method == "POST" and form.is_valid():
        services.checklist_question_save(question=form.save(commit=False), actor=request.user)
        messages.success(request, success)
        return redirect("organisations:checklist", request.municipality.slug)
    return render(
        request, "organisations/checklist_form.html", {"form": form, "question": question, "active": "checklist"}
    )


@require_http_methods(["GET", "POST"])
@staff_view()
def organisation(request):
    muni = request.municipality
    is_admin = request.user.has_role(muni, Role.ADMINISTRATOR)
    add_form = MembershipAddForm(municipality=muni)
    if request.method == "POST":
        if not is_admin:
            raise PermissionDenied("Only administrators change memberships")
        if request.POST.get("action") == "remove":
            return _membership_remove(request)
        add_form = MembershipAddForm(request.POST, municipality=muni)
        if add_form.is_valid():
            return _membership_add(request, add_form)
    context = {**selectors.organisation_overview(municipality=muni), "form": add_form, "is_admin": is_admin}
    if is_admin:
        people = {membership.user_id for membership in context["memberships"]}
        context["with_two_factor"] = account_selectors.users_with_two_factor(user_ids=people)
    return render(request, "organisations/organisation.html", {**context, "active": "organisation"})


def _membership_add(request, form):
    data = form.cleaned_data
    services.membership_add(
        municipality=request.municipality,
        actor=request.user,
        user=form.user,
        role=data["role"],
        body=data["body"],
        department=data["department"],
        title=data["title"],
    )
    messages.success(request, _("%(person)s now has the role.") % {"person": form.user})
    return redirect("organisations:organisation", request.municipality.slug)


def _membership_remove(request):
    form = MembershipRemoveForm(request.POST, municipality=request.municipality)
    if not form.is_valid():
        raise Http404("No such membership in this municipality")
    membership = form.cleaned_data["membership"]
    try:
        services.membership_remove(membership=membership, actor=request.user)
    except services.MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The role has been removed."))
    return redirect("organisations:organisation", request.municipality.slug)


def find_staff_member(request, user_id):
    return get_object_or_404(User.objects.filter(memberships__municipality=request.municipality).distinct(), pk=user_id)


@require_http_methods(["GET", "POST"])
@staff_view(Role.ADMINISTRATOR, find=find_staff_member)
def two_factor_reset(request, user_id):
    """A colleague lost the phone with the app: the administrator, asked for the password again, removes it."""
    person = find_staff_member(request, user_id)
    if request.user.has_usable_password():
        checker = PasswordChecker(user=request.user, ip=client_ip(request))
        form = PasswordAgainForm(_posted(request), user=request.user, checker=checker)
    else:  # logged in by single sign-on: the directory checked who it is
        form = Form(_posted(request))
    enabled = services_twofactor.two_factor_enabled(person)
    if request.method == "POST" and form.is_valid() and enabled:
        services_twofactor.two_factor_reset(user=person, actor=request.user, municipality=request.municipality)
        messages.success(
            request,
            _("The two-step verification of %(person)s is reset. They set up the app again at their next login.")
            % {"person": person},
        )
        return redirect("organisations:organisation", request.municipality.slug)
    context = {"form": form, "person": person, "enabled": enabled, "active": "organisation"}
    return render(request, "organisations/two_factor_reset.html", context)
