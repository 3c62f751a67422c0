from django.conf import settings

from delaktig.core import hookspecs as core_hooks


def municipality(request):
    muni = getattr(request, "municipality", None)
    return {
        "municipality": muni,
        "site_url": settings.SITE_URL,
        "user_roles": request.user.roles_in(muni) if muni and request.user.is_authenticated else frozenset(),
        # A callable, so the hooks run only when a template shows the main menu.
        "main_nav_items": lambda: main_nav_items(request),
        "staff_nav_items": lambda: staff_nav_items(request),
        "site_notices": lambda: site_notices(request),
    }


def main_nav_items(request):
    """[(label, url)] that outer apps add to the public main menu (hook `main_nav_items`)."""
    if getattr(request, "municipality", None) is None:
        return []
    return [item for hook in core_hooks.main_nav_items.implementations() for item in (hook(request) or [])]


def staff_nav_items(request):
    """[(label, url)] that outer apps add to the staff workspace menu (hook `staff_nav_items`)."""
    if getattr(request, "municipality", None) is None or not request.user.is_authenticated:
        return []
    return [item for hook in core_hooks.staff_nav_items.implementations() for item in (hook(request) or [])]


def site_notices(request):
    """Notices at the top of every page, e.g. that the demo keeps its e-mail in an inbox (hook `site_notices`)."""
    return [notice for hook in core_hooks.site_notices.implementations() for notice in (hook(request) or [])]
