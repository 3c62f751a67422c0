"""The municipality's template of the decision basis: the order of the sections, their headings and fixed texts.

The source is the handbook's template page `mall-beslutsunderlag` (foundation.HandbookPage), which staff edit like
any other handbook page. Each section starts with its marker in square brackets on a line of its own, optionally
followed by another heading; the lines up to the next marker are the section's fixed text, printed at its start.
Text before the first marker is guidance for staff and is not printed:

    [bakgrund] Ärendets bakgrund
    [forslag-till-beslut]
    Förvaltningen föreslår att nämnden beslutar

Sections the page leaves out come after the others in the default order, so nothing the document must have is lost;
an unknown marker is ignored. Without the page every section has its default heading and no fixed text.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from delaktig.foundation.models import HandbookPage

TEMPLATE_SLUG = "mall-beslutsunderlag"
MARKER = re.compile(r"^\s*\[([a-z-]+)\]\s*(.*)$")

# (marker, default heading msgid), in the default order.
SECTIONS = (
    ("bakgrund", gettext_noop("Background")),
    ("forslag-till-beslut", gettext_noop("Proposed decision")),
    ("dialogen", gettext_noop("The citizen dialogue")),
    ("deltagande", gettext_noop("Participation and representativeness")),
    ("teman", gettext_noop("Themes in the inputs")),
    ("raknade-svar", gettext_noop("Answers counted")),
    ("samrad", gettext_noop("Consultation report")),
    ("dokument", gettext_noop("Documents from the dialogue")),
    ("bedomning", gettext_noop("The officer's assessment")),
    ("barnkonsekvenser", gettext_noop("Child-rights assessment")),
    ("underskrift", gettext_noop("Signed by")),
    ("bilagor", gettext_noop("Attachments")),
)
KEYS = tuple(key for key, _heading in SECTIONS)


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    fixed_text: str = ""


def default_sections():
    return tuple(Section(key, _(heading)) for key, heading in SECTIONS)


def parse(text):
    """The sections in the template's order (then the ones it leaves out), with its headings and fixed texts."""
    found: dict[str, Section] = {}
    current, lines = None, []

    def close():
        if current is not None and current.key not in found:
            found[current.key] = Section(current.key, current.heading, "\n".join(lines).strip())

    for line in (text or "").splitlines():
        marker = MARKER.match(line)
        if marker is None:
            lines.append(line)
            continue
        close()
        key, heading = marker.group(1), marker.group(2).strip()
        current = Section(key, heading or _(dict(SECTIONS)[key])) if key in KEYS else None
        lines = []
    close()
    return tuple(found.values()) + tuple(section for section in default_sections() if section.key not in found)


def template_page(municipality):
    return HandbookPage.objects.filter(municipality=municipality, slug=TEMPLATE_SLUG).first()


def sections_for(municipality):
    page = template_page(municipality)
    return parse(page.body_text) if page else default_sections()
