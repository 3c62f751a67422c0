"""The demo: its decided dialogue gets an archive package when the demo loads; loading twice adds nothing."""

import pytest

from delaktig.archive.models import ArchiveExport, Status
from delaktig.archive.selectors import ARCHIVE_STATES
from delaktig.demo import archive as demo
from delaktig.demo.tests.site import demo_data  # noqa: F401 (a fixture)
from delaktig.dialogues.models import State

from .support import dialogue_in


@pytest.mark.django_db
def test_the_demos_decided_dialogue_is_exported_when_it_loads(demo_data):  # noqa: F811
    export = ArchiveExport.objects.select_related("dialogue").get(dialogue__municipality__slug="hagfors")
    assert export.status == Status.DONE, export.error
    assert export.dialogue.state in ARCHIVE_STATES and export.dialogue.case_number
    assert export.file_count >= 5 and export.checksum


@pytest.mark.django_db
def test_the_demo_exports_the_decided_dialogue_once(municipality, staff, store, settings):
    settings.DEMO_DOCUMENTS_AT_ONCE = True
    decided = dialogue_in(municipality)
    dialogue_in(municipality, state=State.RESULTS_COMPILED, case_number="KS 1")
    people = {"registrator": staff["registrar"]}
    demo.load(municipality, {}, people)
    demo.load(municipality, {}, people)
    export = ArchiveExport.objects.get(dialogue__municipality=municipality)
    assert export.dialogue == decided and export.status == Status.DONE and export.package
