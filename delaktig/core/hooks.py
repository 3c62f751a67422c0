"""A small hooks registry, so an inner app can offer something to an outer one without importing it.

Used for "my pages" sections, personal-data export and erasure: accounts asks the hooks; dialogues
and participation register. register_temporarily() is for tests.
"""

from collections import defaultdict
from contextlib import contextmanager

_hooks = defaultdict(list)


def register(name, fn=None):
    """Register fn under name; usable as a decorator: @hooks.register("my_pages_section")."""
    if fn is None:
        return lambda f: register(name, f)
    _hooks[name].append(fn)
    return fn


def get_hooks(name):
    return list(_hooks[name])


@contextmanager
def register_temporarily(name, fn):
    _hooks[name].append(fn)
    try:
        yield fn
    finally:
        _hooks[name].remove(fn)


# Hook names and their signatures:
# "home_context"      (request) -> dict merged into the public home page's context
# "main_nav_items"    (request) -> [(label, url)] added to the public main menu of a municipality's pages
# "my_pages_section"  (request) -> {"title": str, "template": str, "context": dict} | None
# "personal_data"     (user) -> {"<section name>": [ {...}, ... ]}
# "erase_user"        (user) -> int   (items anonymised or removed)
# "my_contributions"  (user) -> list of sections with the person's contributions, for My pages
# "participation_method_choices"  () -> [(key, name)] of the registered participation methods
# "staff_nav_items"   (request) -> [(label, url)] added to the staff workspace menu (check roles yourself)
# "dialogue_staff_pages"  (dialogue, user) -> [(url, title)] pages for the dialogue on its staff page
# "module_staff_pages"  (module, user) -> [(url, title)] a way of taking part's staff pages, listed under it
# "audit_action_labels"  () -> {action: label} audit events' actions in words (core.audit.action_label)
# "dialogue_public_sections"  (request, dialogue) -> [{"template": str, "context": dict}] on the public page;
#                     the template gets the dict as `section` (plus dialogue, municipality)
# "dialogue_public_figures"  (dialogue) -> dict merged into the public page's context: participation figures
#                     counted from what is stored (participation registers it)
# "feedback_published"  (dialogue, actor) -> None, inside the transaction that publishes feedback
# "yearly_report_sections"  (municipality, year) -> [core.contributions.ReportSection]
# "open_data_datasets"  () -> [core.contributions.Dataset]
# "periodic_jobs"     () -> [(name, every_seconds, callable)]; `manage.py periodic` runs each callable (no arguments)
#                     at once and then every every_seconds; it must be safe to run again at any time (core/periodic.py)
# "site_notices"      (request) -> [{"text": str, "link_text": str, "url": str}] shown at the top of every page
# "dialogue_has_contributions"  (dialogue) -> bool: has anyone taken part yet
# "dialogue_public_names_hide"  (dialogue) -> int, inside the transaction that makes the dialogue's
#                     public_identity stricter: names already shown are removed
# "dialogue_public_identity_unsupported"  (dialogue) -> [names of ways to take part that always show names]
