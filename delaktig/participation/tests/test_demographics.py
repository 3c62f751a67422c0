from django.utils import translation

from delaktig.participation.demographics import AgeBand, breakdown, suppress, suppress_counts, suppress_matrix


def shown(cells):
    return [cell.shown() for cell in cells]


def test_suppress_hides_counts_from_one_to_four():
    with translation.override("sv"):
        assert suppress(0) == 0
        assert suppress(1) == "färre än 5"
        assert suppress(4) == "färre än 5"
        assert suppress(5) == 5


def test_one_hidden_cell_hides_the_smallest_other_so_the_total_does_not_reveal_it():
    with translation.override("en"):
        assert shown(suppress_counts([20, 3, 8, 12])) == [20, "fewer than 5", "not shown", 12]


def test_two_hidden_cells_need_no_more():
    with translation.override("en"):
        assert shown(suppress_counts([20, 3, 2, 12])) == [20, "fewer than 5", "fewer than 5", 12]


def test_nothing_small_nothing_hidden():
    assert shown(suppress_counts([0, 5, 9])) == [0, 5, 9]


def test_a_total_below_the_threshold_hides_the_whole_breakdown():
    cells = suppress_counts([1, 0, 2])
    assert all(cell.hidden for cell in cells)
    with translation.override("en"):
        assert shown(cells) == ["fewer than 5", "not shown", "fewer than 5"]


def test_a_secondary_cell_never_claims_to_be_small():
    with translation.override("sv"):
        assert shown(suppress_counts([3, 10])) == ["färre än 5", "visas inte"]


def test_matrix_protects_columns_when_their_totals_are_shown():
    rows = suppress_matrix([[10, 3, 10], [10, 10, 10]], column_totals=True)
    hidden = [[cell.hidden for cell in row] for row in rows]
    assert sum(row.count(True) for row in hidden) >= 4  # the 3, one more in its row, and one more per column
    for line in hidden + [list(col) for col in zip(*hidden, strict=True)]:
        assert line.count(True) != 1


def test_breakdown_counts_by_choice_and_not_told():
    values = ["18_29"] * 6 + ["30_44"] * 7 + ["65_79"] * 2 + [None] * 9
    with translation.override("en"):
        rows, total = breakdown(values, AgeBand.choices)
    assert total == 24
    as_dict = dict(rows)
    assert as_dict["18–29"] == 6 and as_dict["30–44"] == 7
    assert as_dict["65–79"] == "fewer than 5"
    assert as_dict["Under 18"] == "not shown"  # the smallest other cell, hidden to protect the 65–79 cell
    assert list(as_dict.values()).count("fewer than 5") == 1
    assert as_dict["Not told"] == 9
