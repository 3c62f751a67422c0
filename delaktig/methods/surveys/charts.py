"""Bar charts drawn on the server as SVG: no script, no style attribute (the content security policy allows none),
and always shown beside a table with the same numbers.

Each bar has its label above it, so long Swedish alternatives stay readable on a 375-pixel phone when the drawing
scales down with the page.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

WIDTH = 400
LABEL_HEIGHT = 18
BAR_HEIGHT = 16
GAP = 10
LABEL_CHARS = 60
BAR_COLOUR = "#1d4f91"
TRACK_COLOUR = "#f3f2f1"
TEXT_COLOUR = "#1b1b1b"
NUMBER_ROOM = 56  # at the right end of each bar: "100 %"


def _percent(value):
    return "–" if value is None else f"{value:.0f}\u00a0%".replace(".", ",")


def bar_chart(bars, *, title, chart_id):
    """An SVG of horizontal bars, one per (label, share in percent or None); `title` names it for screen readers,
    which are pointed to the table beside it for the numbers."""
    rows = list(bars)
    height = max(len(rows), 1) * (LABEL_HEIGHT + BAR_HEIGHT + GAP)
    track = WIDTH - NUMBER_ROOM
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-title" focusable="false" class="survey-chart">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
    ]
    for index, (label, share) in enumerate(rows):
        top = index * (LABEL_HEIGHT + BAR_HEIGHT + GAP)
        length = 0 if share is None else max(track * min(share, 100) / 100, 1 if share else 0)
        text = escape(Truncator(str(label)).chars(LABEL_CHARS))
        parts += [
            f'<text x="0" y="{top + 13}" font-size="13" fill="{TEXT_COLOUR}">{text}</text>',
            f'<rect x="0" y="{top + LABEL_HEIGHT}" width="{track}" height="{BAR_HEIGHT}" fill="{TRACK_COLOUR}"/>',
            f'<rect x="0" y="{top + LABEL_HEIGHT}" width="{length:.1f}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"/>',
            f'<text x="{track + 6}" y="{top + LABEL_HEIGHT + 13}" font-size="13" fill="{TEXT_COLOUR}">'
            f"{escape(_percent(share))}</text>",
        ]
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above
