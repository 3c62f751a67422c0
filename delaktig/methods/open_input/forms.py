from django import forms
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form
from delaktig.participation.demographics import AgeBand, Gender
from delaktig.participation.forms_inputs import PseudonymMixin

from .models import TEXT_MAX, TITLE_MAX
from .selectors import INPUTS
from .services import MAX_CATEGORIES, categories_of


class CategoryMixin:
    """A category field whose choices are the module's categories; hidden when there are none."""

    def setup_category(self, module):
        categories = categories_of(module)
        if categories:
            self.fields["category"].choices = [("", _("Choose a category"))] + [(c, c) for c in categories]
        else:
            del self.fields["category"]


ABOUT_FIELDS = ("age_band", "gender", "area")


class AboutYouMixin:
    """The voluntary "About you" fieldset: age band, gender and (when the municipality has areas) area."""

    def setup_about_you(self, municipality, *, staff=False):
        self.fields["age_band"] = forms.ChoiceField(
            label=_("Age"), required=False, choices=[("", _("No answer"))] + list(AgeBand.choices)
        )
        self.fields["gender"] = forms.ChoiceField(
            label=_("Gender"), required=False, choices=[("", _("No answer"))] + list(Gender.choices)
        )
        areas = municipality.areas.all()
        if areas.exists():
            self.fields["area"] = forms.ModelChoiceField(
                label=_("Where do you live?") if not staff else _("Where does the person live?"),
                required=False,
                queryset=areas,
                empty_label=_("No answer"),
            )

    def main_fields(self):
        return [field for field in self if field.name not in ABOUT_FIELDS and field.name != "wants_updates"]

    def about_fields(self):
        return [field for field in self if field.name in ABOUT_FIELDS]

    def about_values(self):
        data = self.cleaned_data
        return {"age_band": data.get("age_band", ""), "gender": data.get("gender", ""), "area": data.get("area")}


class InputForm(CategoryMixin, PseudonymMixin, AboutYouMixin, Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX,
        help_text=_("A short summary of your idea or view, at most 150 characters."),
    )
    text = forms.CharField(
        label=_("Your idea or view"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Describe what you think and why, at most 4 000 characters."),
    )
    category = forms.ChoiceField(label=_("Category"), required=False, choices=())
    wants_updates = forms.BooleanField(
        widget=forms.CheckboxInput(attrs={"aria-describedby": "id_wants_updates_helptext"}),
        label=_("Send me an e-mail about what happens with the input of the dialogue"),
        required=False,
        help_text=_("We write when the results are compiled and when the politicians have decided."),
    )

    def __init__(self, *args, module, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_category(module)
        self.setup_pseudonym(module.dialogue, user, INPUTS)
        if not module.dialogue.stores_account:
            del self.fields["wants_updates"]  # nobody to write to: the account is not kept
        self.setup_about_you(module.dialogue.municipality)

    def draft(self):
        """What the session keeps between the steps (plain values only)."""
        data = self.cleaned_data
        area = data.get("area")
        return {
            "title": data["title"],
            "text": data["text"],
            "category": data.get("category", ""),
            "wants_updates": data.get("wants_updates", False),
            "age_band": data.get("age_band", ""),
            "gender": data.get("gender", ""),
            "area": area.pk if area else "",
            **({"pseudonym": self.pseudonym()} if self.pseudonym() else {}),
        }

    def values(self):
        """What input_create() takes."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "text": data["text"],
            "category": data.get("category", ""),
            "wants_updates": data.get("wants_updates", False),
            "pseudonym": self.pseudonym(),
            **self.about_values(),
        }


class DeskInputForm(CategoryMixin, AboutYouMixin, Form):
    """The fields of one input at the desk ("Registrera inkommet"); the desk asks the channel, date and meeting."""

    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    text = forms.CharField(label=_("The input"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 5}))
    author_name = forms.CharField(
        label=_("Name shown"),
        max_length=120,
        required=False,
        help_text=_("Only if the person wants their name shown. Leave empty to show the input as anonymous."),
    )
    category = forms.ChoiceField(label=_("Category"), required=False, choices=())

    def __init__(self, *args, module, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_category(module)
        if not module.dialogue.shows_names:
            del self.fields["author_name"]  # the dialogue shows everyone as "Anonymous participant"
        elif module.dialogue.asks_for_pseudonym:
            self.fields["author_name"].label = _("Pseudonym shown")
            self.fields["author_name"].help_text = _(
                "Only if the person gave a made-up name to show. Never their real name. Leave empty to show the "
                "input as anonymous."
            )
        self.setup_about_you(module.dialogue.municipality, staff=True)


class CategoriesForm(Form):
    categories = forms.CharField(
        label=_("Categories"),
        required=False,
        max_length=MAX_CATEGORIES * 101,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One category per line, at most 30. Residents choose one when they give input."),
    )

    def lines(self):
        return self.cleaned_data["categories"].splitlines()


SORT_CHOICES = [("new", _("Newest first")), ("supports", _("Most supported first"))]


class InputFilterForm(Form):
    """The GET form above the list. A wrong value is dropped, never an error."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    category = forms.ChoiceField(label=_("Category"), required=False, choices=())
    sort = forms.ChoiceField(label=_("Sort"), required=False, choices=SORT_CHOICES)

    def __init__(self, data, *, module):
        super().__init__(data)
        self.fields["q"].widget.input_type = "search"
        categories = categories_of(module)
        if categories:
            self.fields["category"].choices = [("", _("All"))] + [(c, c) for c in categories]
        else:
            del self.fields["category"]

    def filters(self):
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "search": (cleaned.get("q") or "").strip(),
            "category": cleaned.get("category") or "",
            "sort": cleaned.get("sort") or "new",
        }

    def without_errors(self, module):
        """A form showing only the values that were used, so a bad address never shows an error."""
        if not self.errors:
            return self
        valid = {name: self.data.get(name) for name in self.cleaned_data if self.data.get(name)}
        return type(self)(valid, module=module)
