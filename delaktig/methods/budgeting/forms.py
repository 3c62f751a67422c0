"""Forms of participatory budgeting: a proposal (online and at the desk), staff's review, the budgets and the
counting rule, the district a voter lives in, and the ballot."""

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from delaktig.core import geo
from delaktig.core.forms import Form, ModelForm
from delaktig.participation.forms_inputs import PseudonymMixin

from .models import NAME_MAX, REASON_MAX, TEXT_MAX, TITLE_MAX, Budget, Rule
from .selectors import INPUTS, budgets_of, districts_of, has_map
from .services import BallotError, Where, ballot_check


class ProjectFieldsMixin:
    """The budget, and where the project is: a point on the map (the map fills two hidden fields; only with the
    municipality's map) or a district from the list (always, so the form works without JavaScript)."""

    def setup_project_fields(self, module):
        self.module = module
        municipality = module.dialogue.municipality
        self.fields["budget"].queryset = Budget.objects.filter(module=module)
        self.fields["district"].queryset = municipality.areas.all()
        self.shapes = [(area, area.geometry) for area in districts_of(module) if area.geometry]
        if not has_map(municipality):
            del self.fields["longitude"]
            del self.fields["latitude"]

    def where(self):
        data = self.cleaned_data
        return Where(longitude=data.get("longitude"), latitude=data.get("latitude"), district=data.get("district"))

    def clean_point(self, data):
        longitude, latitude = data.get("longitude"), data.get("latitude")
        if longitude is None or latitude is None:
            data["longitude"] = data["latitude"] = None
            return data
        try:
            point = geo.geometry_from({"type": "Point", "coordinates": [longitude, latitude]}, kinds=("Point",))
        except geo.GeometryError:
            data["longitude"] = data["latitude"] = None
            return data
        shapes = [(area, geo.geometry_from(shape, kinds=("Polygon", "MultiPolygon"))) for area, shape in self.shapes]
        if data.get("district") is None:
            data["district"] = geo.district_of(point, shapes)
        return data


