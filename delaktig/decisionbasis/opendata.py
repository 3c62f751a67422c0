"""The decision bases sent to the board, for open data (hook `open_data_datasets`): public documents, with where to
download them. Never who wrote or sent them beyond the signature printed in the document itself."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from delaktig.core.contributions import Dataset, DatasetField, detail_by_pk, iso_or_none

from . import selectors


def rows(municipality, filters):
    found = selectors.sent_in(municipality)
    if "dialogue_id" in filters:
        found = found.filter(dialogue_id=filters["dialogue_id"])
    return found


def to_row(basis):
    dialogue = basis.dialogue
    args = [dialogue.municipality.slug, dialogue.pk, basis.version]
    return {
        "id": basis.pk,
        "dialogue_id": dialogue.pk,
        "dialogue_title": dialogue.title,
        "version": basis.version,
        "registration_number": basis.registration_number,
        "addressee": basis.addressee or None,
        "sent_at": iso_or_none(basis.sent_at),
        "pdf_url": reverse("decisionbasis:public_pdf", args=args),
        "pdf_bytes": basis.pdf_size,
        "docx_url": reverse("decisionbasis:public_docx", args=args),
        "docx_bytes": basis.docx_size,
    }


DECISION_BASES = Dataset(
    key="decision-bases",
    title=_("Decision bases sent to the board"),
    description=_(
        "The officer's reports (decision bases) on citizen dialogues that have been sent to the deciding body: the "
        "dialogue, the version, the registration number, the body, when it was sent, and links to the PDF and Word "
        "files."
    ),
    fields=(
        DatasetField("id", "integer", _("Identifier of the decision basis")),
        DatasetField("dialogue_id", "integer", _("Identifier of the dialogue")),
        DatasetField("dialogue_title", "string", _("The dialogue")),
        DatasetField("version", "integer", _("Version")),
        DatasetField("registration_number", "string", _("Registration number of the case")),
        DatasetField("addressee", "string", _("The body it was sent to"), nullable=True),
        DatasetField("sent_at", "date-time", _("When it was sent to the board")),
        DatasetField("pdf_url", "string", _("Address of the PDF file")),
        DatasetField("pdf_bytes", "integer", _("Size of the PDF file in bytes"), nullable=True),
        DatasetField("docx_url", "string", _("Address of the Word file")),
        DatasetField("docx_bytes", "integer", _("Size of the Word file in bytes"), nullable=True),
    ),
    rows=rows,
    to_row=to_row,
    filters=(DatasetField("dialogue_id", "integer", _("Only the decision bases of this dialogue")),),
    detail=detail_by_pk(rows, to_row),
    keywords=("beslutsunderlag", "tjänsteskrivelse", "medborgardialog"),
    order=47,  # after the evaluations: the dialogue's own documents together
)
