import pytest
from django.urls import reverse

from .factories import statement, statements_module


@pytest.fixture
def module(municipality):
    return statements_module(municipality=municipality)


@pytest.fixture
def seeded(module):
    return [statement(module, text) for text in ("Fler träd på torget.", "Bilfritt centrum.", "Längre öppettider.")]


def url(name, module, *extra):
    """reverse() for statements: public names plain ("index"), staff names with "staff:" in front."""
    namespace = "statements"
    if name.startswith("staff:"):
        namespace, name = "statements_staff", name.removeprefix("staff:")
    args = [module.dialogue.municipality.slug, module.dialogue_id, module.pk, *extra]
    return reverse(f"{namespace}:{name}", args=args)
