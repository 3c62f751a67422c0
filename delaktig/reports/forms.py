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
