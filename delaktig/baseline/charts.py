"""The baseline on the ladder as a bar chart drawn on the server as SVG: for each step, one bar per year with its
share written beside it (year and percent in words, so colour never carries the meaning alone). The same numbers
are in the table beside the chart. No script and no style attribute (the content security policy allows none)."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 640
LABEL_HEIGHT = 18
BAR_HEIGHT = 16
GAP = 4
GROUP_GAP = 12
NUMBER_ROOM = 110  # at the right end of each bar: "2025: 100 %"
COLOURS = ("#6f777b", "#1d4f91")  # the earlier year grey, the later one the brand's blue
TRACK_COLOUR = "#f3f2f1"
TEXT_COLOUR = "#1b1b1b"


def _percent(value):
    return f"{value:.0f}\u00a0%".replace(".", ",")


def ladder_chart(rows, years, *, title, chart_id):
    """`rows`: selectors.LevelRow (label, shares per year); `years`: the years, oldest first."""
    rows = list(rows)
    group = LABEL_HEIGHT + len(years) * (BAR_HEIGHT + GAP) + GROUP_GAP
    height = max(len(rows), 1) * group
    track = WIDTH - NUMBER_ROOM
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-title" focusable="false" class="baseline-chart">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
    ]
    for index, row in enumerate(rows):
        top = index * group
        parts.append(f'<text x="0" y="{top + 13}" font-size="13" fill="{TEXT_COLOUR}">{escape(row.label)}</text>')
        for position, (year, share) in enumerate(zip(years, row.shares, strict=True)):
            y = top + LABEL_HEIGHT + position * (BAR_HEIGHT + GAP)
            length = max(track * min(share, 100) / 100, 1 if share else 0)
            colour = COLOURS[position % len(COLOURS)]
            parts += [
                f'<rect x="0" y="{y}" width="{track}" height="{BAR_HEIGHT}" fill="{TRACK_COLOUR}"/>',
                f'<rect x="0" y="{y}" width="{length:.1f}" height="{BAR_HEIGHT}" fill="{colour}"/>',
                f'<text x="{track + 6}" y="{y + 13}" font-size="13" fill="{TEXT_COLOUR}">'
                f"{year}: {escape(_percent(share))}</text>",
            ]
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above
