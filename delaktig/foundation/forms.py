"""Forms for principles, toolbox and handbook. Bodies and target groups are always this municipality's."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form, ModelForm
from delaktig.foundation import hookspecs as foundation_hooks
from delaktig.organisations import ladders

from .models import HandbookPage, PrinciplesDocument, ToolboxMethod

RESERVED_SLUGS = frozenset({"ny"})  # "ny" is the address of the page that creates a new one


def ladder_choices(municipality):
    return [(level.key, level.label) for level in ladders.levels_for(municipality.ladder_profile)]


def participation_method_choices(current=""):
    """Platform methods offered by the `participation_method_choices` hook, plus the saved value."""
    choices = [("", _("No platform method"))]
    for hook in foundation_hooks.participation_method_choices.implementations():
        choices += list(hook())
    if current and current not in {key for key, _label in choices}:
        choices.append((current, current))
    return choices


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Refuses ids beyond a 64-bit integer before they reach the database (SQLite raises OverflowError)."""

    def _check_values(self, value):
        for pk in value:
            text = str(pk).strip()
            if text.lstrip("-").isdigit() and not 0 < int(text) < 2**63:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class SlugFormMixin:
    """A slug made from the title when left empty, unique within the municipality."""

    slug_source = "title"

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or slugify(self.data.get(self.add_prefix(self.slug_source), ""))[:50]
        if not slug:
            raise ValidationError(_("Give a short web address with letters, digits and hyphens."))
        if slug in RESERVED_SLUGS:
            raise ValidationError(_("This web address is reserved. Choose another."))
        taken = type(self.instance).objects.filter(municipality=self.municipality, slug=slug)
        if taken.exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("Another page already has this web address. Choose another."))
        return slug


class PrinciplesForm(ModelForm):
    class Meta:
        model = PrinciplesDocument
        fields = ["title", "body_text", "easy_read", "adopted_by", "adopted_on", "minute_item", "registration_number"]
        widgets = {
            "body_text": forms.Textarea(attrs={"rows": 16}),
            "easy_read": forms.Textarea(attrs={"rows": 8}),
            "adopted_on": DateInput(),
        }
        help_texts = {
            "body_text": _("Plain text. An empty line starts a new paragraph."),
            "easy_read": _("The same content in easy-to-read Swedish."),
            "registration_number": _("For example KS 2026/123"),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["adopted_by"].queryset = municipality.bodies.all()
        self.fields["adopted_by"].initial = municipality.get_deciding_body()
        for name in ("title", "body_text", "minute_item", "registration_number"):
            self.fields[name].strip = True


class ToolboxMethodForm(SlugFormMixin, ModelForm):
    slug_source = "name"
    ladder_levels = forms.MultipleChoiceField(
        label=_("Ladder levels it serves"), widget=forms.CheckboxSelectMultiple, choices=()
    )

    class Meta:
        model = ToolboxMethod
        fields = [
            "name",
            "slug",
            "summary",
            "description",
            "when_to_use",
            "ladder_levels",
            "target_groups",
            "effort",
            "online",
            "in_person",
            "participation_method",
        ]
        field_classes = {"target_groups": BoundedModelMultipleChoiceField}
        widgets = {
            "target_groups": forms.CheckboxSelectMultiple,
            "effort": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 8}),
            "when_to_use": forms.Textarea(attrs={"rows": 6}),
        }
        labels = {"slug": _("Web address")}
        help_texts = {"slug": _("Letters, digits and hyphens. Made from the name if you leave it empty.")}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["slug"].required = False
        self.fields["ladder_levels"].choices = ladder_choices(municipality)
        self.fields["target_groups"].queryset = municipality.target_groups.all()
        current = self.instance.participation_method
        self.fields["participation_method"] = forms.ChoiceField(
            label=_("Participation method on the platform"),
            choices=participation_method_choices(current),
            required=False,
            help_text=_("The platform method that supports this, if any."),
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("online") and not cleaned.get("in_person"):
            self.add_error("in_person", _("Choose online, in person or both."))
        return cleaned


class HandbookPageForm(SlugFormMixin, ModelForm):
    class Meta:
        model = HandbookPage
        fields = ["title", "slug", "kind", "body_text", "order"]
        widgets = {"kind": forms.RadioSelect, "body_text": forms.Textarea(attrs={"rows": 20})}
        labels = {"slug": _("Web address")}
        help_texts = {
            "slug": _("Letters, digits and hyphens. Made from the title if you leave it empty."),
            "body_text": _("Plain text. An empty line starts a new paragraph."),
            "order": _("Lower numbers come first."),
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.fields["slug"].required = False


class ToolboxFilterForm(Form):
    """The GET form that narrows the toolbox; an unknown value is simply ignored."""

    level = forms.ChoiceField(label=_("Level on the participation ladder"), required=False)
    group = forms.ModelChoiceField(label=_("Target group"), required=False, queryset=None, empty_label=_("All"))

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [("", _("All"))] + ladder_choices(municipality)
        self.fields["group"].queryset = municipality.target_groups.all()

    def filters(self):
        if self.is_bound:
            self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"ladder_level": data.get("level") or "", "target_group": data.get("group")}
