"""Phase types that methods whose inputs residents support and comment on share, besides their own for collecting
input. Their resident actions are "comment" and "support"."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .registry import PhaseType

COMMENT_ON_INPUT = PhaseType(
    key="comment",
    name=pgettext_lazy("verb", "Comment"),
    description=_("No new input; residents comment on and support what has been written."),
    features=frozenset({"comment", "support"}),
)
READ_INPUT = PhaseType(
    key="view",
    name=_("Read only"),
    description=_("Everyone can read the input; nobody can add to it."),
    features=frozenset(),
)
