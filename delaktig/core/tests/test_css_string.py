"""Text in a CSS string of a <style> block (a PDF's running footer) prints as written and cannot end the block."""

from delaktig.core.templatetags.delaktig import css_string


def test_a_hyphen_prints_as_a_hyphen_and_nothing_ends_the_string_or_the_block():
    escaped = css_string('Barn- och bildningsnämnden "KS" </style>')
    assert escaped.startswith("Barn\\2d  och bildningsnämnden")  # CSS reads "\2d " as "-", the space after it stays
    assert '"' not in escaped and "<" not in escaped and "u002D" not in escaped
