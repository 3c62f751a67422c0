"""Map dialogues: residents mark a point, a line or an area on a map of the municipality with a category and a
comment (and a photo if they like); others support and comment on it.

The shape is stored as GeoJSON text, checked by core.geo before it is saved, with its bounding box in four indexed
columns and a representative point in two more, so that "what lies in this part of the map" is an ordinary query on
SQLite and PostgreSQL alike (decision 84). Comments are the shared participation.Comment.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.core.models import TimeStampedModel
from delaktig.participation.demographics import AgeBand, Gender
from delaktig.participation.models import AbstractInput, AbstractSupport, InputQuerySet

TEXT_MAX = 2000
NAME_MAX = 100
PLACE_MAX = 160

REFERENCE_PREFIX = "KA"  # map input references read "KA-121"; the manifest declares the same prefix


class Symbol(models.TextChoices):
    """A shape beside the colour, so colour is never the only thing that tells categories apart."""

    CIRCLE = "circle", _("Circle")
    SQUARE = "square", _("Square")
    TRIANGLE = "triangle", _("Triangle")
    DIAMOND = "diamond", _("Diamond")
    STAR = "star", _("Star")


class Colour(models.TextChoices):
    """Colours dark enough for white text and a 3:1 contrast against a light map."""

    BLUE = "#1d4ed8", _("Blue")
    GREEN = "#15803d", _("Green")
    RED = "#b91c1c", _("Red")
    PURPLE = "#7e22ce", _("Purple")
    ORANGE = "#c2410c", _("Orange")
    TEAL = "#0f766e", _("Teal")
    GREY = "#374151", _("Grey")


class Category(models.Model):
    """What a map input is about ("Trygghet", "Cykelväg"), chosen by staff for each map dialogue."""

    module = models.ForeignKey("participation.Module", on_delete=models.CASCADE, related_name="map_categories")
    name = models.CharField(_("name"), max_length=NAME_MAX)
    symbol = models.CharField(_("symbol"), max_length=20, choices=Symbol.choices, default=Symbol.CIRCLE)
    colour = models.CharField(_("colour"), max_length=7, choices=Colour.choices, default=Colour.BLUE)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name", "id"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        constraints = [models.UniqueConstraint(fields=["module", "name"], name="map_input_category_unique_name")]

    def __str__(self):
        return self.name


class PlaceKind(models.TextChoices):
    ADDRESS = "address", _("Address")
    PLACE = "place", _("Named place")


class Place(models.Model):
    """An address or a named place residents can choose from a list instead of the map (no geocoder is needed)."""

    module = models.ForeignKey("participation.Module", on_delete=models.CASCADE, related_name="map_places")
    kind = models.CharField(_("kind"), max_length=20, choices=PlaceKind.choices, default=PlaceKind.PLACE)
    name = models.CharField(_("name"), max_length=PLACE_MAX)
    longitude = models.FloatField(_("longitude"))
    latitude = models.FloatField(_("latitude"))

    class Meta:
        ordering = ["kind", "name", "id"]
        verbose_name = _("place")
        verbose_name_plural = _("places")
        constraints = [models.UniqueConstraint(fields=["module", "kind", "name"], name="map_input_place_unique")]

    def __str__(self):
        return self.name


class Shape(models.TextChoices):
    POINT = "point", _("Point")
    LINE = "line", _("Line")
    AREA = "area", pgettext_lazy("map shape", "Area")


class LocatedBy(models.TextChoices):
    """How the resident said where: on the map, or by choosing from a list."""

    MAP = "map", _("On the map")
    ADDRESS = "address", _("An address from the list")
    PLACE = "place", _("A named place from the list")
    DISTRICT = "district", _("A whole district")


class MapInputQuerySet(InputQuerySet):
    def in_bbox(self, west, south, east, north):
        """Inputs whose bounding box meets the box (west, south, east, north)."""
        return self.filter(max_lon__gte=west, min_lon__lte=east, max_lat__gte=south, min_lat__lte=north)


def photo_path(instance, filename):
    return f"map_input/photos/{filename}"


class MapInput(AbstractInput):
    module = models.ForeignKey("participation.Module", on_delete=models.CASCADE, related_name="map_inputs")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="map_inputs"
    )
    category = models.ForeignKey(
        Category, null=True, blank=True, on_delete=models.SET_NULL, related_name="inputs", verbose_name=_("category")
    )
    text = models.TextField(_("comment"), max_length=TEXT_MAX)
    shape = models.CharField(_("shape"), max_length=10, choices=Shape.choices, default=Shape.POINT)
    located_by = models.CharField(_("placed"), max_length=10, choices=LocatedBy.choices, default=LocatedBy.MAP)
    place_name = models.CharField(_("place"), max_length=PLACE_MAX, blank=True)  # the address, place or district
    geometry = models.TextField(_("shape on the map"))  # GeoJSON geometry, checked by core.geo
    min_lon = models.FloatField()
    min_lat = models.FloatField()
    max_lon = models.FloatField()
    max_lat = models.FloatField()
    point_lon = models.FloatField()  # a point on the shape: where the map's marker and cluster go
    point_lat = models.FloatField()
    district = models.ForeignKey(
        "organisations.Area",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("district"),
    )
    photo = models.FileField(_("photo"), upload_to=photo_path, blank=True)
    photo_description = models.CharField(_("what the photo shows"), max_length=200, blank=True)
    # Entered by staff at the desk (on paper, by phone, letter or at a meeting): who entered it, the day it came in,
    # the meeting (or other occasion) and the table or group there; empty for input online
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_on = models.DateField(_("date received"), null=True, blank=True)
    occasion_key = models.CharField(_("occasion"), max_length=80, blank=True)
    occasion_label = models.CharField(_("meeting"), max_length=200, blank=True)
    group = models.CharField(_("table or group"), max_length=100, blank=True)
    # Voluntary "about you", asked at the desk: never published, only counted (small numbers hidden) in the results
    age_band = models.CharField(_("age"), max_length=20, choices=AgeBand.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    area = models.ForeignKey(
        "organisations.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("area")
    )

    objects = MapInputQuerySet.as_manager()

    reference_prefix = REFERENCE_PREFIX

    class Meta(AbstractInput.Meta):
        verbose_name = _("map input")
        verbose_name_plural = _("map inputs")
        indexes = [
            models.Index(fields=["module", "status", "created_at"]),
            models.Index(fields=["municipality", "status", "created_at"]),
            # The map asks for what lies in a box: the box's four edges are compared in the index itself
            models.Index(
                fields=["module", "status", "min_lon", "max_lon", "min_lat", "max_lat"], name="map_input_bbox"
            ),
            models.Index(fields=["module", "district"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_lon__lte=models.F("max_lon")) & Q(min_lat__lte=models.F("max_lat")),
                name="map_input_bbox_ordered",
            )
        ]

    def __str__(self):
        return self.reference

    @property
    def title(self):
        """A short title for lists and the results workspace: the category and the place."""
        parts = [self.category.name if self.category_id and self.category else "", self.place_name]
        return " – ".join(part for part in parts if part) or self.get_shape_display()

    def receipt_details(self):
        """The receipt names the category and the place (the address, place or district), when there are any."""
        place = self.place_name or (self.district.name if self.district_id and self.district else "")
        lines = [(_("Category"), self.category.name if self.category_id and self.category else ""), (_("Place"), place)]
        return [(label, value) for label, value in lines if value]

    @property
    def demographics(self):
        """What the person chose to tell, as participation.demographics values; missing keys when not told."""
        told = {"age_band": self.age_band, "gender": self.gender, "area": self.area_id}
        return {key: value for key, value in told.items() if value}


class Support(AbstractSupport):
    """One person supports one map input, at most once."""

    input = models.ForeignKey(MapInput, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="map_input_supports")


class TileSource(TimeStampedModel):
    """The municipality's map background: a tile URL template and its attribution. Without one, maps draw the
    municipality's districts from their stored shapes (the default)."""

    municipality = models.OneToOneField(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="map_tile_source"
    )
    url_template = models.CharField(_("address of the map tiles"), max_length=300, blank=True)
    attribution = models.CharField(_("attribution"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("map background")

    def __str__(self):
        return self.url_template
