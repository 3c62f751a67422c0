"""Forms of a document consultation. Every error is a sentence that says how to fix it."""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.core.forms import Form
from delaktig.core.images import PhotoError, photo_clean
from delaktig.participation.forms_inputs import PseudonymMixin

from . import text as reading
from .models import COMMENT_MAX, AnswerRole, Position, Represents, Source
from .public_names import COMMENT_NAMES
from .word_pictures import Staged

PDF_MAX = 20 * 1024 * 1024
TEXT_MAX = 2_000_000
SIGNING_SALT = "consultations.outline"


class ImportForm(Form):
    source = forms.ChoiceField(
        label=_("Where does the text come from?"),
        choices=Source.choices,
        widget=forms.RadioSelect,
        initial=Source.DOCX,
        error_messages={"required": _("Choose where the text comes from.")},
    )
    file = forms.FileField(
        label=_("Word file (.docx)"),
        required=False,
        help_text=_("At most 20 MB. Headings become chapters. If the form shows an error, choose the file again."),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx"}),
    )
    text = forms.CharField(
        label=_("Text"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_(
            "Markdown: lines that start with # are headings and start chapters; a blank line starts a new "
            "paragraph. Pasted text without headings becomes one chapter."
        ),
    )
    note = forms.CharField(
        label=_("What changed"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For a new version: a few words about what changed since the last one."),
    )

    def clean(self):
        data = super().clean()
        source = data.get("source")
        try:
            if source == Source.DOCX:
                upload = data.get("file")
                if not upload:
                    self.add_error("file", _("Choose a Word file (.docx)."))
                    return data
                data["outline"] = reading.from_docx(_read(upload, reading.MAX_BYTES))
            elif source in (Source.MARKDOWN, Source.PASTED):
                if not (data.get("text") or "").strip():
                    self.add_error("text", _("Write or paste the text of the document."))
                    return data
                data["outline"] = reading.from_markdown(data["text"])
        except reading.DocumentError as error:
            self.add_error("file" if source == Source.DOCX else "text", error.message)
        return data


def _read(upload, limit):
    if upload.size > limit:
        raise reading.DocumentError(_("The file is larger than 20 MB."))
    return upload.read()


def outline_sign(outline: reading.Outline, pictures: list[Staged] | tuple = ()) -> str:
    """The outline previewed, and the Word file's pictures kept aside for it, signed, so saving stores exactly what
    staff saw."""
    chapters = [[c.title, c.level, [[p.kind, p.text, p.source] for p in c.paragraphs]] for c in outline.chapters]
    data = {"title": outline.title, "chapters": chapters, "pictures": [picture.as_list() for picture in pictures]}
    return signing.dumps(data, salt=SIGNING_SALT, compress=True)


def outline_unsign(value: str) -> tuple[reading.Outline, list[Staged]]:
    data = signing.loads(value, salt=SIGNING_SALT)
    chapters = [
        reading.Chapter(title, level, [reading.Paragraph(*p) for p in paragraphs])
        for title, level, paragraphs in data["chapters"]
    ]
    pictures = [Staged(*picture) for picture in data.get("pictures", [])]
    return reading.Outline(data["title"], chapters), pictures


class SaveForm(Form):
    """The second step of an import: the previewed outline, signed."""

    outline = forms.CharField(widget=forms.HiddenInput)
    source = forms.ChoiceField(choices=Source.choices, widget=forms.HiddenInput)
    note = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)

    def clean_outline(self):
        try:
            outline, self.cleaned_data["pictures"] = outline_unsign(self.cleaned_data["outline"])
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise forms.ValidationError(_("The preview is too old. Import the text again.")) from None
        return outline


class ImageForm(Form):
    file = forms.FileField(
        label=_("Picture"),
        help_text=_("JPEG, PNG or WebP, at most 10 MB. Location and other hidden data are removed."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={"required": _("Choose a picture.")},
    )
    description = forms.CharField(
        label=_("Description of the picture"),
        max_length=500,
        help_text=_("What the picture shows, for those who cannot see it."),
        error_messages={"required": _("Describe what the picture shows.")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.cleaned_data["photo"] = photo_clean(upload.read())
        except PhotoError as error:
            raise forms.ValidationError(error.message) from None
        return upload

    def clean(self):
        data = super().clean()
        if "file" in data and "photo" in self.cleaned_data:
            data["photo"] = self.cleaned_data["photo"]
        return data


class DescriptionForm(Form):
    """The description of a picture already added (one taken from a Word file without one, say)."""

    description = forms.CharField(
        label=_("Description of the picture"),
        max_length=500,
        help_text=_("What the picture shows, for those who cannot see it."),
        error_messages={"required": _("Describe what the picture shows.")},
    )


class AttachmentForm(Form):
    title = forms.CharField(
        label=_("Title of the attachment"),
        max_length=200,
        error_messages={"required": _("Write a title for the attachment.")},
    )
    file = forms.FileField(
        label=_("PDF file"),
        help_text=_("At most 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        error_messages={"required": _("Choose a PDF file.")},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > PDF_MAX:
            raise forms.ValidationError(_("The file is larger than 20 MB. Choose a smaller PDF file."))
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(_("The file is not a PDF. Choose a PDF file."))
        return upload


class RepresentsMixin:
    def clean(self):
        data = super().clean()
        named = data.get("represents") in (Represents.ORGANISATION, Represents.AUTHORITY)
        if named and not (data.get("organisation") or "").strip():
            self.add_error("organisation", _("Write the name of the organisation or authority."))
        return data


def _represents_field():
    return forms.ChoiceField(
        label=_("Whom do you represent?"),
        choices=Represents.choices,
        widget=forms.RadioSelect,
        initial=Represents.MYSELF,
        error_messages={"required": _("Choose whom you represent.")},
    )


def _organisation_field():
    return forms.CharField(
        label=_("Name of the organisation or authority"),
        required=False,
        max_length=200,
        help_text=_("Only if you comment on behalf of an organisation or an authority. The name is shown."),
    )


YOUR_COMMENT = pgettext_lazy("consultation", "Your comment")


def _comment_field(label=YOUR_COMMENT):
    return forms.CharField(
        label=label,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write your comment.")},
    )


class CommentForm(PseudonymMixin, RepresentsMixin, Form):
    """A resident's comment; where the dialogue asks for a pseudonym, the one the person used before in its
    consultations is offered, and one someone else comments under there is refused."""

    text = _comment_field()
    represents = _represents_field()
    organisation = _organisation_field()

    def __init__(self, *args, dialogue=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if dialogue is not None:
            self.setup_pseudonym(dialogue, user, COMMENT_NAMES)


class DeskCommentForm(RepresentsMixin, Form):
    """One comment that came by letter or e-mail, as the desk ("Registrera inkommet") enters it."""

    place = forms.ChoiceField(
        label=_("What does the comment concern?"),
        choices=[("hela", _("The whole document"))],
        initial="hela",
        error_messages={"invalid_choice": _("Choose a part of the document from the list.")},
    )
    text = _comment_field(pgettext_lazy("consultation", "Comment"))
    represents = _represents_field()
    organisation = _organisation_field()
    sender_name = forms.CharField(
        label=_("Sender's name"),
        required=False,
        max_length=200,
        help_text=_("Kept for the case, never shown publicly."),
    )
    sender_address = forms.CharField(
        label=_("Sender's postal or e-mail address"),
        required=False,
        max_length=300,
        help_text=_("Kept for the case, never shown publicly."),
    )

    def __init__(self, *args, module=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.published = True
        if module is not None:
            from .selectors import document_of, published_version
            from .selectors_places import place_choices

            self.published = published_version(document_of(module)) is not None
            self.fields["place"].choices = place_choices(module)

    def clean(self):
        data = super().clean()
        if not self.published:
            raise forms.ValidationError(_("The document is not published yet. Publish it before you enter comments."))
        return data


class AnswerForm(Form):
    role = forms.ChoiceField(
        label=_("You answer as"),
        choices=AnswerRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you answer as an officer or a politician.")},
    )
    text = forms.CharField(
        label=_("Official answer"),
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Shown publicly under the comment, with your name. Those who follow the document get an e-mail."),
        error_messages={"required": _("Write the answer.")},
    )


class PositionForm(Form):
    position = forms.ChoiceField(
        label=_("The municipality's position"),
        choices=Position.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether the comment is taken into account.")},
    )
    response = forms.CharField(
        label=_("Response and reason"),
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the municipality answers in the consultation report, and why."),
        error_messages={"required": _("Write the response and the reason for the position.")},
    )


class SummaryForm(Form):
    text = forms.CharField(
        label=_("Summary of the comments"),
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the comments on this part say, in a few sentences. Shown in the consultation report."),
    )


class ModerateForm(Form):
    comment = forms.IntegerField(min_value=1)
    publish = forms.TypedChoiceField(
        choices=[("1", _("Publish")), ("0", _("Remove"))], coerce=lambda value: value == "1"
    )
    reason = forms.CharField(required=False, max_length=30)
