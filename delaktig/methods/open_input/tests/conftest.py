import pytest
from django.urls import reverse

from ..navigation import desk_url
from .factories import InputFactory, open_input_module


@pytest.fixture
def module(municipality):
    return open_input_module(municipality=municipality, categories=["Lek", "Natur"])


@pytest.fixture
def published(module):
    return InputFactory(module=module)


def url(name, module, *extra):
    """reverse() for open input: public names plain ("index"), staff names with "staff:" in front, and "desk": the
    dialogue's desk with the module chosen."""
    if name == "desk":
        return desk_url(module)
    namespace = "open_input"
    if name.startswith("staff:"):
        namespace, name = "open_input_staff", name.removeprefix("staff:")
    args = [module.dialogue.municipality.slug, module.dialogue_id, module.pk, *extra]
    return reverse(f"{namespace}:{name}", args=args)
