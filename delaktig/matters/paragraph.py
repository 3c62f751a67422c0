"""The paragraph on citizen dialogue for the officer's report (tjänsteskrivelse), from the early answer: to copy
from the page, or to download as text or as a Word file with a real heading."""

import io

from django.utils.translation import gettext as _

from delaktig.core.templatetags.delaktig import human_date

from .models import Planned


def heading():
    return _("Citizen dialogue")


def paragraphs(matter):
    """The paragraph's sentences grouped as paragraphs, or [] while the question is not answered."""
    if not matter.answered:
        return []
    rule = _(
        "According to the municipality's guidelines for citizen dialogue, dialogue shall be considered before every "
        "decision that affects residents."
    )
    reason = matter.reason.strip()
    if matter.planned == Planned.NO:
        text = [rule + " " + _("No citizen dialogue is planned before the decision in this matter.")]
        if reason:
            text.append(_("Reason: %(reason)s") % {"reason": reason})
        return text
    dialogue = matter.dialogue
    if dialogue is None:
        planned = _("A citizen dialogue is planned before the decision in this matter.")
    elif dialogue.starts_on and dialogue.ends_on:
        planned = _(
            "A citizen dialogue, “%(title)s”, is held before the decision in this matter, from %(start)s to %(end)s."
        ) % {"title": dialogue.title, "start": human_date(dialogue.starts_on), "end": human_date(dialogue.ends_on)}
    else:
        planned = _("A citizen dialogue, “%(title)s”, is held before the decision in this matter.") % {
            "title": dialogue.title
        }
    text = [f"{rule} {planned}"]
    if reason:
        text.append(reason)
    text.append(_("The results of the dialogue will be part of the basis for the decision."))
    return text


def as_text(matter):
    body = paragraphs(matter)
    return "\n\n".join([heading(), *body]) + "\n" if body else ""


def as_docx(matter):
    import docx

    out = docx.Document()
    out.core_properties.title = f"{matter.case_number} – {heading()}"
    out.core_properties.language = "sv-SE"
    out.add_heading(heading(), level=2)
    for text in paragraphs(matter):
        out.add_paragraph(text)
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()
