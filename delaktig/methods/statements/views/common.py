"""The module of the statements' pages, fetched and guarded as every method's are (participation.views_module)."""

from functools import partial

from delaktig.participation import views_module

from ..about import METHOD_KEY

module_get = partial(views_module.module_get, method=METHOD_KEY)
public_module_get = partial(views_module.public_module_get, method=METHOD_KEY)
post_guard = partial(views_module.post_guard, method=METHOD_KEY)
staff_guard = partial(views_module.staff_guard, method=METHOD_KEY)
