"""The consultation report reaches the decision basis as a section and as a PDF attached to it (manifest
`decision_basis_documents`), instead of a file uploaded by hand."""

import io

import pytest
from docx import Document
from pypdf import PdfReader

from delaktig.decisionbasis import content, services
from delaktig.decisionbasis.render import render_docx, render_html
from delaktig.decisionbasis.render.pdf import render_pdf
from delaktig.decisionbasis.tests.support import report

from .. import services as consultations
from ..decision_basis import decision_basis_documents
from .factories import paragraph_of, remark_on

pytestmark = pytest.mark.django_db


def test_no_comments_offer_nothing(module, version):
    assert decision_basis_documents(module) == []


def test_the_report_is_a_section_and_an_attachment_of_the_decision_basis(module, version, staff):
    housing = paragraph_of(version, "200 nya bostäder")
    remark_on(module, version, housing, text="Fler hyresrätter.")
    consultations.summary_set(
        document=version.document,
        chapter_anchor=housing.chapter.anchor,
        text="Hyresrätter efterfrågas.",
        actor=staff["officer"],
    )
    basis = services.decision_basis_request(
        dialogue=module.dialogue,
        actor=staff["officer"],
        assessment="Bedömning.",
        registration_number="KS 2026/12",
        **report(module.dialogue, staff["officer"]),
    )
    gathered = content.gather(basis)
    assert len(gathered.documents) == 1
    html = render_html(gathered)
    assert "Samrådsredogörelse: Översiktsplan för Hagfors" in html and "Hyresrätter efterfrågas." in html
    text = "\n".join(p.text for p in Document(io.BytesIO(render_docx(gathered))).paragraphs)
    assert "Bostäder: Hyresrätter efterfrågas." in text
    reader = PdfReader(io.BytesIO(render_pdf(gathered)))
    assert f"samradsredogorelse-{module.pk}.pdf" in reader.attachments
