"""The site's WSGI handler: Django's, with each path's URL match kept in the process.

Resolving walks the URL patterns in order until one matches. The pages of a participation method sit deep (the
municipality, the dialogue, the module, the method's own patterns), so a survey's "send" tries some 230 patterns in
nearly 40 nested lists before it matches: about a third of a millisecond of every such request, as much as the rest of
Django's request handling. The patterns do not change while a process runs, so the match found for a path is kept
(at most KEEP paths, then all are forgotten; a path that matches nothing is not kept) and each request gets a copy of
its own, as if it had been resolved for it.
"""

from django.core.handlers.wsgi import WSGIHandler
from django.urls import ResolverMatch, get_resolver, set_urlconf

KEEP = 4096
_matches = {}  # (resolver, path) -> ResolverMatch


class Handler(WSGIHandler):
    def resolve_request(self, request):
        if hasattr(request, "urlconf"):  # as Django's: a middleware may set a URLconf of its own
            set_urlconf(request.urlconf)
            resolver = get_resolver(request.urlconf)
        else:
            resolver = get_resolver()
        match = resolved(resolver, request.path_info)
        request.resolver_match = match
        return match


def resolved(resolver, path):
    """The resolver's match for `path` (Resolver404 when there is none), a copy of the one kept."""
    key = (resolver, path)
    found = _matches.get(key)
    if found is None:
        found = resolver.resolve(path)
        if len(_matches) >= KEEP:
            _matches.clear()
        _matches[key] = found
    match = object.__new__(ResolverMatch)  # ResolverMatch refuses copy.copy (it refuses pickling)
    match.__dict__.update(found.__dict__)
    match.args, match.kwargs = tuple(found.args), dict(found.kwargs)
    match.captured_kwargs = _copied(found.captured_kwargs)
    match.extra_kwargs = _copied(found.extra_kwargs)
    return match


def _copied(kwargs):
    return dict(kwargs) if kwargs is not None else None
