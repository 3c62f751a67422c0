"""The consultation report: the staff's summaries per section, every comment with its position, and the downloads."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from delaktig.participation.rules import allowed

from .. import services
from ..forms import SummaryForm
from ..report import report_of
from ..report_files import report_latest, report_latest_done
from .common import context_of, guard, refuse, url

REFRESH_SECONDS = 3
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def report(request, dialogue_id, module_id):
    module, refused = guard(request, dialogue_id, module_id, "report")
    if refused:
        return refused
    if request.method == "POST" and request.POST.get("generate"):
        return _generate(request, module)
    if request.method == "POST":
        return _summary(request, module)
    found = report_of(module)
    forms = {}
    if found is not None:
        forms = {s.anchor: SummaryForm(initial={"text": s.summary}, prefix=f"s{s.anchor}") for s in found.sections}
    document = services.document_for(module)
    context = context_of(
        module,
        report=found,
        forms=forms,
        may_respond=bool(allowed(request.user, "respond", module)),
        latest=report_latest(document),
        ready=report_latest_done(document),
        refresh_seconds=REFRESH_SECONDS,
    )
    return render(request, "consultations/staff/report.html", context)


def _summary(request, module):
    """The summary of one section, posted to the report page with the section's number."""
    decision = allowed(request.user, "respond", module)
    if not decision:
        return refuse(request, decision, back_url=url("report", module))
    document = services.document_for(module)
    known = {0} | set(document.versions.values_list("chapters__anchor", flat=True))
    section = request.POST.get("section", "")
    index = int(section) if section.isdigit() and len(section) < 10 else None
    if index not in known:
        messages.error(request, _("Choose a part of the document from the list."))
        return redirect(url("report", module))
    form = SummaryForm(request.POST, prefix=f"s{index}")
    if not form.is_valid():
        messages.error(request, _("The summary is too long. Write at most 4000 characters."))
        return redirect(url("report", module) + f"#del-{index}")
    services.summary_set(document=document, chapter_anchor=index, text=form.cleaned_data["text"], actor=request.user)
    messages.success(request, _("The summary is saved."))
    return redirect(url("report", module) + f"#del-{index}")


def _generate(request, module):
    decision = allowed(request.user, "respond", module)
    if not decision:
        return refuse(request, decision, back_url=url("report", module))
    services.report_request(document=services.document_for(module), actor=request.user)
    return redirect(url("report", module) + "#filer")


def _download(request, dialogue_id, module_id, kind, content_type):
    module, refused = guard(request, dialogue_id, module_id, "report")
    if refused:
        return refused
    ready = report_latest_done(services.document_for(module))
    if ready is None or ready.size_of(kind) is None:
        raise Http404("No report made yet")
    return FileResponse(
        getattr(ready, kind).open("rb"),
        content_type=content_type,
        as_attachment=True,
        filename=f"samradsredogorelse-{module.pk}.{kind}",
    )


def report_docx(request, dialogue_id, module_id):
    return _download(request, dialogue_id, module_id, "docx", DOCX_TYPE)


def report_pdf(request, dialogue_id, module_id):
    return _download(request, dialogue_id, module_id, "pdf", "application/pdf")
