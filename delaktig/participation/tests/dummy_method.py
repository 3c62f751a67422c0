"""A participation method that exists only in tests: registered with registry.temporarily()."""

from django.http import HttpResponse
from django.urls import path

from delaktig.organisations.models import Role
from delaktig.participation.registry import MethodManifest, PhaseType


def index(request, dialogue_id, module_id):
    return HttpResponse(f"dummy {request.municipality.slug} {dialogue_id} {module_id}")


# Used as both the public and the staff URLs of the dummy method.
urlpatterns = [path("", index, name="index")]

PHASES = {
    "vote": PhaseType("vote", "Vote", "Residents vote.", frozenset({"vote"})),
    "discuss": PhaseType("discuss", "Discuss", "Residents discuss.", frozenset({"vote", "discuss"})),
    "view": PhaseType("view", "View", "Read only.", frozenset()),
}


def dummy_manifest(key="dummy", **overrides):
    fields = {
        "key": key,
        "name": "Dummy",
        "description": "A method for tests.",
        "phase_types": PHASES,
        "public_urls": __name__,
        "staff_urls": __name__,
        "resident_actions": frozenset({"vote", "discuss"}),
        "staff_actions": {"tally": frozenset({Role.MODERATOR, Role.REGISTRAR})},
        "stats": lambda module: {"votes": 0},
        "export_rows": lambda module: [],
        "personal_data": lambda user: [],
        "erase": lambda user: 0,
        "participant_ids": lambda module: set(),
        "module_template": "does/not/matter.html",
    }
    return MethodManifest(**{**fields, **overrides})
