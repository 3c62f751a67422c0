import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from delaktig.core import forms as core_forms
from delaktig.core.forms import Form
from delaktig.core.templatetags.delaktig import human_datetime
from delaktig.participation.demographics import AgeBand, Gender
from delaktig.participation.models import Channel

from .desk import StatementDeskForm
from .models import GROUP_MAX, TEXT_MAX, TITLE_MAX, RegistrationStatus

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
END_EXAMPLE = _("Date and time, for example 2027-03-12 20:00")  # two hours after the start's example


def local_time(naive):
    """A wall-clock time in Stockholm as an aware datetime. On the night the clocks go back, a time that happens
    twice is the first of the two (summer time); a time that does not happen (the night they go forward) is an
    error."""
    zone = timezone.get_current_timezone()
    aware = naive.replace(tzinfo=zone, fold=0)
    if aware.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise ValidationError(
            _("That time does not exist: the clocks go forward an hour that night. Choose another time."),
            code="nonexistent",
        )
    return aware


class LocalDateTimeField(core_forms.LocalDateTimeField):
    """A date and time in Stockholm, written as 2027-03-12 18:00 (or from a datetime-local input); the nights the
    clocks change are read as core.forms.LocalDateTimeField reads them."""

    default_error_messages = {"invalid": _("Write the date and time like this: 2027-03-12 18:00.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT))
        kwargs.setdefault("help_text", _("Date and time, for example 2027-03-12 18:00"))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, datetime.datetime) and timezone.is_aware(value):
            return timezone.localtime(value)
        return value


class RegistrationForm(Form):
    name = forms.CharField(label=_("Name"), max_length=120, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send your confirmation here, with a link to cancel if you cannot come."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    interpretation = forms.CharField(
        label=_("Do you need an interpreter?"),
        max_length=200,
        required=False,
        help_text=_("Say which language, or sign language."),
    )
    diet = forms.CharField(
        label=_("Food and allergies"),
        max_length=200,
        required=False,
        help_text=_("If there is coffee or food, we take this into account."),
    )
    assistance = forms.CharField(
        label=_("Other help you need"),
        max_length=300,
        required=False,
        help_text=_("For example a place for a wheelchair, a hearing loop or help to get to the room."),
    )
    wants_updates = forms.BooleanField(
        widget=forms.CheckboxInput(attrs={"aria-describedby": "id_wants_updates_helptext"}),
        label=_("Send me an e-mail about what happens with what comes in"),
        required=False,
        help_text=_("We write when the results are compiled and when the politicians have decided."),
    )

    def values(self):
        data = self.cleaned_data
        names = ("name", "email", "interpretation", "diet", "assistance", "wants_updates")
        return {name: data.get(name) for name in names}

    def need_fields(self):
        return [self[name] for name in ("interpretation", "diet", "assistance")]


class LinkAgainForm(Form):
    email = forms.EmailField(
        label=_("The e-mail address you registered with"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def _check_deadline(form, cleaned, starts):
    deadline = cleaned.get("registration_deadline")
    if deadline and starts and deadline > starts:
        form.add_error("registration_deadline", _("The last day to register must be before the meeting starts."))


def _check_times(form, cleaned, *, now=None):
    starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
    if starts and starts <= (now or timezone.now()):
        form.add_error("starts_at", _("The meeting cannot start in the past. Write a time that has not passed."))
    if starts and ends and ends <= starts:
        form.add_error("ends_at", _("The meeting must end after it starts."))
    _check_closes(form, starts, ends)
    _check_deadline(form, cleaned, starts)


def _check_closes(form, starts, ends):
    """A meeting after the dialogue has closed would gather input nobody can take into account."""
    closes = form.closes
    if closes is None or not (starts and ends) or ends <= closes:
        return
    message = _("The dialogue closes %(closes)s. The meeting must be over by then.") % {
        "closes": human_datetime(closes)
    }
    form.add_error("starts_at" if starts >= closes else "ends_at", message)


class MeetingForm(Form):
    title = forms.CharField(
        label=_("Title"), max_length=TITLE_MAX, help_text=_("For example “Dialogue meeting in Sunnemo”.")
    )
    description = forms.CharField(
        label=_("What happens at the meeting"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    starts_at = LocalDateTimeField(label=_("Starts"))
    ends_at = LocalDateTimeField(label=_("Ends"), help_text=END_EXAMPLE)
    place = forms.CharField(label=_("Place"), max_length=200, help_text=_("For example “Sunnemo bygdegård”."))
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    languages = forms.CharField(
        label=_("Languages spoken"),
        max_length=200,
        required=False,
        help_text=_("For example “svenska, finska”."),
    )
    step_free = forms.BooleanField(label=_("Step-free access"), required=False)
    hearing_loop = forms.BooleanField(label=_("Hearing loop"), required=False)
    interpretation = forms.BooleanField(label=_("Interpreter on request"), required=False)
    sign_language = forms.BooleanField(label=_("Sign language interpreter"), required=False)
    childcare = forms.BooleanField(label=_("Childcare"), required=False)
    online_url = forms.URLField(
        label=_("Link to take part online"),
        required=False,
        assume_scheme="https",
        help_text=_("When the meeting is also held online. Only people registered get the link."),
    )
    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        max_value=100_000,
        required=False,
        help_text=_("When the meeting is full, people can join a waiting list. Empty: no limit."),
    )
    registration_deadline = LocalDateTimeField(
        label=_("Last time to register"),
        required=False,
        help_text=_("Empty: people can register until the meeting starts."),
    )

    ACCESSIBILITY = ("step_free", "hearing_loop", "interpretation", "sign_language", "childcare")

    def __init__(self, *args, meeting=None, closes=None, **kwargs):
        self.meeting, self.closes = meeting, closes  # closes: when the dialogue's last phase ends
        super().__init__(*args, **kwargs)
        if meeting is not None:  # the time changes only by moving the meeting, which tells everyone
            del self.fields["starts_at"], self.fields["ends_at"]

    def clean_capacity(self):
        """Fewer places than people registered is refused: the meeting would be overbooked without anyone being
        told. Staff who need fewer places cancel registrations first (each person is told why)."""
        capacity = self.cleaned_data.get("capacity")
        if self.meeting is None or capacity is None:
            return capacity
        registered = self.meeting.registrations.filter(status=RegistrationStatus.REGISTERED).count()
        if capacity < registered:
            raise ValidationError(
                ngettext(
                    "%(n)s person has a place, so there must be at least %(n)s place. To have fewer, first cancel "
                    "registrations on the attendance list.",
                    "%(n)s people have a place, so there must be at least %(n)s places. To have fewer, first cancel "
                    "registrations on the attendance list.",
                    registered,
                )
                % {"n": registered},
                code="below_registered",
            )
        return capacity

    def clean(self):
        cleaned = super().clean()
        if self.meeting is None:
            _check_times(self, cleaned)
        else:
            _check_deadline(self, cleaned, self.meeting.starts_at)
        return cleaned

    def accessibility_fields(self):
        return [self[name] for name in self.ACCESSIBILITY]

    def main_fields(self):
        return [field for field in self if field.name not in self.ACCESSIBILITY]


class MoveForm(Form):
    starts_at = LocalDateTimeField(label=_("New start"))
    ends_at = LocalDateTimeField(label=_("New end"), help_text=END_EXAMPLE)
    registration_deadline = LocalDateTimeField(
        label=_("Last time to register"),
        required=False,
        help_text=_("Empty: people can register until the meeting starts."),
    )
    reason = forms.CharField(
        label=_("Why the meeting is moved"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Everyone registered and waiting reads this in the e-mail about the new time."),
    )

    def __init__(self, *args, closes=None, **kwargs):
        self.closes = closes  # when the dialogue's last phase ends
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        _check_times(self, cleaned)
        return cleaned


class CancelForm(Form):
    reason = forms.CharField(
        label=_("Why the meeting is cancelled"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Everyone registered and waiting reads this in the e-mail."),
    )


class RegistrationCancelForm(Form):
    """Staff cancel one registration; the reason is optional and goes into the person's e-mail."""

    reason = forms.CharField(
        label=_("Why the registration is cancelled"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The person reads this in the e-mail that tells them the municipality has cancelled it."),
    )


def _count_field(label):
    return forms.IntegerField(label=label, min_value=0, max_value=100_000, required=False)


class RecordForm(Form):
    """What happened at the meeting: a summary and how many came, optionally by age and gender."""

    summary = forms.CharField(
        label=_("Summary of the meeting"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the meeting was about and what people said most. It is published on the meeting's page."),
    )
    present_count = forms.IntegerField(
        label=_("Number of people present"),
        min_value=0,
        max_value=100_000,
        help_text=_("Count the residents in the room, not staff or politicians."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in AgeBand.choices:
            self.fields[f"age_{value}"] = _count_field(label)
        for value, label in Gender.choices:
            self.fields[f"gender_{value}"] = _count_field(label)

    @classmethod
    def initial_for(cls, meeting):
        initial = {"summary": meeting.summary, "present_count": meeting.present_count}
        initial.update({f"age_{key}": n for key, n in meeting.present_by_age.items()})
        initial.update({f"gender_{key}": n for key, n in meeting.present_by_gender.items()})
        return initial

    def age_fields(self):
        return [self[f"age_{value}"] for value in AgeBand.values]

    def gender_fields(self):
        return [self[f"gender_{value}"] for value in Gender.values]

    def by_age(self):
        return {value: self.cleaned_data.get(f"age_{value}") or 0 for value in AgeBand.values}

    def by_gender(self):
        return {value: self.cleaned_data.get(f"gender_{value}") or 0 for value in Gender.values}

    def clean(self):
        cleaned = super().clean()
        present = cleaned.get("present_count")
        if present is None or self.errors:
            return cleaned
        if sum(self.by_age().values()) > present:
            self.add_error(None, _("The age groups add up to more than the number of people present."))
        if sum(self.by_gender().values()) > present:
            self.add_error(None, _("The genders add up to more than the number of people present."))
        return cleaned


class StatementForm(StatementDeskForm):
    """One statement on the meeting's own page: the desk's fields, and the table or group and how it came in."""

    group = forms.CharField(
        label=_("Table or group"),
        max_length=GROUP_MAX,
        required=False,
        help_text=_("Kept after each save, so you can enter a whole table's notes in a row."),
    )
    channel = forms.ChoiceField(
        label=_("How it came in"),
        help_text=_("Also kept after each save."),
        choices=[(Channel.MEETING.value, _("Said at the meeting")), (Channel.PAPER.value, _("Written on paper there"))],
        initial=Channel.MEETING.value,
        widget=forms.RadioSelect,
    )

    field_order = ["group", "text", "title", "speaker_name", "channel"]
