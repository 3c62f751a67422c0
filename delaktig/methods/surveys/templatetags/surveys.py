from django import template

from .. import selectors
from ..charts import bar_chart

register = template.Library()


@register.simple_tag
def surveys_summary(module):
    """{% surveys_summary module as summary %}: the survey and the running phase (one query)."""
    return selectors.module_summary(module)


@register.simple_tag
def survey_chart(result, prefix="chart"):
    """The bar chart of one question's result (its numbers are in the table beside it)."""
    bars = [(bar.label, bar.share) for bar in result.bars]
    return bar_chart(bars, title=f"{result.number}. {result.question.text}", chart_id=f"{prefix}-{result.question.pk}")


@register.filter
def percent(value):
    """42,5 % (or – when there is nothing to count)."""
    if value is None:
        return "–"
    return f"{value:.1f}".replace(".", ",") + "\u00a0%"
