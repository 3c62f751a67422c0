"""Demo data for archive: one archive package of a decided dialogue, the one with a decision basis if it is decided."""

from django.conf import settings
from django.db.models import Count

from delaktig.archive import services
from delaktig.archive.models import ArchiveExport
from delaktig.archive.selectors import ARCHIVE_STATES
from delaktig.dialogues.models import Dialogue


def load(muni, bodies, people):
    """Idempotent: called once per demo municipality, after its dialogues, decision basis and follow-up exist."""
    dialogue = _decided_dialogue(muni)
    if dialogue is None or ArchiveExport.objects.filter(dialogue=dialogue).exists():
        return
    export = services.archive_export_request(dialogue=dialogue, actor=people["registrator"])
    if settings.DEMO_DOCUMENTS_AT_ONCE:  # so `make run` shows the download at once; else the worker builds it
        services.archive_export_build(export_id=export.pk)


def _decided_dialogue(muni):
    """The decided dialogue (decision in the matter or later) with a case number and the most decision bases."""
    candidates = (
        Dialogue.objects.filter(municipality=muni, state__in=ARCHIVE_STATES)
        .exclude(case_number="")
        .annotate(bases=Count("decision_bases"))
        .order_by("-bases", "pk")
    )
    return candidates.first()
