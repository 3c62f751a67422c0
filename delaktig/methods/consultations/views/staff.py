"""Staff pages of the document: its state and versions, importing text with a preview, pictures, attachments,
publishing."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from delaktig.participation.rules import allowed

from .. import services, word_pictures
from ..forms import AttachmentForm, DescriptionForm, ImageForm, ImportForm, SaveForm, outline_sign
from ..models import Attachment, Image, Source
from ..selectors import (
    chapters_of,
    comment_counts,
    latest_version,
    pictures_named,
    pictures_undescribed,
    published_version,
)
from .common import context_of, guard, url


def index(request, dialogue_id, module_id):
    """The document's state and versions; a version not yet published is published or removed here (posted)."""
    module, refused = guard(request, dialogue_id, module_id, "edit")
    if refused:
        return refused
    document = services.document_for(module)
    if request.method == "POST":
        if request.POST.get("publish"):
            _publish(request, module, request.POST["publish"])
        elif request.POST.get("discard"):
            _discard(request, module, request.POST["discard"])
        return redirect(url("index", module))
    latest = latest_version(document)
    published = published_version(document)
    draft = latest if latest is not None and latest.published_at is None else None
    context = context_of(
        module,
        document=document,
        latest=latest,
        published=published,
        draft=draft,
        draft_chapters=chapters_of(draft) if draft else [],
        undescribed=pictures_undescribed(latest),
        versions=list(document.versions.order_by("-number")),
        images=list(document.images.all()),
        attachments=list(document.attachments.all()),
        counts=comment_counts(module),
        may_enter=bool(allowed(request.user, "enter", module)),
    )
    return render(request, "consultations/staff/index.html", context)


def import_text(request, dialogue_id, module_id):
    """Step 1: the text (a Word file, Markdown or pasted); step 2: the preview; saving makes a version not yet
    published."""
    module, refused = guard(request, dialogue_id, module_id, "edit")
    if refused:
        return refused
    document = services.document_for(module)
    if request.method == "POST" and "outline" in request.POST:
        save = SaveForm(request.POST)
        if save.is_valid():
            version = services.version_create(
                document=document,
                outline=save.cleaned_data["outline"],
                source=save.cleaned_data["source"],
                note=save.cleaned_data["note"],
                pictures=save.cleaned_data["pictures"],
                actor=request.user,
            )
            messages.success(
                request, _("Version %(number)s is saved. Publish it when it is ready.") % {"number": version.number}
            )
            return redirect(url("index", module))
        form = ImportForm(initial={"source": request.POST.get("source")})
        context = context_of(module, form=form, stale=True)
        return render(request, "consultations/staff/import.html", context)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        outline = form.cleaned_data["outline"]
        staged, skipped = [], []
        if form.cleaned_data["source"] == Source.DOCX:
            staged, skipped = word_pictures.pictures_stage(document=document, outline=outline)
        save = SaveForm(
            initial={
                "outline": outline_sign(outline, staged),
                "source": form.cleaned_data["source"],
                "note": form.cleaned_data["note"],
            }
        )
        context = context_of(
            module,
            outline=outline,
            save=save,
            new_version=latest_version(document) is not None,
            staged={picture.name: picture for picture in staged},
            source_is_word=form.cleaned_data["source"] == Source.DOCX,
            skipped=skipped,
            undescribed=[picture.name for picture in staged if not picture.description],
        )
        return render(request, "consultations/staff/preview.html", context)
    context = context_of(module, form=form, new_version=latest_version(document) is not None)
    return render(request, "consultations/staff/import.html", context)


def _version_or_404(module, number):
    document = services.document_for(module)
    version = document.versions.filter(number=number).first() if str(number).isdigit() else None
    if version is None:
        raise Http404("No such version")
    return version


def _publish(request, module, number):
    found = _version_or_404(module, number)
    if found.published_at is None:
        services.version_publish(version=found, actor=request.user)
        messages.success(request, _("Version %(number)s is published.") % {"number": found.number})
        undescribed = pictures_undescribed(found)
        if undescribed:
            messages.warning(request, _undescribed_text(len(undescribed)))


