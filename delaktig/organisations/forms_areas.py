from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import ModelForm

from .models import Area


class AreaForm(ModelForm):
    class Meta:
        model = Area
        fields = ["name", "order", "population"]
        help_texts = {
            "name": _("For example a district or a village. Residents may choose it when they say where they live."),
            "order": _("Lower numbers come first."),
            "population": _(
                "Optional, from the municipality's statistics (SCB). When every area has it, the results compare "
                "where inputs came from with where residents live."
            ),
        }
        error_messages = {
            "population": {
                "invalid": _("Write the number of residents as a whole number, without spaces."),
                "min_value": _("The number of residents cannot be negative."),
            }
        }

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError(_("Write the name of the area."))
        taken = Area.objects.filter(municipality=self.instance.municipality, name__iexact=name)
        if taken.exclude(pk=self.instance.pk).exists():
            raise ValidationError(_("There is already an area with this name."))
        return name