class ProposalForm(ProjectFieldsMixin, PseudonymMixin, Form):
    budget = forms.ModelChoiceField(
        label=_("Which budget is your proposal for?"),
        queryset=Budget.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a budget."), "invalid_choice": _("Choose a budget.")},
    )
    title = forms.CharField(label=_("Name of the project"), max_length=TITLE_MAX)
    text = forms.CharField(
        label=_("Describe the project"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What should be done, where, and who would enjoy it? At most 2 000 characters."),
    )
    cost_estimate = forms.IntegerField(
        label=_("What do you think it costs? (kronor)"),
        required=False,
        min_value=1,
        help_text=_("A guess is fine; staff work out the cost before the vote."),
    )
    district = forms.ModelChoiceField(
        label=_("Where in the municipality?"), required=False, queryset=None, empty_label=_("No particular place")
    )
    longitude = forms.FloatField(required=False, widget=forms.HiddenInput)
    latitude = forms.FloatField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, module, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_project_fields(module)
        self.setup_pseudonym(module.dialogue, user, INPUTS)

    def clean(self):
        return self.clean_point(super().clean())


class DeskProposalForm(ProjectFieldsMixin, Form):
    """A proposal that came on paper or at a meeting, at the desk ("Registrera inkommet")."""

    budget = forms.ModelChoiceField(
        label=_("Budget"),
        queryset=Budget.objects.none(),
        empty_label=None,
        error_messages={"required": _("Choose a budget."), "invalid_choice": _("Choose a budget.")},
    )
    title = forms.CharField(label=_("Name of the project"), max_length=TITLE_MAX)
    text = forms.CharField(label=_("Description"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 4}))
    district = forms.ModelChoiceField(
        label=_("Where in the municipality?"), required=False, queryset=None, empty_label=_("No particular place")
    )
    longitude = forms.FloatField(required=False, widget=forms.HiddenInput)
    latitude = forms.FloatField(required=False, widget=forms.HiddenInput)
    author_name = forms.CharField(
        label=_("Name shown"),
        max_length=120,
        required=False,
        help_text=_("Only if the person wants their name shown. Leave empty to show the input as anonymous."),
    )

    def __init__(self, *args, module, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_project_fields(module)
        self.fields.pop("longitude", None)  # no map at the desk: the district from the list
        self.fields.pop("latitude", None)

    def clean(self):
        data = self.clean_point(super().clean())
        data["where"] = Where(
            longitude=data.get("longitude"), latitude=data.get("latitude"), district=data.get("district")
        )
        return data


class ReviewForm(Form):
    FEASIBLE, REJECTED = "feasible", "rejected"
    decision = forms.ChoiceField(
        label=_("Is the project feasible?"),
        choices=[(FEASIBLE, _("Yes: it goes on the ballot")), (REJECTED, _("No: it does not go on the ballot"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether the project is feasible.")},
    )
    cost = forms.IntegerField(label=_("Cost (kronor)"), required=False, min_value=1)
    reason = forms.CharField(
        label=_("Reason, shown to everyone"),
        required=False,
        max_length=REASON_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when the project does not go on the ballot. Write so that the proposer understands."),
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == self.FEASIBLE and not data.get("cost"):
            self.add_error("cost", _("Give the cost in kronor, so the project can go on the ballot."))
        if data.get("decision") == self.REJECTED and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give a reason: everyone can read why the project is not on the ballot."))
        return data


class BudgetForm(ModelForm):
    class Meta:
        model = Budget
        fields = ["name", "amount", "district", "order"]

    def __init__(self, *args, module, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.module = module
        self.fields["district"].queryset = module.dialogue.municipality.areas.all()
        self.fields["district"].empty_label = _("The whole municipality")
        self.fields["name"].max_length = NAME_MAX
        self.fields["amount"].min_value = 1
        self.fields["amount"].validators.append(MinValueValidator(1, _("The amount must be at least 1 krona.")))


class RuleForm(Form):
    rule = forms.ChoiceField(
        label=_("How the winning projects are chosen"), choices=Rule.choices, widget=forms.RadioSelect
    )


class DistrictForm(Form):
    district = forms.ModelChoiceField(
        label=_("Which district do you live in?"),
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        help_text=_("You vote in your district's budget and in the budget for the whole municipality."),
        error_messages={
            "required": _("Choose the district you live in."),
            "invalid_choice": _("Choose the district you live in."),
        },
    )

    def __init__(self, *args, module, **kwargs):
        super().__init__(*args, **kwargs)
        districts = [budget.district_id for budget in budgets_of(module) if budget.district_id]
        self.fields["district"].queryset = module.dialogue.municipality.areas.filter(pk__in=districts)


class BallotForm(Form):
    """The knapsack ballot: a checkbox per project on the ballot. `clean` checks every id and the sum against the
    budget (services.ballot_check), so the page can show the money left and a clear error."""

    projects = forms.MultipleChoiceField(
        label=_("Your choice of projects"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("One of the projects you chose is not on this ballot. Choose again.")},
    )

    def __init__(self, *args, budget, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.budget = budget
        self.fields["projects"].choices = [(str(project.pk), project.title) for project in projects]
        self.costs = {str(project.pk): project.cost for project in projects}

    def chosen(self):
        """The ids ticked, as sent (also when the form has errors), that are on the ballot."""
        sent = self.data.getlist(self.add_prefix("projects")) if self.is_bound else self.initial.get("projects", [])
        return [value for value in sent if value in self.costs]

    def total(self):
        return sum(self.costs[value] for value in set(self.chosen()))

    def clean_projects(self):
        chosen = self.cleaned_data["projects"]
        try:
            ballot_check(self.budget, chosen)
        except BallotError as error:
            raise forms.ValidationError(str(error)) from None
        return chosen
