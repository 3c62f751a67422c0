import pytest
from django.urls import reverse

from .factories import districts_for, map_module


@pytest.fixture
def districts(municipality):
    return districts_for(municipality)


@pytest.fixture
def module(municipality, districts):
    return map_module(municipality=municipality)


def url(name, module, *extra):
    """reverse() for map dialogues: public names plain ("index"), staff names with "staff:" in front."""
    namespace = "map_input"
    if name.startswith("staff:"):
        namespace, name = "map_input_staff", name.removeprefix("staff:")
    args = [module.dialogue.municipality.slug, module.dialogue_id, module.pk, *extra]
    return reverse(f"{namespace}:{name}", args=args)
