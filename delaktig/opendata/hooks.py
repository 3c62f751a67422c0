"""What opendata offers to other apps through delaktig.core.hooks."""

from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.core import hooks

from .datasets import core_datasets


@hooks.register("open_data_datasets")
def core_open_data():
    return core_datasets()


@hooks.register("main_nav_items")
def open_data_main_nav(request):
    municipality = getattr(request, "municipality", None)
    if municipality is None:
        return []
    return [(_("Open data"), reverse("opendata:page", args=[municipality.slug]))]
