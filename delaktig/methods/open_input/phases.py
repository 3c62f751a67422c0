"""The phases an open-input module can run in, and the resident actions each allows."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.participation.registry import PhaseType

COLLECT = PhaseType(
    key="collect",
    name=_("Collect input"),
    description=_("Residents write ideas and views, comment on them and support them."),
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
