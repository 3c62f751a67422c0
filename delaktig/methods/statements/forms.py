"""The resident's and the staff's form for a statement."""

from django import forms
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form

from .models import TEXT_MAX


class StatementForm(Form):
    text = forms.CharField(
        label=_("Your statement"),
        max_length=TEXT_MAX,
        help_text=_("One short thought that others can agree or disagree with. At most 140 characters."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write your statement.")},
    )

    def clean_text(self):
        return " ".join(self.cleaned_data["text"].split())
