"""Forms of the proposals staff workspace: settings, categories, list filters, moderation, decision, records."""

import datetime
import os
from decimal import Decimal

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form, ModelForm
from delaktig.identity import selectors as identity
from delaktig.organisations import case_numbers
from delaktig.organisations.models import Decision

from ..models import Category, Proposal, ProposalSettings, RejectionReason, Route, Status

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_PERIOD_DAYS = 366
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
# Allowed decision attachments: extension -> how the file must begin (pdf; docx and odt are zip files).
ATTACHMENT_SIGNATURES = {".pdf": b"%PDF", ".docx": b"PK\x03\x04", ".odt": b"PK\x03\x04"}
NOTE_LIMIT = 4000
DECISION_LIMIT = 20_000


class ThresholdKind:
    NUMBER = "number"
    PER_MILLE = "per_mille"
    CHOICES = [(NUMBER, _("A fixed number of signatures")), (PER_MILLE, _("Per mille of the population"))]


class ProposalSettingsForm(ModelForm):
    threshold_kind = forms.ChoiceField(
        label=_("How the threshold is set"), choices=ThresholdKind.CHOICES, widget=forms.RadioSelect
    )
    signing_period_choices = forms.CharField(
        label=_("Periods the proposer may choose from (days)"),
        required=False,
        max_length=200,
        help_text=_("For example “30, 60, 90”. Leave empty to use the signing period above for every proposal."),
    )
    report_months = forms.TypedMultipleChoiceField(
        label=_("Months of the report on unfinished citizen proposals"),
        choices=[(number, name) for number, name in MONTHS.items()],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The law asks for a report twice a year. Usually April and October."),
    )

    complaints_url = forms.URLField(
        label=ProposalSettings._meta.get_field("complaints_url").verbose_name,
        required=False,
        assume_scheme="https",
        max_length=200,
        help_text=_("Complaints and fault reports are not published. We tell the proposer to go here."),
    )

    class Meta:
        model = ProposalSettings
        fields = [
            "epetitions_enabled",
            "threshold_kind",
            "threshold_number",
            "threshold_per_mille",
            "population",
            "signing_period_days",
            "signing_period_choices",
            "propose_identity_level",
            "sign_identity_level",
            "routing",
            "below_threshold",
            "duplicate_window_months",
            "complaints_url",
            "complaints_email",
            "citizen_proposals_enabled",
            "citizen_proposals_from",
            "citizen_proposals_closed_message",
            "report_months",
        ]
        widgets = {"citizen_proposals_from": DATE_WIDGET}
        help_texts = {
            "epetitions_enabled": _("Residents write proposals that others sign. At the threshold a body handles it."),
            "threshold_number": _("Used when the threshold is a fixed number. Common: 25 to 100."),
            "threshold_per_mille": _(
                "Used when the threshold is per mille. For example 1 means 1 ‰ of the population."
            ),
            "population": _("Needed for a per mille threshold. Update it once a year from SCB."),
            "signing_period_days": _("Common: 30 days to 12 months."),
            "propose_identity_level": _("A confirmed e-mail address is enough in most municipalities."),
            "sign_identity_level": _(
                "Signers below this level confirm their signature by a link in an e-mail; at e-identification "
                "they log in with it."
            ),
            "routing": _("The committee is the one responsible for the proposal's category."),
            "below_threshold": _("What happens when the period ends with too few signatures."),
            "duplicate_window_months": _("Moderators see similar proposals from this period as possible duplicates."),
            "complaints_email": _("If you give an address, we forward complaints and fault reports to it."),
            "citizen_proposals_enabled": _("Proposals to the council that are answered within one year."),
            "citizen_proposals_from": _("Leave empty to offer them from today."),
            "citizen_proposals_closed_message": _("Shown to residents when citizen proposals are not offered."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rules = self.instance
        self.initial.setdefault(
            "threshold_kind", ThresholdKind.PER_MILLE if rules.threshold_per_mille else ThresholdKind.NUMBER
        )
        self.initial["signing_period_choices"] = ", ".join(str(days) for days in rules.signing_period_choices or [])
        limits = {
            "threshold_number": (1, 1_000_000),
            "signing_period_days": (1, MAX_PERIOD_DAYS),
            "duplicate_window_months": (0, 60),
            "population": (1, 10_000_000),
        }
        for name, (low, high) in limits.items():
            self.fields[name].validators += [MinValueValidator(low), MaxValueValidator(high)]
            self.fields[name].widget.attrs.update(min=low, max=high)
        self.fields["threshold_per_mille"].validators += [
            MinValueValidator(Decimal("0.01")),
            MaxValueValidator(Decimal("100")),
        ]
        self.fields["citizen_proposals_closed_message"].max_length = NOTE_LIMIT
        self.fields["citizen_proposals_closed_message"].widget.attrs.update(rows=3, maxlength=NOTE_LIMIT)

    def clean_signing_period_choices(self):
        text = self.cleaned_data["signing_period_choices"]
        parts = [part for part in text.replace(";", ",").replace(" ", ",").split(",") if part]
        try:
            days = sorted({int(part) for part in parts})
        except ValueError:
            raise forms.ValidationError(
                _("Write whole numbers of days separated by commas, like “30, 60, 90”.")
            ) from None
        if any(not 1 <= value <= MAX_PERIOD_DAYS for value in days):
            raise forms.ValidationError(_("Each period must be from 1 to 366 days."))
        return days

    def clean(self):
        data = super().clean()
        for name in ("propose_identity_level", "sign_identity_level"):
            problem = identity.level_unreachable(self.instance.municipality, data.get(name) or 0)
            if problem:
                self.add_error(name, problem)
        if data.get("threshold_kind") == ThresholdKind.PER_MILLE:
            if not data.get("threshold_per_mille") and "threshold_per_mille" not in self.errors:
                self.add_error("threshold_per_mille", _("Give the per mille, or choose a fixed number."))
            if not data.get("population") and "population" not in self.errors:
                self.add_error("population", _("A per mille threshold needs the population."))
        else:
            data["threshold_per_mille"] = None
        offered = data.get("epetitions_enabled") or data.get("citizen_proposals_enabled")
        if offered and not (data.get("complaints_url") or data.get("complaints_email")):
            self.add_error(
                "complaints_url",
                _("Give a web address or an e-mail address for complaints, so we can tell proposers where to go."),
            )
        if data.get("citizen_proposals_enabled") and not data.get("report_months"):
            self.add_error("report_months", _("Choose at least one month for the report on citizen proposals."))
        return data

    def changed_values(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "threshold_kind"}


class CategoryForm(ModelForm):
    class Meta:
        model = Category
        fields = ["name", "responsible_body", "skips_threshold"]
        help_texts = {
            "responsible_body": _("The committee that handles proposals in this category."),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["responsible_body"].queryset = municipality.bodies.all()

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = Category.objects.filter(municipality=self.municipality, name__iexact=name)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("There is already a category with this name."))
        return name


def _choices_with_all(choices):
    return [("", _("All")), *choices]


class StaffFilterForm(Form):
    """The GET filters of the staff list; a value that is not a choice is simply ignored."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False)
    route = forms.ChoiceField(label=_("Kind"), required=False)
    category = forms.TypedChoiceField(label=_("Category"), required=False, coerce=int, empty_value=None)
    body = forms.TypedChoiceField(label=_("Body"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, categories, bodies):
        super().__init__(data)
        self.fields["status"].choices = _choices_with_all(Status.choices)
        self.fields["route"].choices = _choices_with_all(Route.choices)
        self.fields["category"].choices = _choices_with_all((c.pk, c.name) for c in categories)
        self.fields["body"].choices = _choices_with_all((b.pk, b.name) for b in bodies)

    def filters(self):
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}

    def is_filtered(self):
        return bool(self.is_bound and self.filters())


class RejectForm(Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=RejectionReason.choices, widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Explanation to the proposer"),
        required=False,
        max_length=NOTE_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": NOTE_LIMIT}),
        help_text=_("Sent by e-mail with the reason. Write it so the proposer understands what to do instead."),
    )


class DecisionForm(case_numbers.OtherNumberWarningMixin, case_numbers.CaseNumberFormMixin, ModelForm):
    """The decision, kept in a Decision (organisations), and its attachment, kept with the proposal.

    The decision's number starts as the proposal's; another number warns before anything is saved.
    """

    # Form field -> the part of the Decision it fills. The names are the ones staff and the change log know.
    DECISION_PARTS = {
        "decision_body": "body",
        "decision_date": "date",
        "decision_minute_item": "minute_item",
        "decision_number": "number",
        "decision_text": "text",
    }
    case_number_fields = ("decision_number",)
    decision_number_field = "decision_number"

    class Meta:
        model = Proposal
        fields = ["decision_attachment"]
        help_texts = {
            "decision_minute_item": _("For example “§ 45”."),
            "decision_number": _("The proposal's case number is filled in. Change it only if the minutes say another."),
            "decision_text": _("Write the decision so that residents understand it. It is published and e-mailed."),
            "decision_attachment": _("The minutes extract or the decision: pdf, docx or odt, at most 10 MB."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = self.instance.municipality
        self.matter_number = self.instance.registration_number
        recorded = self.instance.decision
        for name, part in self.DECISION_PARTS.items():
            self.fields[name] = Decision._meta.get_field(part).formfield()
            self.fields[name].help_text = self._meta.help_texts.get(name, "")
            if recorded is not None:
                self.initial[name] = getattr(recorded, "body_id" if part == "body" else part)
        self.order_fields(self.DECISION_PARTS)
        self.fields["decision_date"].widget = DATE_WIDGET
        self.fields["decision_text"].widget = forms.Textarea(attrs={"rows": 8})
        self.fields["decision_body"].queryset = self.instance.municipality.bodies.all()
        for name in ("decision_body", "decision_date", "decision_text"):
            self.fields[name].required = True
        self.fields["decision_text"].max_length = DECISION_LIMIT
        self.fields["decision_text"].widget.attrs["maxlength"] = DECISION_LIMIT
        self.fields["decision_attachment"].widget.attrs["accept"] = ".pdf,.docx,.odt"
        self.fields["decision_number"].label = _("Case number of the decision")
        if not (recorded and recorded.number):
            self.initial["decision_number"] = self.instance.registration_number
        self.other_number_prepare(args[0] if args else kwargs.get("data"))

    def clean(self):
        data = super().clean()
        self.other_number_check()
        return data

    def decision(self):
        """The decision as the service takes it: {body, date, minute_item, text}."""
        return {part: self.cleaned_data[name] for name, part in self.DECISION_PARTS.items()}

    def clean_decision_date(self):
        value = self.cleaned_data["decision_date"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The date of the decision cannot be in the future."))
        if value and value < datetime.date(2000, 1, 1):
            raise forms.ValidationError(_("Give a date after 1 January 2000."))
        submitted = self.instance.submitted_at
        start = timezone.localtime(submitted).date() if submitted else None
        case_numbers.date_not_before(value, start, BEFORE_SUBMITTED)
        return value

    def clean_decision_attachment(self):
        upload = self.cleaned_data.get("decision_attachment")
        if not isinstance(upload, UploadedFile):
            return upload
        extension = os.path.splitext(upload.name)[1].lower()
        if extension not in ATTACHMENT_SIGNATURES:
            raise forms.ValidationError(_("The file must be a pdf, docx or odt file."))
        if upload.size > MAX_ATTACHMENT_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB. Make it smaller or split it."))
        head = upload.read(4)
        upload.seek(0)
        if not head.startswith(ATTACHMENT_SIGNATURES[extension]):
            raise forms.ValidationError(_("The file is not a real %(type)s file.") % {"type": extension[1:]})
        return upload


BEFORE_SUBMITTED = _("The decision cannot be from before the proposal was sent in on %(start)s. Check the date.")


class ReferForm(Form):
    """Remiss: the board that prepares the proposal, when it was sent, and by when its answer is wanted."""

    body = forms.ModelChoiceField(
        label=_("Board"),
        queryset=None,
        help_text=_("The board (nämnd) that prepares the proposal and answers the council."),
        error_messages={
            "required": _("Choose the board."),
            "invalid_choice": _("Choose one of the boards in the list."),
        },
    )
    sent_on = forms.DateField(
        label=_("Date sent"),
        widget=DATE_WIDGET,
        error_messages={"required": _("Write the date the proposal was sent to the board, e.g. 2026-11-23.")},
    )
    due_on = forms.DateField(
        label=_("Answer wanted by (optional)"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Leave empty if the board has no date to answer by."),
    )

    def __init__(self, data=None, *, proposal):
        super().__init__(data, initial={"sent_on": timezone.localdate()})
        self.proposal = proposal
        self.fields["body"].queryset = proposal.municipality.bodies.exclude(kind="council").order_by("name")

    def clean_sent_on(self):
        day = self.cleaned_data["sent_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date is in the future. Refer the proposal when it is sent."))
        submitted = self.proposal.submitted_at
        start = timezone.localtime(submitted).date() if submitted else None
        case_numbers.date_not_before(day, start, _("The proposal was sent in on %(start)s. Give a date from then on."))
        return day

    def clean(self):
        data = super().clean()
        sent, due = data.get("sent_on"), data.get("due_on")
        if sent and due and due < sent:
            self.add_error("due_on", _("The answer cannot be wanted before the proposal is sent."))
        return data


class ReferralAnswerForm(Form):
    answer = forms.CharField(
        label=_("The board's answer"),
        max_length=DECISION_LIMIT,
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": DECISION_LIMIT}),
        help_text=_("Write it so that residents understand it. It is published and e-mailed to the proposer."),
        error_messages={"required": _("Write the board's answer.")},
    )
    answered_on = forms.DateField(
        label=_("Date of the answer"),
        widget=DATE_WIDGET,
        error_messages={"required": _("Write the date of the board's answer, e.g. 2026-11-23.")},
    )

    def __init__(self, data=None, *, referral):
        super().__init__(data)
        self.referral = referral

    def clean_answered_on(self):
        day = self.cleaned_data["answered_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date is in the future. Record the answer when it has come."))
        sent = self.referral.sent_on if self.referral else None
        case_numbers.date_not_before(
            day, sent, _("The proposal was referred on %(start)s. The answer cannot be dated before that.")
        )
        return day


class NumberChangeForm(case_numbers.CaseNumberFormMixin, Form):
    """A corrected case number for the proposal, with the reason the change log keeps."""

    registration_number = forms.CharField(
        label=_("Case number"),
        max_length=case_numbers.MAX_LENGTH,
        error_messages={"required": _("Write the case number.")},
    )
    case_number_reason = case_numbers.reason_field()
    case_number_fields = ("registration_number",)

    def __init__(self, data=None, *, proposal, prefix="number"):
        super().__init__(data, initial={"registration_number": proposal.registration_number}, prefix=prefix)
        self.municipality = proposal.municipality
        self.case_number_before = proposal.registration_number


class AnswerMailingForm(Form):
    send_again = forms.BooleanField(
        label=_("Yes, send the answer again to everyone"),
        required=False,
        help_text=_("The answer has already been sent once. Only send it again if it was wrong or incomplete."),
    )


class RegistryFilterForm(Form):
    date_from = forms.DateField(label=_("Received from"), required=False, widget=DATE_WIDGET)
    date_to = forms.DateField(label=_("Received until"), required=False, widget=DATE_WIDGET)

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date must be on or after the start date."))
        return data
