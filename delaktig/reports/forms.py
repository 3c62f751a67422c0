from django import forms
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form


class YearForm(Form):
    """The year of the report, from a GET query (?ar=2025). A year outside the list is a clear error."""

    ar = forms.TypedChoiceField(
        label=_("Year"),
        coerce=int,
        error_messages={
            "invalid_choice": _("Choose one of the years in the list. The report shows %(default)s instead."),
            "required": _("Choose a year."),
        },
    )

    def __init__(self, *args, years, default, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["ar"]
        field.choices = [(year, str(year)) for year in years]
        field.initial = default
        message = field.error_messages["invalid_choice"]
        field.error_messages["invalid_choice"] = str(message).replace("%(default)s", str(default))

    def year(self, default):
        """The chosen year; when the choice is wrong, the default, and the list shows it (the error stays)."""
        if not self.is_bound:
            return default
        if self.is_valid():
            return self.cleaned_data["ar"]
        self.data = self.data.copy()
        self.data["ar"] = str(default)
        return default


DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TextsForm(Form):
    """The democracy officer's texts of the year's report; the service checks them (errors land on the fields)."""

    proposed_resolution = forms.CharField(
        label=_("Proposed resolution"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the council is asked to decide. Usually that it places the report on file."),
    )
    action_points = forms.CharField(
        label=_("Action points (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "What the municipality should do next year, from what the report shows. One action point a line, "
            "at most 400 characters each and 4,000 in all."
        ),
    )


class PresentForm(Form):
    meeting_date = forms.DateField(
        label=_("Date of the council meeting"),
        widget=DATE_WIDGET,
        help_text=_("The meeting where the council received the report. For example 2027-03-15."),
        error_messages={
            "required": _("Enter the date of the council meeting."),
            "invalid": _("Enter the date as year-month-day, for example 2027-03-15."),
        },
    )
    confirm = forms.BooleanField(
        label=_("The council has received the report, and it may be published on the public site"),
        error_messages={"required": _("Tick the box to confirm that the council has received the report.")},
    )
