"""Forms of the results workspace. Choices are always the dialogue's own themes, so another id is an error."""

from django import forms
from django.db import connection
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form
from delaktig.participation.models import Channel
from delaktig.participation.registry import registry

from .models import CompiledResults
from .services import NAME_MAX


class ThemeForm(Form):
    name = forms.CharField(label=_("Name of the theme"), max_length=NAME_MAX)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What belongs to the theme, so that everyone tags the same way."),
    )


class ThemeEditForm(ThemeForm):
    order = forms.IntegerField(label=_("Order"), min_value=0, max_value=9999, help_text=_("Lower numbers come first."))


def theme_choice_field(themes, *, label, required=True):
    return forms.ModelChoiceField(label=label, queryset=themes, required=required, empty_label=_("Choose a theme"))


class MergeForm(Form):
    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"] = theme_choice_field(themes, label=_("Merge into"))


class QuoteForm(Form):
    text = forms.CharField(
        label=_("The quote"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Copy a sentence or a part of the input and paste it here. Leave empty to quote the whole input."),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=1000, help_text=_("Only staff see the note."))

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"] = theme_choice_field(themes, label=_("Theme"), required=False)
        self.order_fields(["text", "theme", "note"])


class SuggestionForm(Form):
    """One suggestion: accept (perhaps renamed), merge into a theme, or dismiss."""

    action = forms.ChoiceField(choices=[("accept", "accept"), ("merge", "merge"), ("dismiss", "dismiss")])
    name = forms.CharField(label=_("Name of the new theme"), required=False, max_length=NAME_MAX)

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"] = theme_choice_field(themes, label=_("Existing theme"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("action") == "merge" and not data.get("theme"):
            self.add_error("theme", _("Choose the theme to merge the suggestion into."))
        return data


class InputFilterForm(Form):
    """The GET form above the list of inputs. A wrong value is dropped, never an error."""

    q = forms.CharField(label=_("Search in the text"), required=False, max_length=200)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    method = forms.ChoiceField(label=_("Way of taking part"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), required=False)

    def __init__(self, data, *, themes, modules):
        super().__init__(data)
        self.fields["q"].widget.input_type = "search"
        self.fields["theme"].choices = [("", _("All")), ("none", _("Without a theme"))] + [
            (str(t.pk), t.name) for t in themes
        ]
        self.fields["method"].choices = [("", _("All"))] + [(str(m.pk), _module_label(m)) for m in modules]
        self.fields["channel"].choices = [("", _("All"))] + list(Channel.choices)

    def filters(self):
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: (cleaned.get(name) or "").strip() for name in ("q", "theme", "method", "channel")}


def _module_label(module):
    manifest = registry.get(module.method)
    return f"{module.name} ({manifest.name})" if manifest else module.name


def compiled_results_fields():
    """The form fields of CompiledResults on the dialogue's "Compile the results" page, under the names that page
    has always used (its change log and the open data name them so)."""
    field = CompiledResults._meta.get_field
    count = field("offline_participant_count")
    highest = connection.ops.integer_field_range(count.get_internal_type())[1]  # as the model would validate
    return {
        "results_summary": field("summary").formfield(),
        "offline_participant_count": count.formfield(max_value=highest),
    }
