"""The phases an open-input module can run in, and the resident actions each allows."""

from django.utils.translation import gettext_lazy as _

from delaktig.participation.phase_types import COMMENT_ON_INPUT, READ_INPUT
from delaktig.participation.registry import PhaseType

COLLECT = PhaseType(
    key="collect",
    name=_("Collect input"),
    description=_("Residents write ideas and views, comment on them and support them."),
    features=frozenset({"post", "comment", "support"}),
)

PHASE_TYPES = {phase.key: phase for phase in (COLLECT, COMMENT_ON_INPUT, READ_INPUT)}
