"""Forms of the public proposal pages: writing a proposal, searching the list, commenting, withdrawing."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from delaktig.core.forms import Form
from delaktig.organisations.models import Body

from ..models import PUBLIC_STATUSES, Category, Route, Status

TITLE_MAX = 150
TEXT_MAX = 6000
COMMENT_MAX = 2000
SEARCH_MAX = 200


class ProposalForm(Form):
    """What the proposer writes. Plain text only: whatever is typed is stored as it is and always escaped."""

    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        help_text=_("Say in one sentence what you propose, at most 150 characters."),
    )
    text = forms.CharField(
        label=_("Your proposal"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Describe what you want the municipality to do and why, at most 6 000 characters."),
    )
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.none(), empty_label=_("Choose a category")
    )
    signing_days = forms.TypedChoiceField(
        label=_("How long may people sign?"), coerce=int, choices=(), widget=forms.RadioSelect
    )
    proposer_name = forms.CharField(
        label=_("Name shown with the proposal"),
        max_length=150,
        help_text=_("Everyone can see this name. Your e-mail address is never shown."),
    )

    def __init__(self, *args, municipality, route, rules, **kwargs):
        super().__init__(*args, **kwargs)
        # The browser would cut pasted text at the limit without a word; the server says so instead.
        self.fields["text"].widget.attrs.pop("maxlength", None)
        self._setup_category(municipality)
        self._setup_signing_days(route, rules)

    def _setup_category(self, municipality):
        categories = Category.objects.filter(municipality=municipality)
        if categories.exists():
            self.fields["category"].queryset = categories
        else:
            del self.fields["category"]

    def _setup_signing_days(self, route, rules):
        days = [d for d in (rules.signing_period_choices or []) if isinstance(d, int) and d > 0]
        if route != Route.EPETITION or not days:
            del self.fields["signing_days"]
            return
        label = lambda n: ngettext("%(days)s day", "%(days)s days", n) % {"days": n}  # noqa: E731
        self.fields["signing_days"].choices = [(d, label(d)) for d in days]

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if not text:
            raise forms.ValidationError(_("Write your proposal."))
        return text

    def draft(self):
        """What goes into the session between writing and sending (JSON-safe)."""
        data = self.cleaned_data
        category = data.get("category")
        return {
            "title": data["title"],
            "text": data["text"],
            "category": category.pk if category else None,
            "signing_days": data.get("signing_days"),
            "proposer_name": data["proposer_name"],
        }


def draft_as_data(draft):
    """A stored draft back as form data, to check it again before it is sent."""
    data = {key: draft.get(key) for key in ("title", "text", "proposer_name")}
    data["category"] = draft.get("category") or ""
    data["signing_days"] = draft.get("signing_days") or ""
    return data


SORTS = {
    "signed": _("Most signed"),
    "newest": _("Newest"),
    "ending": _("Ending soon"),
}


class ProposalFilterForm(Form):
    """The GET form of the list. Anything it cannot read is left out, never an error page."""

    q = forms.CharField(label=_("Search"), required=False, max_length=SEARCH_MAX)
    status = forms.ChoiceField(label=_("Status"), required=False)
    category = forms.ModelChoiceField(
        label=_("Category"), required=False, queryset=Category.objects.none(), empty_label=_("All categories")
    )
    body = forms.ModelChoiceField(
        label=_("Handled by"), required=False, queryset=Body.objects.none(), empty_label=_("All bodies")
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=list(SORTS.items()))

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        public = [(s.value, s.label) for s in Status if s in PUBLIC_STATUSES]
        self.fields["status"].choices = [("", _("All statuses")), *public]
        self.fields["category"].queryset = Category.objects.filter(municipality=municipality)
        self.fields["body"].queryset = Body.objects.filter(municipality=municipality)
        self.municipality = municipality

    def filters(self):
        """The valid filters, each one on its own: a broken parameter drops only itself."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "q": " ".join((data.get("q") or "").split()),
            "status": data.get("status") or "",
            "category": data.get("category"),
            "body": data.get("body"),
            "sort": data.get("sort") or "newest",
        }

    def without_errors(self):
        """The same form showing what was valid, so a bad parameter does not show an error message."""
        filters = self.filters()
        initial = {**filters, "category": filters["category"], "body": filters["body"]}
        return ProposalFilterForm(initial=initial, municipality=self.municipality)


class CommentForm(Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("At most 2 000 characters. We read comments before we publish them."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].widget.attrs.pop("maxlength", None)
