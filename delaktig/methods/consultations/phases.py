"""The phases a document consultation runs in, and the resident actions each allows.

The consultation period is the commenting phase: from its start to its end residents comment on the document.
"""

from django.utils.translation import gettext_lazy as _

from delaktig.participation.registry import PhaseType

COMMENTING = PhaseType(
    key="commenting",
    name=_("Consultation period"),
    description=_("Residents, organisations and authorities read the document and comment on it."),
    features=frozenset({"comment", "follow"}),
)
READING = PhaseType(
    key="reading",
    name=_("Reading only"),
    description=_("Everyone can read the document, the comments and the answers; nobody can comment."),
    features=frozenset({"follow"}),
)

PHASE_TYPES = {phase.key: phase for phase in (COMMENTING, READING)}
