"""Forms of map dialogues. The place is given on the map (the script fills in the shape) or chosen from a list."""

from django import forms
from django.utils.translation import gettext_lazy as _

from delaktig.core import geo
from delaktig.core.forms import Form, ModelForm
from delaktig.core.images import MAX_BYTES, PhotoError, photo_clean
from delaktig.participation.demographics import AgeBand, Gender
from delaktig.participation.forms_inputs import PseudonymMixin

from . import where
from .models import TEXT_MAX, Category, Place, PlaceKind
from .selectors import INPUTS, categories_of, places_of

GEOJSON_MAX = 100_000  # characters of a shape drawn by a resident (500 points need far less)


class LocationField(forms.ChoiceField):
    """One list of addresses, named places and districts: "place:<id>" or "district:<id>"."""


def location_choices(places, districts):
    addresses = [(f"place:{p.pk}", p.name) for p in places if p.kind == PlaceKind.ADDRESS]
    named = [(f"place:{p.pk}", p.name) for p in places if p.kind == PlaceKind.PLACE]
    areas = [(f"district:{area.pk}", area.name) for area in districts.areas]
    groups = [(_("Addresses"), addresses), (_("Places"), named), (_("Whole districts"), areas)]
    return [("", _("Choose from the list"))] + [(label, items) for label, items in groups if items]


