"""Forms shared by the methods whose inputs residents comment on and moderators publish or remove."""

from django import forms
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form

from .identity import pseudonym_clean, pseudonym_field, pseudonym_suggest
from .models import ModerationReason

COMMENT_MAX = 4000  # Comment.text
SUGGESTION_TRIES = 5


class PseudonymMixin:
    """A pseudonym field when the dialogue asks for one, with a suggestion. With `names` (the method's InputReads:
    pseudonym_last_used and pseudonym_taken) it starts as the one the person used before in the dialogue, and a
    pseudonym someone else writes under there is refused."""

    def setup_pseudonym(self, dialogue, user, names=None):
        self.dialogue, self.user, self.names = dialogue, user, names
        if dialogue.asks_for_pseudonym:
            self.fields["pseudonym"] = pseudonym_field(initial=self._pseudonym_initial())

    def _pseudonym_initial(self):
        if self.names is None or not self.user.is_authenticated:
            return pseudonym_suggest()
        used = self.names.pseudonym_last_used(self.dialogue, self.user)
        if used:
            return used
        for _try in range(SUGGESTION_TRIES):
            suggestion = pseudonym_suggest()
            if not self.names.pseudonym_taken(self.dialogue, suggestion, self.user):
                break
        return suggestion

    def clean_pseudonym(self):
        name = pseudonym_clean(self.cleaned_data["pseudonym"], user=self.user)
        if self._taken_by_another(name):
            raise forms.ValidationError(
                _("Someone else already writes as “%(name)s” in this dialogue. Choose another pseudonym.")
                % {"name": name}
            )
        return name

    def _taken_by_another(self, name):
        checks = self.names is not None and self.user.is_authenticated
        return checks and self.names.pseudonym_taken(self.dialogue, name, self.user)

    def pseudonym(self):
        """The pseudonym given; "" when none was asked for, or before the form is cleaned."""
        return getattr(self, "cleaned_data", {}).get("pseudonym", "")


class CommentForm(PseudonymMixin, Form):
    text = forms.CharField(label=_("Your comment"), max_length=COMMENT_MAX, widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, dialogue, user, names=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_pseudonym(dialogue, user, names)


class ModerationForm(Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("publish", _("Publish")), ("remove", _("Remove"))], widget=forms.RadioSelect
    )
    reason = forms.ChoiceField(
        label=_("Reason for removing"),
        required=False,
        choices=[("", _("Choose a reason"))] + list(ModerationReason.choices),
        help_text=_("The writer sees the reason."),
    )
    note = forms.CharField(
        label=_("Note to the writer"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "remove" and not data.get("reason"):
            self.add_error("reason", _("Choose why the post is removed."))
        return data

    @property
    def publish(self):
        return self.cleaned_data["decision"] == "publish"
