"""What opendata offers to other apps through delaktig.core.hooks."""

from django.urls import reverse
from django.utils.translation import gettext as _

from delaktig.core import hookspecs as core_hooks

from .datasets import core_datasets


@core_hooks.open_data_datasets.register
def core_open_data():
    return core_datasets()


@core_hooks.main_nav_items.register
def open_data_main_nav(request):
    municipality = getattr(request, "municipality", None)
    if municipality is None:
        return []
    return [(_("Open data"), reverse("opendata:page", args=[municipality.slug]))]