class MapInputForm(PseudonymMixin, Form):
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=Category.objects.none(),
        empty_label=None,
        error_messages={"required": _("Choose a category.")},
    )
    location = LocationField(
        label=_("Where is it?"),
        required=False,
        help_text=_("Choose an address, a place or a whole district. If you mark the place on the map, leave this."),
    )
    geometry = forms.CharField(
        label=_("The shape on the map (GeoJSON)"),
        required=False,
        max_length=GEOJSON_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false", "autocomplete": "off"}),
        help_text=_(
            "Filled in when you mark the place on the map. You can also paste a GeoJSON geometry with longitude "
            "and latitude in WGS 84."
        ),
    )
    text = forms.CharField(
        label=_("Your comment"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What is it about this place? At most 2 000 characters."),
    )
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("A JPEG, PNG or WebP photo of at most 10 MB. We remove the position and other data in the file."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_description = forms.CharField(
        label=_("What does the photo show?"),
        required=False,
        max_length=200,
        help_text=_("Read out to people who cannot see the photo."),
    )
    submission_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=40)

    def __init__(self, *args, module, user, districts, **kwargs):
        super().__init__(*args, **kwargs)
        self.module, self.user, self.districts = module, user, districts
        self.places = {str(place.pk): place for place in places_of(module)}
        categories = categories_of(module)
        if categories:
            self.fields["category"].queryset = Category.objects.filter(module=module)
            self.fields["category"].choices = [("", _("Choose a category"))] + [(c.pk, c.name) for c in categories]
        else:
            del self.fields["category"]
        self.fields["location"].choices = location_choices(self.places.values(), districts)
        self.setup_pseudonym(module.dialogue, user, INPUTS)

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The photo is larger than 10 MB. Choose a smaller photo."))
        try:
            return photo_clean(upload.read())
        except PhotoError as error:
            raise forms.ValidationError(error.message) from None

    def clean(self):
        data = super().clean()
        text, location = (data.get("geometry") or "").strip(), data.get("location") or ""
        try:
            if text:
                data["located"] = where.from_geojson(text, self.districts)
            elif location:
                data["located"] = self._chosen(location)
            elif "geometry" not in self.errors:
                self.add_error("location", _("Choose a place from the list, or mark the place on the map."))
        except geo.GeometryError as error:
            self.add_error("geometry" if text else "location", error.message)
        return data

    def _chosen(self, value):
        kind, _sep, pk = value.partition(":")
        if kind == "place" and pk in self.places:
            return where.from_place(self.places[pk], self.districts)
        area = next((area for area in self.districts.areas if str(area.pk) == pk), None)
        if kind == "district" and area is not None:
            return where.from_district(area, self.districts)
        raise geo.GeometryError(_("Choose a place from the list, or mark the place on the map."))

    def values(self):
        """What map_input_create() takes, besides module and author."""
        data = self.cleaned_data
        photo = data.get("photo")
        return {
            "located": data["located"],
            "text": data["text"],
            "category": data.get("category"),
            "photo": photo,
            "photo_description": data.get("photo_description", "") if photo else "",
            "submission_key": data.get("submission_key") or None,
            "pseudonym": self.pseudonym(),
        }


class DeskMapInputForm(Form):
    """The fields of one map input at the desk ("Registrera inkommet"), for what came on paper, by phone, letter or
    at a meeting; the desk asks the channel, date and meeting. The place is chosen from the list the resident's
    alternative to the map offers (addresses, named places, whole districts)."""

    location = LocationField(
        label=_("Where is it?"),
        help_text=_("Choose the address, place or whole district closest to what the person described."),
        error_messages={
            "required": _("Choose a place from the list."),
            "invalid_choice": _("Choose a place from the list."),
        },
    )
    category = forms.ModelChoiceField(
        label=_("Category"), required=False, queryset=Category.objects.none(), empty_label=_("Choose a category")
    )
    text = forms.CharField(
        label=_("The comment"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the person said or wrote about the place, at most 2 000 characters."),
    )
    author_name = forms.CharField(
        label=_("Name shown"),
        max_length=120,
        required=False,
        help_text=_("Only if the person wants their name shown. Leave empty to show the input as anonymous."),
    )

    def __init__(self, *args, module, **kwargs):
        super().__init__(*args, **kwargs)
        self.module = module
        self.districts = where.Districts(module.dialogue.municipality)
        self.places = {str(place.pk): place for place in places_of(module)}
        self.fields["location"].choices = location_choices(self.places.values(), self.districts)
        if categories_of(module):
            self.fields["category"].queryset = Category.objects.filter(module=module)
        else:
            del self.fields["category"]
        self._setup_author_name(module.dialogue)
        self._setup_about_you(module.dialogue.municipality)

    def _setup_author_name(self, dialogue):
        if not dialogue.shows_names:
            del self.fields["author_name"]  # the dialogue shows everyone as "Anonymous participant"
        elif dialogue.asks_for_pseudonym:
            self.fields["author_name"].label = _("Pseudonym shown")
            self.fields["author_name"].help_text = _(
                "Only if the person gave a made-up name to show. Never their real name. Leave empty to show the "
                "input as anonymous."
            )

    def _setup_about_you(self, municipality):
        """The voluntary "about you" answers, as every method asks them (participation.demographics)."""
        self.fields["age_band"] = forms.ChoiceField(
            label=_("Age"), required=False, choices=[("", _("No answer"))] + list(AgeBand.choices)
        )
        self.fields["gender"] = forms.ChoiceField(
            label=_("Gender"), required=False, choices=[("", _("No answer"))] + list(Gender.choices)
        )
        areas = municipality.areas.all()
        if areas.exists():
            self.fields["area"] = forms.ModelChoiceField(
                label=_("Where does the person live?"), required=False, queryset=areas, empty_label=_("No answer")
            )

    def clean(self):
        data = super().clean()
        location = data.get("location") or ""
        if location:
            try:
                data["located"] = self._chosen(location)
            except geo.GeometryError as error:
                self.add_error("location", error.message)
        return data

    def _chosen(self, value):
        kind, _sep, pk = value.partition(":")
        if kind == "place" and pk in self.places:
            return where.from_place(self.places[pk], self.districts)
        area = next((area for area in self.districts.areas if str(area.pk) == pk), None)
        if kind == "district" and area is not None:
            return where.from_district(area, self.districts)
        raise geo.GeometryError(_("Choose a place from the list."))


class ListFilterForm(Form):
    """The GET form above the list of input. A wrong value is dropped, never an error."""

    district = forms.ChoiceField(label=_("District"), required=False, choices=())
    category = forms.ChoiceField(label=_("Category"), required=False, choices=())

    def __init__(self, data, *, module, areas):
        super().__init__(data)
        self.areas = {str(area.pk): area for area in areas}
        self.categories = {str(c.pk): c for c in categories_of(module)}
        self.fields["district"].choices = [("", _("All districts"))] + [(k, a.name) for k, a in self.areas.items()]
        if self.categories:
            self.fields["category"].choices = [("", _("All"))] + [(k, c.name) for k, c in self.categories.items()]
        else:
            del self.fields["category"]

    def filters(self):
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "district": self.areas.get(cleaned.get("district") or ""),
            "category": self.categories.get(cleaned.get("category") or ""),
        }

    def without_errors(self, module, areas):
        if not self.errors:
            return self
        valid = {name: self.data.get(name) for name in self.cleaned_data if self.data.get(name)}
        return type(self)(valid, module=module, areas=areas)


class StaffFilterForm(ListFilterForm):
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def filters(self):
        found = super().filters()
        cleaned = getattr(self, "cleaned_data", {})
        return {**found, "since": cleaned.get("since"), "until": cleaned.get("until")}


class CategoryForm(ModelForm):
    class Meta:
        model = Category
        fields = ["name", "symbol", "colour"]
        widgets = {"symbol": forms.RadioSelect, "colour": forms.RadioSelect}

    def __init__(self, *args, module, **kwargs):
        super().__init__(*args, **kwargs)
        self.module = module

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        taken = Category.objects.filter(module=self.module, name__iexact=name).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("The map dialogue already has a category with this name."))
        return name


