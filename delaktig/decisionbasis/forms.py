from django import forms
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form
from delaktig.organisations.models import Body, Membership

from . import selectors
from .models import AttachmentKind, proposed_points

TEXT_LIMIT = 50_000
PDF_LIMIT = 10 * 1024 * 1024
LOGO_LIMIT = 1024 * 1024
LOGO_MAX_PIXELS = 25_000_000
# The first bytes of the image files a logo may be: PNG and JPEG (both print in PDF and Word).
LOGO_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", (".png",)), (b"\xff\xd8\xff", (".jpg", ".jpeg")))


ATTACHMENT_LIMIT = 10 * 1024 * 1024
ATTACHMENTS_TOTAL_LIMIT = 25 * 1024 * 1024
ATTACHMENTS_MAX = 10
NAME_LIMIT = 200

MISSING_PROPOSAL = _("Write the proposed decision: at least one point, one per line.")
NOT_AN_IMAGE = _("The file is not a PNG or JPEG image. Choose a PNG or JPEG file.")
MISSING_CHILD_RIGHTS = _("Write the child-rights assessment: the decision affects children.")


def _text(label, required, help_text=""):
    widget = forms.Textarea(attrs={"rows": 8, "maxlength": str(TEXT_LIMIT)})
    return forms.CharField(
        label=label, required=required, help_text=help_text, max_length=TEXT_LIMIT, widget=widget, strip=True
    )


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented way): a list, empty when none was chosen."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        one = super().clean
        if isinstance(data, (list, tuple)):
            return [one(item, initial) for item in data if item]
        return [one(data, initial)] if data else []


