"""A horizontal bar chart as SVG: for each group, the panel's share beside the population's, with the numbers
written at the end of each bar (the same numbers are in the table under the chart)."""

from dataclasses import dataclass

LABEL_WIDTH, BAR_WIDTH, ROW_HEIGHT, BAR_HEIGHT, GAP = 230, 330, 40, 14, 4


@dataclass(frozen=True)
class Bar:
    y: int
    width: float
    value: float | None  # None: hidden (suppressed), no bar


@dataclass(frozen=True)
class ChartLine:
    label: str
    y: int  # of the label's baseline
    panel: Bar
    population: Bar
    under: bool


@dataclass(frozen=True)
class BarChart:
    lines: tuple
    height: int
    label_width: int = LABEL_WIDTH
    width: int = LABEL_WIDTH + BAR_WIDTH + 60

    @property
    def value_x(self):
        return self.label_width


def bar_chart(rows) -> BarChart:
    """`rows`: objects with label, panel (percent or None), population (percent) and under."""
    rows = list(rows)
    top = max([row.population for row in rows] + [row.panel or 0 for row in rows] + [1])
    lines = []
    for index, row in enumerate(rows):
        y = index * ROW_HEIGHT + 6
        panel = Bar(y, BAR_WIDTH * (row.panel or 0) / top, row.panel)
        population = Bar(y + BAR_HEIGHT + GAP, BAR_WIDTH * row.population / top, row.population)
        lines.append(ChartLine(row.label, y + BAR_HEIGHT, panel, population, row.under))
    return BarChart(tuple(lines), len(rows) * ROW_HEIGHT + 10)