class PlaceForm(ModelForm):
    longitude = forms.FloatField(
        label=_("Longitude"), min_value=-180, max_value=180, help_text=_("In decimal degrees, WGS 84, e.g. 13.69.")
    )
    latitude = forms.FloatField(
        label=_("Latitude"), min_value=-90, max_value=90, help_text=_("In decimal degrees, WGS 84, e.g. 60.03.")
    )

    class Meta:
        model = Place
        fields = ["kind", "name", "longitude", "latitude"]
        widgets = {"kind": forms.RadioSelect}

    def __init__(self, *args, module, districts, **kwargs):
        super().__init__(*args, **kwargs)
        self.module, self.districts = module, districts

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        data = super().clean()
        kind, name = data.get("kind"), data.get("name")
        if kind and name:
            taken = Place.objects.filter(module=self.module, kind=kind, name__iexact=name).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error("name", _("The list already has this name."))
        if data.get("longitude") is not None and data.get("latitude") is not None:
            point = {"type": "Point", "coordinates": [data["longitude"], data["latitude"]]}
            try:
                where.from_geojson(point, self.districts)
            except geo.GeometryError as error:
                self.add_error("longitude", error.message)
        return data


class TileSourceForm(Form):
    url_template = forms.CharField(
        label=_("Address of the map tiles"),
        required=False,
        max_length=300,
        help_text=_(
            "A URL template with {z}, {x} and {y}, starting with https://. Leave empty to draw the districts as the "
            "map's background."
        ),
    )
    attribution = forms.CharField(
        label=_("Attribution"),
        required=False,
        max_length=300,
        help_text=_("Who made the map, as the tile provider asks, e.g. © OpenStreetMap contributors."),
    )

    def clean(self):
        data = super().clean()
        url = (data.get("url_template") or "").strip()
        if url and not (url.startswith("https://") and all(part in url for part in ("{z}", "{x}", "{y}"))):
            self.add_error("url_template", _("Give an address that starts with https:// and holds {z}, {x} and {y}."))
        if url and not (data.get("attribution") or "").strip():
            self.add_error("attribution", _("Say who made the map: tile providers ask for it."))
        data["url_template"] = url
        return data
