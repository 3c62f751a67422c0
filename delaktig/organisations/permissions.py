"""Access to the staff workspace. Someone with no role in this municipality gets a 404, never a hint."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import STAFF_ROLES


def staff_view(*roles):
    """Require a role in request.municipality: any staff role when none are named."""
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
                raise PermissionDenied("Role missing")
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
