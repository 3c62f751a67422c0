"""The filter form of the public list of dialogues: a GET form where a wrong value is simply ignored."""

from django import forms
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form
from delaktig.organisations import ladders

STATE_CHOICES = [
    ("", _("All")),
    ("open", _("Open now")),
    ("coming", _("Coming")),
    ("finished", _("Closed or finished")),
]
SORT_CHOICES = [("newest", _("Newest first")), ("closing", _("Closing soon"))]


class DialogueFilterForm(Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    state = forms.ChoiceField(label=_("Status"), choices=STATE_CHOICES, required=False)
    body = forms.TypedChoiceField(label=_("Political body"), required=False, coerce=int, empty_value=None)
    ladder_level = forms.ChoiceField(label=_("Influence"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    sort = forms.ChoiceField(label=_("Sort"), choices=SORT_CHOICES, required=False)

    def __init__(self, data, *, municipality, bodies, years):
        super().__init__(data)
        self._municipality, self._bodies, self._years = municipality, bodies, years
        self.fields["q"].widget.input_type = "search"
        self.fields["body"].choices = [("", _("All"))] + [(b.pk, b.name) for b in bodies]
        steps = ladders.levels_for(municipality.ladder_profile)
        self.fields["ladder_level"].choices = [("", _("All"))] + [(s.key, s.label) for s in steps]
        self.fields["year"].choices = [("", _("All"))] + [(y, str(y)) for y in years]
        for field in self.fields.values():
            field.template_name = "dialogues/public/_filter_field.html"  # filters are never "optional"

    def filters(self):
        """The valid values only: a wrong value (year=abc) is dropped, never an error."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "text": (cleaned.get("q") or "").strip(),
            "state": cleaned.get("state") or "",
            "body": cleaned.get("body"),
            "ladder_level": cleaned.get("ladder_level") or "",
            "year": cleaned.get("year"),
            "sort": cleaned.get("sort") or "newest",
        }

    def without_errors(self):
        """A form showing only the values that were used, so a bad address never shows an error."""
        if not self.errors:
            return self
        valid = {name: self.data.get(name) for name in self.cleaned_data if self.data.get(name)}
        return type(self)(valid, municipality=self._municipality, bodies=self._bodies, years=self._years)

    def is_filtered(self):
        values = self.filters()
        return any(values[key] for key in ("text", "state", "body", "ladder_level", "year"))
