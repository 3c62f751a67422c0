"""The consultation report offered to the decision basis (manifest `decision_basis_documents`)."""

from django.utils.translation import gettext as _

from delaktig.participation.registry import DecisionBasisDocument

from .report import report_of
from .report_render import report_pdf


def decision_basis_documents(module) -> list:
    """The consultation report, offered to the decision basis (manifest `decision_basis_documents`): the counts and
    the staff's summaries as its section, the whole report as a tagged PDF attached; nothing before any comment."""
    report = report_of(module)
    if report is None or report.total == 0:
        return []
    counts = ", ".join(f"{label.lower()}: {count}" for label, count in report.counts)
    paragraphs = [
        _("%(count)s comments on “%(title)s” were published (%(counts)s).")
        % {"count": report.total, "title": report.document_title, "counts": counts}
    ]
    paragraphs += [f"{section.title}: {section.summary}" for section in report.sections if section.summary]
    return [
        DecisionBasisDocument(
            title=f"{report.title}: {report.document_title}",
            paragraphs=tuple(paragraphs),
            file_name=f"samradsredogorelse-{module.pk}.pdf",
            pdf=report_pdf(report),
        )
    ]
