"""Access to the staff workspace. Someone with no role in this municipality gets a 404, never a hint."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import STAFF_ROLES


def staff_view(*roles, find=None):
    """Require a role in request.municipality: any staff role when none are named.

    `find(request, *args, **kwargs)`, called with the view's arguments, looks up the objects the URL names in
    request.municipality and raises Http404 when one is not there. It runs before a missing role is refused, so
    another municipality's object is a 404 whatever the role; a wrong role on this municipality's object is a
    403. Views that name objects in their URL and ask for particular roles must give it.
    """
    wanted = frozenset(roles) or STAFF_ROLES

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            held = request.user.roles_in(request.municipality)
            if not held:
                raise Http404("Not staff of this municipality")
            if not held & wanted:
                if find is not None:
                    find(request, *args, **kwargs)
                raise PermissionDenied("Role missing")
            return view(request, *args, **kwargs)

        wrapped.staff_roles = wanted  # what the view asks for, read by the permission tests without a request
        return wrapped

    return decorator
