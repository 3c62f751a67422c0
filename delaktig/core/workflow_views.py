"""The staff "take a step" view, shared by every lifecycle (core/workflow.py).

An app's view finds the object, checks the page's permission and hands over the rest: the step's name (from the
URL), the note, how its page shows refusals and where to go after. Call it from a view marked @require_POST.
"""

from django.contrib import messages
from django.http import HttpResponse
from django.utils.translation import gettext as _

from .workflow import TransitionRefused


def take_step(
    request,
    obj,
    name,
    *,
    lifecycle,
    refused,
    done,
    message=None,
    who=None,
    take=None,
    note="",
    also_refused=(),
):
    """Take step `name` on `obj` for the signed-in person, say so and go on; or show why not.

    - refused(reasons, status=...) renders the object's page with the reasons; status=403 when the person's
      role may not take the step, otherwise the page's own status.
    - done() is the response after the step, usually a redirect.
    - message(step) is what the person is told (default "Done: <label>.").
    - who(actors), if given, names who may take a step: a person whose role may not take it is answered 403
      with those names before anything else happens.
    - take(obj, name, actor=, note=) takes the step (default lifecycle.transition). It may return a response
      to show instead, such as a form with errors or a page that asks first.
    - also_refused: more exceptions that carry `reasons`, shown like a refused step.
    """
    found = lifecycle.find(obj, name)
    if who is not None and found and not lifecycle.may_take(request.user, obj, found.step):
        reasons = [
            _("Your role does not allow this step."),
            _("Who can: %(roles)s") % {"roles": who(found.step.actors)},
        ]
        return refused(reasons, status=403)
    try:
        answer = (take or lifecycle.transition)(obj, name, actor=request.user, note=note)
    except (TransitionRefused, *also_refused) as error:
        return refused(error.reasons)
    if isinstance(answer, HttpResponse):
        return answer
    messages.success(request, message(found.step) if message else _done(found, name))
    return done()


def _done(found, name):
    return _("Done: %(step)s.") % {"step": found.step.label if found else name}
