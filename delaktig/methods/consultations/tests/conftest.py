import pytest
from django.urls import reverse

from .factories import consultation_module, published_plan


def url(name, module, *args):
    """reverse("consultations:…") for public pages, "staff:…" for the staff workspace."""
    namespace, _sep, page = name.rpartition(":")
    namespace = "consultations_staff" if namespace == "staff" else "consultations"
    dialogue = module.dialogue
    return reverse(f"{namespace}:{page}", args=[dialogue.municipality.slug, dialogue.pk, module.pk, *args])


@pytest.fixture
def module(municipality):
    return consultation_module(municipality=municipality)


@pytest.fixture
def version(module, staff):
    return published_plan(module, actor=staff["officer"])
