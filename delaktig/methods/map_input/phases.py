"""The phases a map dialogue can run in, and the resident actions each allows."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.participation.registry import PhaseType

COLLECT = PhaseType(
    key="collect",
    name=_("Collect input on the map"),
    description=_("Residents mark places on the map with a comment, comment on others' input and support it."),
    features=frozenset({"post", "comment", "support"}),
)
COMMENT = PhaseType(
    key="comment",
    name=pgettext_lazy("verb", "Comment"),
    description=_("No new input; residents comment on and support what has been written."),
    features=frozenset({"comment", "support"}),
)
VIEW = PhaseType(
    key="view",
    name=_("Read only"),
    description=_("Everyone can read the input; nobody can add to it."),
    features=frozenset(),
)

PHASE_TYPES = {phase.key: phase for phase in (COLLECT, COMMENT, VIEW)}
