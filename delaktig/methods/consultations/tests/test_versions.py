"""A new version of a document: comments stay with the paragraph they were written on, and changes read word by
word."""

from ..versions import changes, matched, words_diff

OLD = [
    (1, "Planen visar hur mark och vatten ska användas."),
    (2, "Vi vill bygga nära service och kollektivtrafik."),
    (3, "Inga nya hus närmare än 100 meter från stranden."),
    (4, "Fler bussar till Ekshärad."),
]
NEW = [
    (11, "Planen visar hur mark och vatten ska användas."),
    (12, "Ett nytt stycke om skolor."),
    (13, "Vi vill bygga nära service, skolor och kollektivtrafik."),
    (14, "Inga nya hus närmare än 150 meter från stranden."),
]


def test_each_old_paragraph_is_found_in_the_new_version_or_is_gone():
    assert matched(OLD, NEW) == {1: 11, 2: 13, 3: 14}


def test_changes_read_in_the_new_order_with_removed_paragraphs_where_they_stood():
    found = changes(OLD, NEW)
    assert [(c.kind, c.old, c.new) for c in found] == [
        ("unchanged", 1, 11),
        ("added", None, 12),
        ("changed", 2, 13),
        ("changed", 3, 14),
        ("removed", 4, None),
    ]
    assert found[3].diff == [
        ("same", "Inga nya hus närmare än"), ("removed", "100"), ("added", "150"), ("same", "meter från stranden.")
    ]  # fmt: skip


def test_a_moved_paragraph_keeps_its_comments_and_unrelated_text_is_not_paired():
    old = [(1, "Alfa beta gamma delta."), (2, "Epsilon zeta eta theta."), (3, "Iota kappa lambda my.")]
    new = [(21, "Iota kappa lambda my."), (22, "Alfa beta gamma delta."), (23, "Helt ny text om annat.")]
    pairs = matched(old, new)
    assert pairs[1] == 22 and 2 not in pairs
    assert pairs.get(3) in (21, None)  # one order wins; never two old paragraphs on one new


def test_words_diff_ignores_spacing_and_shows_what_was_added_and_removed():
    assert words_diff("Ett  två\ntre", "Ett två tre") == [("same", "Ett två tre")]
    assert words_diff("Ett två", "Ett tre två fyra") == [("same", "Ett"), ("added", "tre"), ("same", "två"),
                                                          ("added", "fyra")]  # fmt: skip
