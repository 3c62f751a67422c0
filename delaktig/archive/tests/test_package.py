"""The package end to end with the immediate task backend: structure, the XML's elements in order, completeness
(every file described with its size and checksum, and nothing described that is missing), and no personal data."""

import hashlib
import io
import xml.etree.ElementTree as ET
import zipfile

import pytest
from django.core.exceptions import ValidationError

from delaktig.archive import description, services
from delaktig.archive.models import ArchiveExport, Status
from delaktig.core.models import AuditEvent
from delaktig.dialogues.models import State

from .support import CASE, HIDDEN_EMAIL, HIDDEN_IP, HIDDEN_NAME, dialogue_in

pytestmark = pytest.mark.django_db

NS = {"e": description.ERMS, "dk": description.DELAKTIG}
EXPECTED = {
    "arende.xml",
    "dokument/beslutsunderlag-KS-2026-88-v1.pdf",
    "dokument/beslutsunderlag-KS-2026-88-v1.docx",
    "dokument/aterkoppling-och-utfall.txt",
    "beslut/beslut-att-halla-dialogen.txt",
    "beslut/beslut-i-arendet.txt",
    "synpunkter/synpunkter.csv",
    "logg/handelselogg.csv",
}


def built(dialogue, actor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        export = services.archive_export_request(dialogue=dialogue, actor=actor)
    export.refresh_from_db()
    return export


@pytest.fixture
def export(dialogue, staff, django_capture_on_commit_callbacks):
    return built(dialogue, staff["registrar"], django_capture_on_commit_callbacks)


def unzip(export):
    with export.package.open("rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    return {name: archive.read(name) for name in archive.namelist()}


def local(element):
    return element.tag.split("}", 1)[1]


def one(element, path):
    """The element at `path` under `element` (the test fails if there is none)."""
    found = element.find(path, NS)
    assert found is not None, path
    return found


def text(element, path):
    return one(element, path).text or ""


def test_the_zip_holds_the_documents_decisions_inputs_and_audit_trail(export):
    assert export.status == Status.DONE and export.progress == 100, export.error
    files = unzip(export)
    assert set(files) == EXPECTED
    assert files["dokument/beslutsunderlag-KS-2026-88-v1.pdf"].startswith(b"%PDF")
    assert export.file_count == len(EXPECTED) - 1
    assert export.size == len(export.package.open("rb").read())
    assert export.checksum == hashlib.sha256(export.package.open("rb").read()).hexdigest()


def test_the_xml_is_a_cits_erms_case_file_with_its_elements_in_order(export):
    root = ET.fromstring(unzip(export)["arende.xml"])
    assert root.tag == f"{{{description.ERMS}}}erms"
    assert "ERMS_v3.xsd" in (root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation") or "")
    assert [local(child) for child in root] == ["control", "aggregations"]
    control = one(root, "e:control")
    assert text(control, "e:identification") == str(export.identifier)
    assert text(control, "e:maintenanceInformation/e:maintenanceAgency/e:agencyName")
    aggregation = one(root, "e:aggregations/e:aggregation")
    assert aggregation.get("aggregationType") == "caseFile"
    names = [local(child) for child in aggregation]
    required = ["objectId", "classification", "title", "status", "agents", "dates", "action", "record"]
    assert all(name in names for name in required)
    order = [description.AGGREGATION_ORDER.index(name) for name in names]
    assert order == sorted(order), names
    assert text(aggregation, "e:objectId") == CASE
    assert one(aggregation, "e:status").get("value") == "closed"
    dates = {d.get("dateType"): d.text for d in aggregation.findall("e:dates/e:date", NS)}
    assert {"created", "closed"} <= set(dates)
    agents = aggregation.findall("e:agents/e:agent", NS)
    assert [a.get("agentType") for a in agents] == ["creator", "responsible_person"]
    assert text(agents[1], "e:role") == "Handläggare"
    actions = aggregation.findall("e:action", NS)
    assert [text(a, "e:actionType") for a in actions] == ["Beslut", "Beslut"]
    for record in aggregation.findall("e:record", NS):
        names = [local(child) for child in record]
        assert names[0] == "objectId" and "title" in names and "additionalInformation" in names
        order = [description.RECORD_ORDER.index(name) for name in names]
        assert order == sorted(order), names


def described_files(xml):
    root = ET.fromstring(xml)
    found = {}
    for record in root.iterfind(".//e:record", NS):
        file = one(record, "e:additionalInformation/e:additionalXMLData/dk:document/dk:file")
        appendix = one(record, "e:additionalInformation/e:appendix")
        path = text(file, "dk:path")
        assert appendix.get("path") == path and appendix.get("name") == text(file, "dk:fileName")
        checksum = one(file, "dk:checksum")
        assert checksum.get("checksumType") == "SHA-256"
        found[path] = (int(text(file, "dk:size")), checksum.text, text(file, "dk:mimeType"))
    return found


def test_every_file_is_described_with_its_size_and_checksum_and_nothing_else_is(export):
    files = unzip(export)
    described = described_files(files.pop("arende.xml"))
    assert set(described) == set(files)
    for path, data in files.items():
        size, checksum, mime = described[path]
        assert size == len(data) and checksum == hashlib.sha256(data).hexdigest(), path
        assert mime in {"application/pdf", "text/plain", "text/csv", description_docx()}


def description_docx():
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_no_personal_data_in_the_package(export, staff):
    files = unzip(export)
    everything = b"\n".join(files.values()).decode("utf-8")
    for secret in (HIDDEN_NAME, HIDDEN_EMAIL, HIDDEN_IP, "Anna Andersson", "anna.andersson@example.se"):
        assert secret not in everything, secret
    for person in staff.values():
        assert person.email not in everything and person.name not in everything
    inputs = files["synpunkter/synpunkter.csv"].decode("utf-8-sig")
    assert "Fler bänkar vid lekplatsen, förslag 1." in inputs and "[e-postadress borttagen]" in inputs
    assert "Lekplats" in inputs and "På papper" in inputs
    assert "30-44" not in inputs and "Centrum" not in inputs  # what people told about themselves stays out


def test_the_audit_trail_names_roles_and_user_ids_and_records_the_export(export, staff, participant):
    trail = unzip(export)["logg/handelselogg.csv"].decode("utf-8-sig")
    assert "Exporterad för arkivet" in trail and "archive.exported" in trail
    registrar_line = next(line for line in trail.splitlines() if "archive.exported" in line)
    assert "Registrator" in registrar_line and f";{staff['registrar'].pk};" in registrar_line
    follow_line = next(line for line in trail.splitlines() if "dialogue.follow" in line)
    assert ";Deltagare;;" in follow_line  # a participant: no user id
    event = AuditEvent.objects.get(action="archive.exported")
    assert event.actor == staff["registrar"] and event.data["archive_export_id"] == export.pk


@pytest.mark.parametrize("state", [State.OPEN, State.CLOSED, State.RESULTS_COMPILED])
def test_a_dialogue_not_yet_decided_is_refused_and_nothing_is_stored(municipality, store, staff, state):
    dialogue = dialogue_in(municipality, state=state)
    with pytest.raises(ValidationError) as refused:
        services.archive_export_request(dialogue=dialogue, actor=staff["registrar"])
    assert "beslutet i ärendet" in refused.value.messages[0]
    assert not ArchiveExport.objects.exists() and not AuditEvent.objects.filter(action="archive.exported").exists()


@pytest.mark.parametrize("state", [State.FEEDBACK_PUBLISHED, State.EVALUATED])
def test_later_states_export_too_and_a_missing_case_number_uses_delaktigs_id(
    municipality, store, staff, state, django_capture_on_commit_callbacks
):
    dialogue = dialogue_in(municipality, state=state, case_number="")
    export = built(dialogue, staff["democracy_officer"], django_capture_on_commit_callbacks)
    assert export.status == Status.DONE, export.error
    root = ET.fromstring(unzip(export)["arende.xml"])
    assert text(root, "e:aggregations/e:aggregation/e:objectId") == f"DELAKTIG-{dialogue.pk}"


def test_a_failure_is_kept_on_the_row(dialogue, staff, django_capture_on_commit_callbacks, monkeypatch):
    from delaktig.archive import contents

    monkeypatch.setattr(contents, "gather", lambda dialogue: 1 / 0)
    export = built(dialogue, staff["registrar"], django_capture_on_commit_callbacks)
    assert export.status == Status.FAILED and "ZeroDivisionError" in export.error and not export.package