class GenerateForm(Form):
    """What the officer writes for a new version; the rest comes from the dialogue and its results."""

    registration_number = forms.CharField(
        label=_("Registration number of the case"),
        max_length=40,
        help_text=_("The dialogue has no case number. For example KS 2026/123."),
        error_messages={"required": _("Enter the registration number of the case, for example KS 2026/123.")},
    )
    addressee: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("To"),
        queryset=Body.objects.none(),
        help_text=_("The body that decides the matter."),
        error_messages={"required": _("Choose the body that decides the matter.")},
    )
    signer: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Signed by"),
        queryset=Membership.objects.none(),
        help_text=_("The officer responsible for the report. Name and title are printed as text."),
        error_messages={"required": _("Choose who signs the decision basis.")},
    )
    background = _text(
        _("Background of the matter"),
        False,
        _("Why the matter came up and what has happened so far. Filled in from the dialogue's background."),
    )
    proposed_decision = _text(
        _("Proposed decision"),
        True,
        _("One point per line. The points are numbered in the document."),
    )
    assessment = _text(
        _("The officer's assessment"),
        True,
        _("What the results mean for the matter, and why you propose what you propose."),
    )
    children_affected = forms.BooleanField(
        label=_("The decision affects children"),
        required=False,
        help_text=_("Then the decision basis has a child-rights assessment (barnkonsekvensanalys)."),
    )
    child_rights_text = _text(
        _("Child-rights assessment"),
        False,
        _("How the decision affects children and young people, and how their views were heard."),
    )
    representativeness_text = _text(
        _("Comment on who took part"),
        False,
        _("For example which groups were reached and which were not. Shown next to the figures."),
    )
    consultation_text = _text(
        _("Consultation report"), False, _("The consultation report (samrådsredogörelse) as text, if there is one.")
    )
    consultation_file = forms.FileField(
        label=_("Consultation report as a PDF file"),
        required=False,
        help_text=_("At most 10 MB. If the form shows an error, you need to choose the file again."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    attachments = MultipleFileField(
        label=_("Other attachments"),
        required=False,
        help_text=_(
            "For example a map, a report or an earlier decision: PDF, Word (.docx), PNG or JPEG, at most 10 MB each "
            "and 10 files. You can choose several at once. If the form shows an error, you need to choose the files "
            "again."
        ),
        widget=MultipleFileInput(
            attrs={
                "accept": "application/pdf,.pdf,application/vnd.openxmlformats-officedocument."
                "wordprocessingml.document,.docx,image/png,.png,image/jpeg,.jpg,.jpeg"
            }
        ),
    )

    def __init__(self, *args, dialogue, needs_number=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessment"].error_messages["required"] = _("Write the officer's assessment.")
        self.fields["proposed_decision"].error_messages["required"] = MISSING_PROPOSAL
        addressee, signer = self.fields["addressee"], self.fields["signer"]
        assert isinstance(addressee, forms.ModelChoiceField) and isinstance(signer, forms.ModelChoiceField)
        addressee.queryset = dialogue.municipality.bodies.order_by("name")
        signer.queryset = selectors.signers_for(dialogue.municipality)
        signer.label_from_instance = selectors.signer_label  # type: ignore[method-assign]
        self.children_among_target_groups = selectors.children_among_target_groups(dialogue)
        if self.children_among_target_groups:
            del self.fields["children_affected"]
            self.fields["child_rights_text"].help_text = _(
                "Required: children or young people are among the dialogue's target groups. How the decision "
                "affects them, and how their views were heard."
            )
        if not needs_number:
            del self.fields["registration_number"]

    def clean_proposed_decision(self):
        text = self.cleaned_data.get("proposed_decision", "")
        if not proposed_points(text):
            raise forms.ValidationError(MISSING_PROPOSAL)
        return text

    def clean(self):
        cleaned = super().clean() or {}
        applies = self.children_among_target_groups or cleaned.get("children_affected")
        if applies and not (cleaned.get("child_rights_text") or "").strip():
            self.add_error("child_rights_text", MISSING_CHILD_RIGHTS)
        return cleaned

    def clean_consultation_file(self):
        upload = self.cleaned_data.get("consultation_file")
        if not upload:
            return None
        if upload.size > PDF_LIMIT:
            raise forms.ValidationError(_("The file is larger than 10 MB. Choose a smaller PDF file."))
        head = upload.read(5)
        upload.seek(0)
        if not upload.name.lower().endswith(".pdf") or head != b"%PDF-":
            raise forms.ValidationError(_("The file is not a PDF. Choose a PDF file."))
        return upload

    def clean_attachments(self):
        """[(upload, AttachmentKind)]: each file checked by its first bytes, not only by its name."""
        uploads = self.cleaned_data.get("attachments") or []
        if len(uploads) > ATTACHMENTS_MAX:
            raise forms.ValidationError(
                _("You chose %(count)s files. Attach at most %(max)s.")
                % {"count": len(uploads), "max": ATTACHMENTS_MAX}
            )
        errors, checked = [], []
        for upload in uploads:
            shown = {"name": upload.name[:NAME_LIMIT]}
            kind = attachment_kind(upload)
            if upload.size > ATTACHMENT_LIMIT:
                errors.append(_("“%(name)s” is larger than 10 MB. Choose a smaller file.") % shown)
            elif kind is None:
                errors.append(
                    _("“%(name)s” is not a PDF, a Word file (.docx) or a PNG or JPEG image. Choose such a file.")
                    % shown
                )
            else:
                checked.append((upload, kind))
        if not errors and sum(upload.size for upload, _kind in checked) > ATTACHMENTS_TOTAL_LIMIT:
            errors.append(_("The attachments are larger than 25 MB together. Choose fewer or smaller files."))
        if errors:
            raise forms.ValidationError(errors)
        return checked


def attachment_kind(upload):
    """The AttachmentKind the file really is (its first bytes and its name agree), or None."""
    head = upload.read(8)
    upload.seek(0)
    name = upload.name.lower()
    if head.startswith(b"%PDF-") and name.endswith(".pdf"):
        return AttachmentKind.PDF
    if head.startswith(b"PK\x03\x04") and name.endswith(".docx") and _is_word(upload):
        return AttachmentKind.DOCX
    for magic, ends in LOGO_SIGNATURES:
        if head.startswith(magic) and name.endswith(ends) and _opens_as_image(upload):
            return AttachmentKind.PNG if ends == (".png",) else AttachmentKind.JPEG
    return None


def _is_word(upload):
    import zipfile

    try:
        with zipfile.ZipFile(upload) as archive:
            found = "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        found = False
    upload.seek(0)
    return found


class LetterheadForm(Form):
    logo = forms.FileField(
        label=_("Logo"),
        help_text=_("A PNG or JPEG file of at most 1 MB. It is printed at the top of the first page."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,.png,.jpg,.jpeg"}),
        error_messages={"required": _("Choose a logo file.")},
    )

    def clean_logo(self):
        upload = self.cleaned_data["logo"]
        if upload.size > LOGO_LIMIT:
            raise forms.ValidationError(_("The file is larger than 1 MB. Choose a smaller image."))
        head = upload.read(8)
        upload.seek(0)
        name = upload.name.lower()
        if not any(head.startswith(magic) and name.endswith(ends) for magic, ends in LOGO_SIGNATURES):
            raise forms.ValidationError(NOT_AN_IMAGE)
        if not _opens_as_image(upload):
            raise forms.ValidationError(NOT_AN_IMAGE)
        return upload


def _opens_as_image(upload):
    """Pillow reads the whole file as a PNG or JPEG of a sensible size: the PDF and Word renderers will too."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(upload) as image:
            ok = image.format in ("PNG", "JPEG") and image.width * image.height <= LOGO_MAX_PIXELS
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        ok = False
    upload.seek(0)
    return ok
