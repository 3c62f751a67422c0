"""Generation end to end with the immediate task backend: PDF and Word, versions, progress, failures, privacy."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from pypdf import PdfReader

from delaktig.core.models import AuditEvent
from delaktig.decisionbasis import services
from delaktig.decisionbasis.models import DecisionBasis, Status

from .support import CASE, HIDDEN_EMAIL, HIDDEN_NAME, report

pytestmark = pytest.mark.django_db(transaction=False)


def request(dialogue, actor, **kwargs):
    kwargs.setdefault("assessment", "Förvaltningen föreslår en lekplats med bänkar.")
    return services.decision_basis_request(dialogue=dialogue, actor=actor, **report(dialogue, actor, **kwargs))


def generated(dialogue, actor, django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        basis = request(dialogue, actor, **kwargs)
    basis.refresh_from_db()
    return basis


def pdf_text(basis):
    return "\n".join(page.extract_text() for page in PdfReader(basis.pdf.open("rb")).pages)


def docx_of(basis):
    return Document(io.BytesIO(basis.docx.open("rb").read()))


def test_a_request_generates_pdf_and_word_in_the_background(dialogue, staff, django_capture_on_commit_callbacks):
    basis = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks)
    assert basis.status == Status.DONE and basis.progress == 100 and basis.finished_at
    assert basis.registration_number == CASE
    assert basis.pdf.name.endswith("beslutsunderlag-KS-2026-77-v1.pdf")
    assert basis.pdf.open("rb").read(4) == b"%PDF"
    assert basis.docx.name.endswith("beslutsunderlag-KS-2026-77-v1.docx")


def test_the_pdf_carries_the_number_on_every_page_and_the_content_in_order(
    dialogue, staff, django_capture_on_commit_callbacks
):
    basis = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks, consultation_text="Samråd hölls.")
    pages = [page.extract_text() for page in PdfReader(basis.pdf.open("rb")).pages]
    assert all(CASE in page for page in pages)
    assert all("Sida" in page for page in pages)
    text = "\n".join(pages)
    headings = [
        "Tjänsteskrivelse",
        "Förslag till beslut",
        "Medborgardialogen",
        "Frågan",
        "Syfte",
        "Grad av inflytande",
        "Beslutet att hålla dialogen",
        "Deltagande och representativitet",
        "Representativitet",
        "Teman i synpunkterna",
        "Samrådsredogörelse",
        "Tjänstepersonens bedömning",
        "Undertecknad av",
        "Bilagor",
        "Bilaga 1: Alla synpunkter",
    ]
    positions = [text.index(heading) for heading in headings]
    assert positions == sorted(positions)
    assert "Lekplats" in text and "Fler bänkar vid lekplatsen" in text
    assert "Förvaltningen föreslår en lekplats med bänkar." in text


def test_the_pdf_is_tagged_for_screen_readers_with_language_and_title(
    dialogue, staff, django_capture_on_commit_callbacks
):
    basis = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks)
    reader = PdfReader(basis.pdf.open("rb"))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/Lang"] == "sv"
    assert CASE in reader.metadata.title


def test_the_word_document_has_heading_styles_and_the_number_in_the_header(
    dialogue, staff, django_capture_on_commit_callbacks
):
    basis = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks)
    document = docx_of(basis)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:4] == [
        "Förslag till beslut",
        "Medborgardialogen",
        "Deltagande och representativitet",
        "Teman i synpunkterna",
    ]
    assert headings[-4:] == ["Tjänstepersonens bedömning", "Undertecknad av", "Bilagor", "Bilaga 1: Alla synpunkter"]
    assert [p.text for p in document.paragraphs if p.style.name == "Heading 2"][:3] == [
        "Frågan",
        "Syfte",
        "Period",
    ]
    assert CASE in document.sections[0].header.paragraphs[0].text
    assert any(p.style.name == "Quote" and "Fler bänkar" in p.text for p in document.paragraphs)
    assert len(document.tables) >= 4


def test_no_personal_data_in_either_output(dialogue, staff, django_capture_on_commit_callbacks):
    basis = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks)
    word_text = "\n".join(p.text for p in docx_of(basis).paragraphs)
    for text in (pdf_text(basis), word_text):
        assert HIDDEN_EMAIL not in text and "@" not in text
        assert HIDDEN_NAME not in text
        assert staff["officer"].email not in text
        assert "e-postadress borttagen" in text


def test_versions_increment_and_an_earlier_version_is_never_overwritten(
    dialogue, staff, django_capture_on_commit_callbacks
):
    first = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks)
    first_pdf = first.pdf.open("rb").read()
    second = generated(dialogue, staff["democracy_officer"], django_capture_on_commit_callbacks, assessment="Ny text.")
    first.refresh_from_db()
    assert (first.version, second.version) == (1, 2)
    assert first.pdf.name != second.pdf.name and second.pdf.name.endswith("-v2.pdf")
    assert first.pdf.open("rb").read() == first_pdf
    assert first.assessment != second.assessment


def test_running_a_finished_version_again_changes_nothing(dialogue, staff, django_capture_on_commit_callbacks):
    basis = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks)
    calls = []
    again = services.decision_basis_generate(basis_id=basis.pk, renderers={"pdf": calls.append, "docx": calls.append})
    assert again.pdf.name == basis.pdf.name and calls == []


def test_progress_moves_through_the_steps(dialogue, staff):
    basis = request(dialogue, staff["officer"])
    assert (basis.status, basis.progress) == (Status.QUEUED, 0)
    seen = []

    def watch(label):
        def render(content):
            row = DecisionBasis.objects.get(pk=basis.pk)
            seen.append((label, row.status, row.progress, row.step))
            return b"%PDF-fake" if label == "pdf" else b"docx"

        return render

    services.decision_basis_generate(basis_id=basis.pk, renderers={"pdf": watch("pdf"), "docx": watch("docx")})
    assert [(label, status, progress) for label, status, progress, _step in seen] == [
        ("pdf", Status.RUNNING, 35),
        ("docx", Status.RUNNING, 75),
    ]
    assert seen[0][3] == "Skriver pdf-filen"
    basis.refresh_from_db()
    assert (basis.status, basis.progress, basis.step) == (Status.DONE, 100, "Klart")


def test_a_failing_render_is_stored_as_failed_with_the_message(dialogue, staff):
    basis = request(dialogue, staff["officer"])

    def broken(content):
        raise RuntimeError("Typsnittet saknas")

    result = services.decision_basis_generate(basis_id=basis.pk, renderers={"pdf": broken, "docx": broken})
    assert result.status == Status.FAILED
    assert "Typsnittet saknas" in result.error
    assert not result.pdf and result.finished_at


def test_a_missing_case_number_is_a_clear_error_unless_one_is_given(dialogue, staff):
    dialogue.case_number = ""
    dialogue.save()
    with pytest.raises(ValidationError) as error:
        request(dialogue, staff["officer"])
    assert "diarienummer" in str(error.value.message_dict["registration_number"])
    assert not DecisionBasis.objects.exists()
    basis = request(dialogue, staff["officer"], registration_number=" KS 2026/9 ")
    assert basis.registration_number == "KS 2026/9"


def test_the_case_number_of_the_dialogue_wins_over_a_typed_one(dialogue, staff):
    assert request(dialogue, staff["officer"], registration_number="X 1").registration_number == CASE


def test_an_empty_assessment_is_refused(dialogue, staff):
    with pytest.raises(ValidationError):
        request(dialogue, staff["officer"], assessment="   ")


def test_each_request_leaves_an_audit_event(dialogue, staff):
    request(dialogue, staff["officer"])
    request(dialogue, staff["officer"])
    events = AuditEvent.objects.filter(action="decision_basis.requested", target_id=dialogue.pk)
    assert [e.data["version"] for e in events] == [1, 2]
    assert events[0].actor == staff["officer"]


def test_an_uploaded_consultation_report_is_kept_and_named_in_the_document(
    dialogue, staff, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("samrad.pdf", b"%PDF-1.4 samrad", content_type="application/pdf")
    basis = generated(dialogue, staff["officer"], django_capture_on_commit_callbacks, consultation_file=upload)
    assert basis.consultation_file.open("rb").read() == b"%PDF-1.4 samrad"
    assert "samradsredogorelse-v1.pdf" in pdf_text(basis)
    attached = PdfReader(basis.pdf.open("rb")).attachments
    assert attached == {"samradsredogorelse-v1.pdf": [b"%PDF-1.4 samrad"]}
    word_text = "\n".join(p.text for p in docx_of(basis).paragraphs)
    assert "samradsredogorelse-v1.pdf" in word_text
