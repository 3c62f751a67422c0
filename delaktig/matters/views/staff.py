"""Staff pages: the coming matters (search, filter, pages), registering and changing one, the early answer whether a
dialogue is planned with the paragraph for the officer's report, linking the dialogue, marking it decided."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from delaktig.organisations import case_numbers
from delaktig.organisations.models import Role
from delaktig.organisations.permissions import staff_view

from .. import paragraph, selectors, services
from ..forms import AnswerForm, DecidedForm, FilterForm, LinkForm, MatterForm

WRITE_ROLES = (Role.OFFICER, Role.DEMOCRACY_OFFICER, Role.REGISTRAR, Role.ADMINISTRATOR)
PAGE_SIZE = 25
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _posted(request):
    return request.POST if request.method == "POST" else None


def find_matter(request, pk):
    selectors.matter_get(municipality=request.municipality, pk=pk)


@require_GET
@staff_view()
def matters(request):
    form = FilterForm(request.GET or None)
    query, answer = "", ""
    if form.is_valid():
        query, answer = form.cleaned_data["q"], form.cleaned_data["answer"]
    found = selectors.matters_list(request.municipality, query=query, answer=answer)
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "total": page.paginator.count, "filtered": bool(query or answer)}
    return render(request, "matters/staff/list.html", context)


@require_http_methods(["GET", "POST"])
@staff_view(*WRITE_ROLES)
def matter_new(request):
    form = MatterForm(_posted(request), municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        try:
            values = form.cleaned_data
            matter = services.matter_register(municipality=request.municipality, actor=request.user, **values)
        except services.CaseNumberTaken:
            form.add_error("case_number", services.TAKEN_TEXT())
        else:
            messages.success(
                request,
                _("The matter %(number)s is registered. Now answer whether a citizen dialogue is planned.")
                % {"number": matter.case_number},
            )
            return redirect("matters:staff_matter", request.municipality.slug, matter.pk)
    return render(request, "matters/staff/form.html", {"form": form, "matter": None})


@require_http_methods(["GET", "POST"])
@staff_view(*WRITE_ROLES, find=find_matter)
def matter_edit(request, pk):
    matter = selectors.matter_get(municipality=request.municipality, pk=pk)
    form = MatterForm(_posted(request), instance=matter, municipality=request.municipality)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in services.EDITABLE}
        fresh = selectors.matter_get(municipality=request.municipality, pk=pk)  # the form changed `matter` already
        reason = form.cleaned_data.get(case_numbers.REASON_FIELD, "")
        try:
            services.matter_update(matter=fresh, actor=request.user, reason=reason, **values)
        except services.CaseNumberTaken:
            form.add_error("case_number", services.TAKEN_TEXT())
        else:
            messages.success(request, _("The changes are saved."))
            return redirect("matters:staff_matter", request.municipality.slug, pk)
    return render(request, "matters/staff/form.html", {"form": form, "matter": matter})


@require_http_methods(["GET", "POST"])
@staff_view(find=find_matter)
def matter(request, pk):
    """The matter, the early answer (a form while not answered, or when changing it), the paragraph."""
    found = selectors.matter_get(municipality=request.municipality, pk=pk)
    may_write = bool(request.user.roles_in(request.municipality) & set(WRITE_ROLES))
    changing = request.GET.get("andra") == "svar" or not found.answered
    initial = {"planned": found.planned, "reason": found.reason} if found.answered else None
    answer_form = AnswerForm(_posted(request), initial=initial)
    if request.method == "POST":
        if not may_write:
            raise PermissionDenied("Role missing")
        if answer_form.is_valid():
            services.matter_answer(matter=found, actor=request.user, **answer_form.cleaned_data)
            messages.success(request, _("The answer is saved. The paragraph for the officer's report is below."))
            return redirect("matters:staff_matter", request.municipality.slug, pk)
        changing = True
    return _matter_page(request, found, may_write=may_write, changing=changing and may_write, answer_form=answer_form)


@require_POST
@staff_view(*WRITE_ROLES, find=find_matter)
def matter_link(request, pk):
    found = selectors.matter_get(municipality=request.municipality, pk=pk)
    form = LinkForm(request.POST, municipality=request.municipality)
    if form.is_valid():
        try:
            services.matter_link(matter=found, actor=request.user, dialogue=form.cleaned_data["dialogue"])
        except services.OtherCaseNumber as error:
            form.add_error("dialogue", str(error))
        else:
            messages.success(request, _("The dialogue link is saved."))
            return redirect("matters:staff_matter", request.municipality.slug, pk)
    return _matter_page(request, found, link_form=form)


@require_POST
@staff_view(*WRITE_ROLES, find=find_matter)
def matter_decided(request, pk):
    found = selectors.matter_get(municipality=request.municipality, pk=pk)
    form = DecidedForm(request.POST, matter=found)
    if form.is_valid():
        services.matter_decided(matter=found, actor=request.user, decided_on=form.cleaned_data["decided_on"])
        messages.success(request, _("The matter is marked as decided. It has left the list of coming decisions."))
        return redirect("matters:staff_matter", request.municipality.slug, pk)
    return _matter_page(request, found, decided_form=form)


def _matter_page(request, found, *, may_write=True, changing=None, **forms):
    """The matter's page, with the forms given (a form sent with errors) and the others fresh."""
    context = {
        "matter": found,
        "may_write": may_write,
        "changing": (not found.answered) if changing is None else changing,
        "answer_form": AnswerForm(),
        "link_form": LinkForm(initial={"dialogue": found.dialogue}, municipality=request.municipality),
        "decided_form": DecidedForm(initial={"decided_on": found.decided_on}),
        "heading": paragraph.heading(),
        "paragraphs": paragraph.paragraphs(found),
        "text": paragraph.as_text(found),
        **forms,
    }
    return render(request, "matters/staff/matter.html", context)


@require_GET
@staff_view(find=find_matter)
def paragraph_download(request, pk, kind):
    found = selectors.matter_get(municipality=request.municipality, pk=pk)
    if not found.answered:
        messages.error(request, _("Answer whether a citizen dialogue is planned first."))
        return redirect("matters:staff_matter", request.municipality.slug, pk)
    name = "medborgardialog-" + "".join(char if char.isalnum() else "-" for char in found.case_number).strip("-")
    if kind == "docx":
        response = HttpResponse(paragraph.as_docx(found), content_type=DOCX)
        response["Content-Disposition"] = f'attachment; filename="{name}.docx"'
    else:
        response = HttpResponse(paragraph.as_text(found), content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.txt"'
    return response
