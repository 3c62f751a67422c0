"""Staff forms of the standing forums. Attached agendas and minutes must be PDF files of at most 20 MB."""

from django import forms
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import ModelForm

from .models import Consultation, Forum, ForumMeeting, ForumMember, Statement

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_FILE_BYTES = 20 * 1024 * 1024


def pdf_checked(upload, message):
    """A newly uploaded file must be a PDF (named .pdf and beginning with "%PDF-") of at most 20 MB."""
    if not upload or not hasattr(upload, "content_type"):
        return upload
    head = upload.read(5)
    upload.seek(0)
    if not upload.name.lower().endswith(".pdf") or head != b"%PDF-":
        raise forms.ValidationError(message)
    if upload.size > MAX_FILE_BYTES:
        raise forms.ValidationError(_("The file is larger than 20 MB."))
    return upload


class ForumForm(ModelForm):
    class Meta:
        model = Forum
        fields = ["name", "kind", "purpose", "body"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["body"].queryset = municipality.bodies.order_by("name")
        self.fields["body"].required = False

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        taken = Forum.objects.filter(municipality=self.municipality, name__iexact=name).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("There is already a forum with that name."))
        return name


class MemberForm(ModelForm):
    class Meta:
        model = ForumMember
        fields = ["name", "role", "represents", "term_start", "term_end", "email", "phone"]
        widgets = {"term_start": DATE_WIDGET, "term_end": DATE_WIDGET}

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("term_start"), cleaned.get("term_end")
        if start and end and end < start:
            self.add_error("term_end", _("The term must end on or after the day it starts."))
        return cleaned


class MeetingForm(ModelForm):
    class Meta:
        model = ForumMeeting
        fields = ["held_on", "place", "agenda", "agenda_file", "minutes", "minutes_file"]
        widgets = {
            "held_on": DATE_WIDGET,
            "agenda": forms.Textarea(attrs={"rows": 6}),
            "minutes": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "agenda_file": _("Optional. A PDF file of at most 20 MB."),
            "minutes_file": _("Optional. A PDF file of at most 20 MB."),
        }

    def clean_agenda_file(self):
        return pdf_checked(self.cleaned_data.get("agenda_file"), _("Upload the agenda as a PDF file."))

    def clean_minutes_file(self):
        return pdf_checked(self.cleaned_data.get("minutes_file"), _("Upload the minutes as a PDF file."))


class ConsultationForm(ModelForm):
    class Meta:
        model = Consultation
        fields = [
            "title",
            "description",
            "asked_on",
            "registration_number",
            "deciding_body",
            "response",
            "responded_on",
        ]
        widgets = {"asked_on": DATE_WIDGET, "responded_on": DATE_WIDGET}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deciding_body"].queryset = municipality.bodies.order_by("name")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("response") and not cleaned.get("responded_on"):
            self.add_error("responded_on", _("Say when the deciding body decided."))
        asked, decided = cleaned.get("asked_on"), cleaned.get("responded_on")
        if asked and decided and decided < asked:
            self.add_error("responded_on", _("The decision cannot come before the forum was asked."))
        return cleaned


class StatementForm(ModelForm):
    class Meta:
        model = Statement
        fields = ["given_on", "meeting", "text"]
        widgets = {"given_on": DATE_WIDGET, "text": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = forum.meetings.all()
        self.fields["meeting"].required = False
