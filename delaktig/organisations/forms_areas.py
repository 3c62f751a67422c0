from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from delaktig.core.forms import Form, ModelForm

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


MAX_GEOJSON_BYTES = 2 * 1024 * 1024  # the preview sends the text back with its confirmation


class AreaShapesForm(Form):
    """A GeoJSON file of the areas' shapes (`cleaned_data["text"]`), and the property that names each area."""

    file = forms.FileField(
        label=_("GeoJSON file"),
        help_text=_(
            "A FeatureCollection of polygons in longitude and latitude (WGS 84), one feature per area, as a map "
            "program or the municipality's GIS exports it. At most 2 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".geojson,.json,application/geo+json,application/json"}),
        error_messages={"required": _("Choose a GeoJSON file."), "empty": _("The file is empty. Choose another file.")},
    )
    name_property = forms.CharField(
        label=_("Property with the area's name"),
        initial="name",
        max_length=100,
        help_text=_("The name of each feature's property that holds the area's name, for example name or namn."),
        error_messages={"required": _("Write the name of the property that holds the areas' names.")},
    )

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload:
            content = upload.read(MAX_GEOJSON_BYTES + 1)
            if len(content) > MAX_GEOJSON_BYTES:
                self.add_error("file", _("The file is larger than 2 MB. Simplify the shapes and try again."))
            else:
                try:
                    data["text"] = content.decode("utf-8-sig")
                except UnicodeDecodeError:
                    self.add_error("file", _("The file is not text in UTF-8."))
        return data


class AreaShapesConfirmForm(Form):
    content = forms.CharField(max_length=MAX_GEOJSON_BYTES, strip=False)
    name_property = forms.CharField(max_length=100)
