from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from delaktig.background import purposes

from .generation import decision_basis_generate
from .models import DecisionBasis


@task()
def decision_basis_generate_task(*, basis_id):
    decision_basis_generate(basis_id=basis_id)


@purposes.describes(decision_basis_generate_task)
def _basis_purpose(kwargs):
    basis = DecisionBasis.objects.select_related("dialogue__municipality").filter(pk=kwargs.get("basis_id")).first()
    if basis is None:
        return None
    dialogue = basis.dialogue
    return purposes.Purpose(
        municipality_id=dialogue.municipality_id,
        text=_("The decision basis for “%(dialogue)s”, version %(version)s")
        % {"dialogue": dialogue.title, "version": basis.version},
        url=reverse("decisionbasis:detail", args=[dialogue.municipality.slug, dialogue.pk, basis.version]),
    )
