from django import forms
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form

TEXT_LIMIT = 50_000
PDF_LIMIT = 10 * 1024 * 1024


def _text(label, required, help_text=""):
    widget = forms.Textarea(attrs={"rows": 8, "maxlength": str(TEXT_LIMIT)})
    return forms.CharField(
        label=label, required=required, help_text=help_text, max_length=TEXT_LIMIT, widget=widget, strip=True
    )


class GenerateForm(Form):
    """What the officer writes for a new version; the rest comes from the dialogue and its results."""

    registration_number = forms.CharField(
        label=_("Registration number of the case"),
        max_length=40,
        help_text=_("The dialogue has no case number. For example KS 2026/123."),
        error_messages={"required": _("Enter the registration number of the case, for example KS 2026/123.")},
    )
    assessment = _text(
        _("The officer's assessment"),
        True,
        _("What the results mean for the matter, and what you propose. It comes last in the decision basis."),
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

    def __init__(self, *args, needs_number=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assessment"].error_messages["required"] = _("Write the officer's assessment.")
        if not needs_number:
            del self.fields["registration_number"]

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
