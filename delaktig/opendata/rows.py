"""Helpers for datasets whose rows need more than one query can give (counts computed per page)."""


class LazyRows:
    """A QuerySet's count and slices, each slice passed through `prepare(list) -> list` before it is used.

    A dataset's rows() may return one when a row needs something computed for a whole page at once, for
    example counts per dialogue: the page is fetched, then prepared in one go instead of a query per row.
    """

    def __init__(self, queryset, prepare):
        self.queryset = queryset
        self.prepare = prepare

    def count(self):
        return self.queryset.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.prepare(list(self.queryset[index]))
        return self.prepare([self.queryset[index]])[0]

    def __iter__(self):
        return iter(self[:])
