"""The module of participatory budgeting's pages, fetched and guarded as every method's are
(participation.views_module)."""

from functools import partial

from django.shortcuts import get_object_or_404

from delaktig.participation import views_module

from ..about import METHOD_KEY
from ..models import Budget

module_get = partial(views_module.module_get, method=METHOD_KEY)
public_module_get = partial(views_module.public_module_get, method=METHOD_KEY)
post_guard = partial(views_module.post_guard, method=METHOD_KEY)
staff_guard = partial(views_module.staff_guard, method=METHOD_KEY)


def budget_or_404(module, budget_id):
    return get_object_or_404(Budget.objects.select_related("district"), module=module, pk=budget_id)


def kronor(amount):
    """12 500 → "12 500" (a non-breaking space between thousands), as Swedish writes sums."""
    return f"{amount:,}".replace(",", "\u00a0")
