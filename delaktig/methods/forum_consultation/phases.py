"""The one phase of a forum consultation: the forum is asked and gives its statement. Residents take no action in
the module (they read the statements); staff record what the forum said."""

from django.utils.translation import gettext_lazy as _

from delaktig.participation.registry import PhaseType

CONSULT = PhaseType(
    key="consult",
    name=_("The forum is consulted"),
    description=_("The standing forum is asked about the matter and gives its statement."),
    features=frozenset(),
)

PHASE_TYPES = {CONSULT.key: CONSULT}