def _undescribed_text(count):
    return ngettext(
        "%(count)s picture has no description. Those who cannot see it do not learn what it shows: describe it on "
        "the page Pictures.",
        "%(count)s pictures have no description. Those who cannot see them do not learn what they show: describe "
        "them on the page Pictures.",
        count,
    ) % {"count": count}


def _discard(request, module, number):
    found = _version_or_404(module, number)
    if found.published_at is not None or found.remarks.exists():
        messages.error(request, _("A published version cannot be removed."))
    else:
        services.version_discard(version=found, actor=request.user)
        messages.success(request, _("The version that was not published is removed."))


def images(request, dialogue_id, module_id):
    """The document's pictures: those the text names and whether each is added and described, a description for one
    already added (posted with "describe" and its id), and a new picture."""
    module, refused = guard(request, dialogue_id, module_id, "edit")
    if refused:
        return refused
    document = services.document_for(module)
    if request.method == "POST" and "describe" in request.POST:
        return _describe(request, module, document)
    form = ImageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        services.image_add(
            document=document,
            name=upload.name.rsplit("/", 1)[-1][:200],
            description=form.cleaned_data["description"],
            photo=form.cleaned_data["photo"],
            actor=request.user,
        )
        messages.success(request, _("The picture is saved."))
        return redirect(url("images", module))
    return _images_page(request, module, document, form=form)


def _describe(request, module, document):
    image_id = request.POST["describe"]
    if not str(image_id).isdigit():
        raise Http404("No such picture")
    image = get_object_or_404(Image, pk=image_id, document=document)
    form = DescriptionForm(request.POST, prefix=f"bild-{image.pk}")
    if not form.is_valid():
        return _images_page(request, module, document, form=ImageForm(), describing=(image, form))
    services.image_describe(image=image, description=form.cleaned_data["description"], actor=request.user)
    messages.success(request, _("The description of %(name)s is saved.") % {"name": image.name})
    return redirect(url("images", module) + f"#bild-{image.pk}")


def _images_page(request, module, document, *, form, describing=None):
    """The pictures page; `describing` is (picture, its DescriptionForm with errors) after a refused description."""
    pictures = sorted(document.images.all(), key=lambda image: (bool(image.description), image.name))
    forms = {image.pk: _description_form(image) for image in pictures}
    if describing is not None:
        forms[describing[0].pk] = describing[1]
    named = pictures_named(document)
    context = context_of(
        module,
        form=form,
        document=document,
        images=[(image, forms[image.pk]) for image in pictures],
        named=named,
        undescribed=[picture.name for picture in named if picture.image is not None and not picture.described],
        describe_form=describing[1] if describing else None,
    )
    return render(request, "consultations/staff/images.html", context)


def _description_form(image):
    return DescriptionForm(initial={"description": image.description}, prefix=f"bild-{image.pk}")


def attachments(request, dialogue_id, module_id):
    module, refused = guard(request, dialogue_id, module_id, "edit")
    if refused:
        return refused
    document = services.document_for(module)
    if request.method == "POST" and request.POST.get("remove"):
        return _attachment_remove(request, module, request.POST["remove"])
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        services.attachment_add(
            document=document,
            title=form.cleaned_data["title"],
            data=upload.read(),
            file_name="bilaga.pdf",
            actor=request.user,
        )
        messages.success(request, _("The attachment is saved."))
        return redirect(url("attachments", module))
    context = context_of(module, form=form, document=document, attachments=list(document.attachments.all()))
    return render(request, "consultations/staff/attachments.html", context)


def _attachment_remove(request, module, attachment_id):
    if not str(attachment_id).isdigit():
        raise Http404("No such attachment")
    attachment = get_object_or_404(Attachment, pk=attachment_id, document__module=module)
    services.attachment_remove(attachment=attachment, actor=request.user)
    messages.success(request, _("The attachment is removed."))
    return redirect(url("attachments", module))
