import pytest
from django.urls import reverse

from .factories import budgeting_module, budgets


@pytest.fixture
def module(municipality):
    return budgeting_module(municipality=municipality)


@pytest.fixture
def setup(module):
    """(budget for everyone, district budget, the district, {key: project})."""
    return budgets(module)


def url(name, module, *extra):
    """reverse() for participatory budgeting: public names plain ("index"), staff names with "staff:" in front."""
    namespace = "budgeting"
    if name.startswith("staff:"):
        namespace, name = "budgeting_staff", name.removeprefix("staff:")
    args = [module.dialogue.municipality.slug, module.dialogue_id, module.pk, *extra]
    return reverse(f"{namespace}:{name}", args=args)
