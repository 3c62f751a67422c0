"""Public pages: the document with its comments, commenting, following, the download and what changed."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from delaktig.dialogues.models import State
from delaktig.participation.rules import allowed

from .. import services
from ..document_files import CONTENT_TYPES, file_name, version_file, version_files
from ..forms import CommentForm
from ..models import Attachment, Image, Paragraph, Remark
from ..phases import COMMENTING
from ..selectors import (
    chapters_of,
    comments_by_place,
    is_following,
    published_version,
    remark_public_lines,
)
from ..selectors_places import place_get
from ..selectors_versions import version_changes
from .common import context_of, document_or_none, message, public_module_get, refuse, url


def _published(module):
    document = document_or_none(module)
    version = published_version(document)
    return document, version


def consultation_period(module):
    """The commenting phase (the consultation period), or None."""
    phases = [phase for phase in module.phases.all() if phase.phase_type == COMMENTING.key]
    return phases[0] if phases else None


def closed_text(module):
    """Why nobody can comment now, in words: not yet, no longer, or not on this document."""
    period = consultation_period(module)
    if period is None:
        return _("Comments are not taken on this document. You can read it.")
    if timezone.now() < period.starts_at and module.dialogue.state == State.OPEN:
        return _("The consultation has not started. You cannot comment yet.")
    return _("The consultation period is over. You can no longer comment on the document, but you can read it.")


def index(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    document, version = _published(module)
    if version is None:
        return render(request, "consultations/unpublished.html", context_of(module), status=200)
    comments = comments_by_place(module)
    chapters = chapters_of(version)
    decision = allowed(request.user, "comment", module)
    context = context_of(
        module,
        document=document,
        version=version,
        chapters=chapters,
        comments=comments,
        earlier=comments.not_in(chapters),
        period=consultation_period(module),
        may_comment=bool(decision) or decision.needs_login,
        closed_text="" if (decision or decision.needs_login) else closed_text(module),
        following=is_following(document, request.user),
        may_follow=bool(allowed(request.user, "follow", module)),
        attachments=list(document.attachments.all()),
        versions=list(document.versions.exclude(published_at=None).order_by("number")),
        downloads=_downloads(module, version),
    )
    return render(request, "consultations/index.html", context)


def _downloads(module, version):
    """(link text, address, file type as people write it, size in bytes or None while the file is not made yet) of
    the whole document."""
    made = version_files(version)
    return [
        (label, url(name, module, public=True), shown, made[kind].size if kind in made else None)
        for label, name, kind, shown in (
            (_("Download the whole document"), "download", "docx", "Word"),
            (_("Download the whole document"), "download_pdf", "pdf", "PDF"),
        )
    ]


def comment(request, dialogue_id, module_id, slug):
    module = public_module_get(request, dialogue_id, module_id)
    document, version = _published(module)
    place = place_get(document, version, slug) if version else None
    if place is None:
        raise Http404("No such place in the document")
    back = url("index", module, public=True) + f"#{place.slug}"
    decision = allowed(request.user, "comment", module)
    if not decision and (decision.needs_login or request.method != "POST"):
        if decision.needs_login:
            return refuse(request, decision, back_url=back)
        return message(request, title=_("The consultation is closed"), text=closed_text(module), back_url=back)
    dialogue = module.dialogue
    form = CommentForm(request.POST or None, dialogue=dialogue, user=request.user)
    if request.method == "POST" and not decision:
        form.is_valid()  # the fields' own messages too, and what was typed stays
        form.add_error(None, closed_text(module))
    elif request.method == "POST" and form.is_valid():
        remark = services.remark_create(
            module=module,
            version=version,
            target=place.target,
            text=form.cleaned_data["text"],
            represents=form.cleaned_data["represents"],
            organisation=form.cleaned_data.get("organisation", ""),
            user=request.user,
            pseudonym=form.cleaned_data.get("pseudonym", ""),
        )
        request.session["consultations_done"] = {
            "reference": remark.reference,
            "status": remark.comment.status,
            "comment_id": remark.pk,
        }
        return redirect(url("done", module, public=True))
    context = context_of(module, document=document, version=version, place=place, form=form, back_url=back)
    return render(request, "consultations/comment.html", context)


def done(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    sent = request.session.get("consultations_done")
    if not sent:
        return redirect(url("index", module, public=True))
    remark = (
        Remark.objects.select_related("comment", "module__dialogue")
        .filter(module=module, pk=sent.get("comment_id"))
        .first()
    )
    public_lines = remark_public_lines(remark) if remark else []
    return render(request, "consultations/done.html", context_of(module, sent=sent, public_lines=public_lines))


@require_POST
def follow(request, dialogue_id, module_id):
    module = public_module_get(request, dialogue_id, module_id)
    document, version = _published(module)
    if version is None:
        raise Http404("Not published")
    back = url("index", module, public=True)
    decision = allowed(request.user, "follow", module)
    if not decision:
        return refuse(request, decision, back_url=back)
    services.follow_set(document=document, user=request.user, follow=request.POST.get("follow") == "1")
    return redirect(back + "#folj")


def download(request, dialogue_id, module_id, kind):
    """The whole published document as Word or PDF: the stored file, made now if it is not made yet."""
    module = public_module_get(request, dialogue_id, module_id)
    _document, version = _published(module)
    if version is None:
        raise Http404("Not published")
    made = version_file(version, kind)
    return FileResponse(
        made.file.open("rb"),
        content_type=CONTENT_TYPES[kind],
        as_attachment=True,
        filename=file_name(version, kind),
    )


def changes(request, dialogue_id, module_id, version):
    module = public_module_get(request, dialogue_id, module_id)
    document = document_or_none(module)
    new = published_version(document, version)
    old = published_version(document, version - 1) if new else None
    if new is None or old is None:
        raise Http404("No earlier version")
    context = context_of(module, document=document, old=old, new=new, changes=version_changes(old, new))
    return render(request, "consultations/changes.html", context)


def image(request, dialogue_id, module_id, image_id):
    """A picture a published version shows; staff who edit the document see the others too (a draft's)."""
    module = public_module_get(request, dialogue_id, module_id)
    found = get_object_or_404(Image, pk=image_id, document__module=module)
    shown = Paragraph.objects.filter(image=found).exclude(version__published_at=None).exists()
    if not shown and not allowed(request.user, "edit", module):
        raise Http404("Not shown in a published version")
    return FileResponse(found.file.open("rb"), content_type=found.content_type)


def attachment(request, dialogue_id, module_id, attachment_id):
    module = public_module_get(request, dialogue_id, module_id)
    found = get_object_or_404(Attachment, pk=attachment_id, document__module=module)
    return FileResponse(
        found.file.open("rb"), content_type="application/pdf", filename=f"{slugify(found.title) or 'bilaga'}.pdf"
    )
