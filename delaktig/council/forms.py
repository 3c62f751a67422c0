"""Forms of question time: asking a question (residents), meetings, settings, review and answers (staff)."""

from django import forms
from django.core.validators import URLValidator
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.core.forms import Form, LocalDateTimeField, ModelForm
from delaktig.core.templatetags.delaktig import human_date, human_datetime
from delaktig.identity import selectors as identity

from .models import Meeting, QuestionTimeSettings, RefusalReason, Topic, WhoMayAsk, validate_time_mark
from .selectors import addressee_label, addressees

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT_MAX = 2000


WEB_LINK = [
    URLValidator(schemes=["http", "https"], message=_("Write a web address that begins with https://"), code="not_web")
]


class MeetingChoice(forms.ModelChoiceField):
    def label_from_instance(self, meeting):
        if self.with_body:
            return f"{meeting.body.name}, {human_date(timezone.localdate(meeting.starts_at))}"
        return f"{human_datetime(meeting.starts_at)}, {meeting.place}"

    def __init__(self, *args, with_body=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.with_body = with_body


class AddresseeChoice(forms.ModelChoiceField):
    def label_from_instance(self, membership):
        return addressee_label(membership)


class QuestionForm(Form):
    meeting = MeetingChoice(
        label=pgettext_lazy("council", "Meeting"),
        queryset=Meeting.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    addressee = AddresseeChoice(
        label=_("Who is the question to?"),
        queryset=None,
        required=False,
        help_text=_("Choose a person, or leave it as it is to ask the whole body."),
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=[("", "–"), *Topic.choices])
    text = forms.CharField(
        label=_("Your question"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("At most 2,000 characters. Ask one question, briefly."),
    )
    asker_name = forms.CharField(label=_("Your name"), max_length=150)
    lives_here = forms.BooleanField(label="", required=True)
    submission_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, body, meetings, rules, **kwargs):
        super().__init__(*args, **kwargs)
        self.body = body
        self.fields["meeting"].queryset = meetings
        self.fields["addressee"].queryset = addressees(body)
        self.fields["addressee"].empty_label = str(_("The whole body: %(body)s")) % {"body": body.name}
        if rules.who_may_ask == WhoMayAsk.RESIDENTS:
            self.fields["lives_here"].label = str(_("I live in %(municipality)s")) % {
                "municipality": body.municipality.name
            }
            self.fields["lives_here"].error_messages["required"] = _(
                "Only residents of the municipality may ask questions. Tick the box if you live here."
            )
        else:
            del self.fields["lives_here"]

    def addressee_text(self):
        addressee = self.cleaned_data.get("addressee")
        return addressee_label(addressee) if addressee else self.body.name

    def topic_text(self):
        return dict(Topic.choices).get(self.cleaned_data.get("topic"), "")


class AgendaFileInput(forms.ClearableFileInput):
    """The stored agenda is linked where the public reads it (uploads are not served from /media/)."""

    template_name = "council/widgets/agenda_input.html"
    public_url = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["public_url"] = self.public_url
        return context


class MeetingForm(ModelForm):
    starts_at = LocalDateTimeField(label=_("Starts"), widget=DATETIME_WIDGET, help_text=_("Date and time"))
    ends_at = LocalDateTimeField(label=_("Ends"), widget=DATETIME_WIDGET, help_text=_("Date and time"))
    agenda_url = forms.URLField(
        label=_("Link to the agenda"), required=False, assume_scheme="https", validators=WEB_LINK
    )
    minutes_url = forms.URLField(
        label=_("Link to the minutes"),
        required=False,
        assume_scheme="https",
        validators=WEB_LINK,
        help_text=_("Add it after the meeting."),
    )
    recording_url = forms.URLField(
        label=_("Link to the recording"), required=False, assume_scheme="https", validators=WEB_LINK
    )

    class Meta:
        model = Meeting
        fields = [
            "starts_at",
            "ends_at",
            "place",
            "has_question_time",
            "agenda_url",
            "agenda_file",
            "minutes_url",
            "recording_url",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        widget = AgendaFileInput()
        if self.instance.pk:
            widget.public_url = reverse("council:agenda", args=[self.instance.municipality.slug, self.instance.pk])
        self.fields["agenda_file"].widget = widget

    def clean_agenda_file(self):
        upload = self.cleaned_data.get("agenda_file")
        if upload and hasattr(upload, "content_type"):
            if not upload.name.lower().endswith(".pdf") or not _starts_as_pdf(upload):
                raise forms.ValidationError(_("Upload the agenda as a PDF file."))
            if upload.size > 20 * 1024 * 1024:
                raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", pgettext_lazy("council", "The meeting must end after it starts."))
        return cleaned

    def values(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


def _starts_as_pdf(upload):
    """A PDF file begins with "%PDF-" (a renamed text or Word file does not)."""
    head = upload.read(5)
    upload.seek(0)
    return head == b"%PDF-"


class CancelForm(Form):
    reason = forms.CharField(
        label=_("Why is the meeting cancelled?"), max_length=300, help_text=_("Shown on the meeting's page.")
    )


class SettingsForm(ModelForm):
    class Meta:
        model = QuestionTimeSettings
        fields = [
            "deadline_days",
            "max_per_meeting",
            "max_per_person",
            "minutes_allotted",
            "asked_in_person",
            "who_may_ask",
            "identity_level",
        ]
        widgets = {"who_may_ask": forms.RadioSelect}

    def clean(self):
        cleaned = super().clean()
        for name in ("max_per_meeting", "max_per_person"):
            if cleaned.get(name) == 0:
                self.add_error(name, _("Write at least 1."))
        per_person, per_meeting = cleaned.get("max_per_person"), cleaned.get("max_per_meeting")
        if per_person and per_meeting and per_person > per_meeting:
            self.add_error(
                "max_per_person",
                _("A person cannot ask more questions than the meeting takes (%(max)s).") % {"max": per_meeting},
            )
        if (cleaned.get("deadline_days") or 0) > 90:
            self.add_error("deadline_days", _("Write at most 90 days."))
        problem = identity.level_unreachable(self.instance.body.municipality, cleaned.get("identity_level") or 0)
        if problem:
            self.add_error("identity_level", problem)
        return cleaned

    def values(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class ReviewForm(Form):
    APPROVE, REFUSE = "approve", "refuse"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve the question")), (REFUSE, _("Do not approve"))],
        widget=forms.RadioSelect,
    )
    reason = forms.ChoiceField(
        label=_("Reason, if not approved"), choices=[("", "–"), *RefusalReason.choices], required=False
    )
    text = forms.CharField(
        label=_("Explanation to the asker"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=TEXT_MAX,
        required=False,
        help_text=_("Sent to the asker with the reason."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.REFUSE:
            if not cleaned.get("reason"):
                self.add_error("reason", _("Choose why the question is not approved."))
            if cleaned.get("reason") == RefusalReason.OTHER and not cleaned.get("text", "").strip():
                self.add_error("text", _("Explain the reason to the asker."))
        return cleaned


class AnswerForm(Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 8}), max_length=10000)
    answered_by = forms.CharField(
        label=_("Answered by"), max_length=200, help_text=_("Name and role, for example: Anna Andersson (S), chair")
    )
    answered_on = forms.DateField(label=_("Answered on"), widget=DATE_WIDGET, help_text=_("For example 2026-11-23"))
    answer_url = forms.URLField(
        label=_("Link to the minutes or recording"), required=False, assume_scheme="https", validators=WEB_LINK
    )
    answer_time_mark = forms.CharField(
        label=_("Time in the recording"),
        required=False,
        max_length=10,
        validators=[validate_time_mark],
        help_text=_("Hours:minutes:seconds, for example 1:23:45"),
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting

    def clean_answered_on(self):
        value = self.cleaned_data["answered_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future. Write the day the question was answered."))
        if value < self.meeting.local_date():
            raise forms.ValidationError(
                _("The question was answered at or after the meeting on %(date)s. Write that day or a later one.")
                % {"date": human_date(self.meeting.local_date())}
            )
        return value

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("answer_time_mark") and not cleaned.get("answer_url"):
            self.add_error("answer_url", _("A time in the recording needs the link to the recording."))
        return cleaned


class ArchiveForm(Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    body = forms.ModelChoiceField(
        label=_("Body"), queryset=None, required=False, empty_label=pgettext_lazy("council", "All bodies")
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=[("", _("All topics")), *Topic.choices], required=False)
    meeting = MeetingChoice(
        label=pgettext_lazy("council", "Meeting"),
        queryset=None,
        required=False,
        empty_label=_("All meetings"),
        with_body=True,
    )

    def __init__(self, *args, bodies, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = bodies
        self.fields["meeting"].queryset = meetings
