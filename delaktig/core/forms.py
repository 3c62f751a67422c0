"""Form conventions: every field rendered with label, hint and its error beside it (templates/forms/)."""

import copy

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _


class Renderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class AccessibleFormMixin:
    """Marks invalid fields for assistive technology and ties each error message to its field.

    The marks go on a copy of the widget: a widget may be shared (one date widget set on fields by several forms),
    and marks left on a shared one would call the next form's field invalid, pointing at an error it does not show.
    """

    def full_clean(self):
        super().full_clean()
        for name in getattr(self, "_errors", None) or {}:
            if name in self.fields:
                field = self.fields[name]
                described = [f"{self[name].auto_id}_error"]
                if field.help_text:
                    described.append(f"{self[name].auto_id}_helptext")
                field.widget = copy.copy(field.widget)
                field.widget.attrs = {
                    **field.widget.attrs,
                    "aria-invalid": "true",
                    "aria-describedby": " ".join(described),
                }


class Form(AccessibleFormMixin, forms.Form):
    pass


class ModelForm(AccessibleFormMixin, forms.ModelForm):
    pass


class AccessibilityReportForm(Form):
    page = forms.CharField(label=_("Which page is it about?"), max_length=300)
    description = forms.CharField(
        label=_("Describe the problem"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
    email = forms.EmailField(label=_("Your e-mail address"), required=False)
