"""Bar charts drawn from a Chart's table: inline SVG for HTML and PDF, PNG (matplotlib, Agg) for Word.

The first column gives the labels, each further numeric column a series. Every chart is followed by its table
wherever it is shown, so the numbers never depend on reading a picture.
"""

import io
from dataclasses import dataclass
from numbers import Number

from django.utils.html import escape

from .layout import cell_text

COLOURS = ("#1d4f91", "#b35900", "#00703c", "#6f2c91", "#505a5f", "#8a0f1c")
WIDTH, LABEL_WIDTH, BAR, GAP, LEGEND = 640, 220, 14, 10, 22


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple  # numbers, None read as 0


def series_of(table):
    """The numeric columns of a table as series (a column is numeric when every cell is a number or empty)."""
    found = []
    for index, header in enumerate(table.headers[1:], start=1):
        cells = [row[index] if index < len(row) else None for row in table.rows]
        if cells and all(cell is None or _is_number(cell) for cell in cells):
            found.append(Series(str(header), tuple(cell or 0 for cell in cells)))
    return found


def labels_of(table):
    return [cell_text(row[0]) if row else "" for row in table.rows]


def _is_number(value):
    return isinstance(value, Number) and not isinstance(value, bool)


# --- SVG -----------------------------------------------------------------------------------------------------


def svg_bar_chart(chart, chart_id):
    """A grouped bar chart as accessible inline SVG (role img, title and description); `kind` "barh" lies down."""
    series, labels = series_of(chart.table), labels_of(chart.table)
    if chart.kind != "barh":
        return _svg_columns(chart, chart_id, series, labels)
    group = max(len(series), 1) * BAR + GAP
    legend_height = LEGEND * len(series)
    height = legend_height + max(len(labels), 1) * group + GAP
    top = max((max(s.values, default=0) for s in series), default=0) or 1
    scale = (WIDTH - LABEL_WIDTH - 60) / top
    parts = _svg_start(chart, chart_id, series, labels, height) + _legend(series)
    for row, label in enumerate(labels):
        y = legend_height + row * group + GAP
        parts.append(_text(LABEL_WIDTH - 8, y + group / 2 - GAP / 2 + 4, _short(label), anchor="end"))
        for index, one in enumerate(series):
            value = one.values[row]
            bar_y = y + index * BAR
            length = max(value * scale, 0)
            colour = COLOURS[index % len(COLOURS)]
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{bar_y}" width="{length:.1f}" height="{BAR - 2}" fill="{colour}"/>'
            )
            parts.append(_text(LABEL_WIDTH + length + 4, bar_y + BAR - 4, cell_text(value)))
    parts.append(
        f'<line x1="{LABEL_WIDTH}" y1="{legend_height}" x2="{LABEL_WIDTH}" y2="{height}" stroke="#1b1b1b"/></svg>'
    )
    return "".join(parts)


def _svg_columns(chart, chart_id, series, labels):
    """Standing columns, grouped per label; labels slant under the axis so long names stay readable."""
    legend_height, plot_height, label_room, left = LEGEND * len(series), 220, 120, 40
    height = legend_height + GAP + plot_height + label_room
    group = (WIDTH - left - GAP) / max(len(labels), 1)
    bar = min(28.0, group * 0.8 / max(len(series), 1))
    top = max((max(s.values, default=0) for s in series), default=0) or 1
    base = legend_height + GAP + plot_height
    scale = (plot_height - 20) / top
    parts = _svg_start(chart, chart_id, series, labels, height) + _legend(series, x=left)
    for row, label in enumerate(labels):
        start = left + row * group + (group - bar * len(series)) / 2
        centre = left + row * group + group / 2
        parts.append(_text(centre, base + 14, _short(label, 24), anchor="end", rotate=-35))
        for index, one in enumerate(series):
            value, x = one.values[row], start + index * bar
            length = max(value * scale, 0)
            colour = COLOURS[index % len(COLOURS)]
            parts.append(
                f'<rect x="{x:.1f}" y="{base - length:.1f}" width="{bar - 2:.1f}" height="{length:.1f}" '
                f'fill="{colour}"/>'
            )
            parts.append(_text(x + (bar - 2) / 2, base - length - 4, cell_text(value), anchor="middle"))
    parts.append(f'<line x1="{left}" y1="{base}" x2="{WIDTH - GAP}" y2="{base}" stroke="#1b1b1b"/></svg>')
    return "".join(parts)


def _svg_start(chart, chart_id, series, labels, height):
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(chart.title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(_description(chart, series, labels))}</desc>',
    ]


def _legend(series, x=LABEL_WIDTH):
    parts = []
    for index, one in enumerate(series):
        y = index * LEGEND
        colour = COLOURS[index % len(COLOURS)]
        parts.append(f'<rect x="{x}" y="{y + 4}" width="14" height="14" fill="{colour}"/>')
        parts.append(_text(x + 20, y + 16, one.name))
    return parts


def _text(x, y, text, anchor="start", rotate=0):
    turn = f' transform="rotate({rotate} {x:.1f} {y:.1f})"' if rotate else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="12" font-family="DejaVu Sans, Arial, sans-serif" '
        f'fill="#1b1b1b" text-anchor="{anchor}"{turn}>{escape(text)}</text>'
    )


def _short(label, limit=34):
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _description(chart, series, labels):
    parts = [
        f"{label}: " + ", ".join(f"{one.name} {cell_text(one.values[row])}" for one in series)
        for row, label in enumerate(labels)
    ]
    return "; ".join(parts)


# --- PNG -----------------------------------------------------------------------------------------------------


def png_bar_chart(chart):
    """The same chart as a PNG (bytes) drawn with matplotlib's Agg backend, for Word."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    series, labels = series_of(chart.table), labels_of(chart.table)
    tall = max(2.0, 0.35 * len(labels) * max(len(series), 1) + 1.2) if chart.kind == "barh" else 4.5
    figure = Figure(figsize=(7, tall), dpi=120)
    axes = figure.subplots()
    count = max(len(series), 1)
    height = 0.8 / count
    positions = range(len(labels))
    lying = chart.kind == "barh"
    for index, one in enumerate(series):
        offsets = [p + (index - (count - 1) / 2) * height for p in positions]
        draw = axes.barh if lying else axes.bar
        bars = draw(offsets, one.values, height, label=one.name, color=COLOURS[index % len(COLOURS)])
        axes.bar_label(bars, labels=[cell_text(v) for v in one.values], padding=3, fontsize=8)
    if lying:
        axes.set_yticks(list(positions), [_short(label) for label in labels], fontsize=8)
        axes.invert_yaxis()
    else:
        axes.set_xticks(list(positions), [_short(label, 24) for label in labels], fontsize=8, rotation=35, ha="right")
    axes.set_title(chart.title, fontsize=10)
    if series:
        axes.legend(fontsize=8, loc="best")
    axes.margins(**({"x": 0.15} if lying else {"y": 0.15}))
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
