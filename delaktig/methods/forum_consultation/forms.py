from django import forms
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form
from delaktig.core.templatetags.delaktig import human_date

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ChooseForm(Form):
    forum = forms.ModelChoiceField(
        label=_("Which forum is consulted?"), queryset=None, empty_label=None, widget=forms.RadioSelect
    )

    def __init__(self, *args, forums, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forum"].queryset = forums


class StatementForm(Form):
    given_on = forms.DateField(label=_("The day the forum gave its statement"), widget=DATE_WIDGET)
    text = forms.CharField(
        label=_("The forum's statement"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Write it as the forum gave it. It is public, without any member's name."),
    )


class StatementLabel(forms.ModelMultipleChoiceField):
    def label_from_instance(self, statement):
        return f"{statement.consultation.title} ({human_date(statement.given_on)}): {statement.text[:120]}"


class PickForm(Form):
    statements = StatementLabel(
        label=_("Statements to take into the dialogue"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, statements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statements"].queryset = statements
