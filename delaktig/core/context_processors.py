from django.conf import settings


def municipality(request):
    muni = getattr(request, "municipality", None)
    return {
        "municipality": muni,
        "site_url": settings.SITE_URL,
        "user_roles": request.user.roles_in(muni) if muni and request.user.is_authenticated else frozenset(),
    }
