"""Reads the API views share: one dataset's page of rows, a row by id, rows in chunks for CSV, and links."""

import re
from dataclasses import dataclass

from django.urls import reverse

from .params import parse_filters, parse_page

CSV_CHUNK = 500
ID_MAX = 2**31 - 1


@dataclass(frozen=True)
class Page:
    count: int
    rows: list  # dicts, one per item
    page: int
    page_size: int

    @property
    def last(self):
        return max(1, -(-self.count // self.page_size))

    @property
    def has_next(self):
        return self.page < self.last

    @property
    def previous(self):
        return min(self.page - 1, self.last) if self.page > 1 else None


def absolute(request, row):
    """Rows carry paths to pages of this site; the API gives them as full addresses."""
    url = row.get("url")
    if isinstance(url, str) and url.startswith("/"):
        row = {**row, "url": request.build_absolute_uri(url)}
    return row


def page_of(request, dataset):
    """The requested page of the dataset's rows; a bad parameter raises params.BadParameter."""
    page, size = parse_page(request.GET)
    rows = dataset.rows(request.municipality, parse_filters(dataset, request.GET))
    count = rows.count()
    start = (page - 1) * size
    items = list(rows[start : start + size]) if start < count else []
    return Page(count, [absolute(request, dataset.to_row(item)) for item in items], page, size)


def all_rows(request, dataset, filters):
    """Every row, fetched a chunk at a time so a large dataset never sits in memory whole."""
    rows = dataset.rows(request.municipality, filters)
    start = 0
    while True:
        chunk = list(rows[start : start + CSV_CHUNK])
        for item in chunk:
            yield absolute(request, dataset.to_row(item))
        if len(chunk) < CSV_CHUNK:
            return
        start += CSV_CHUNK


def row_by_id(request, dataset, raw_pk):
    if dataset.detail is None or not re.fullmatch(r"[0-9]{1,10}", raw_pk) or not 0 < int(raw_pk) <= ID_MAX:
        return None
    row = dataset.detail(request.municipality, int(raw_pk))
    return absolute(request, row) if row is not None else None


def page_link(request, page):
    if page is None:
        return None
    query = request.GET.copy()
    query["page"] = str(page)
    return f"{request.build_absolute_uri(request.path)}?{query.urlencode()}"


def dataset_links(request, dataset):
    slug = request.municipality.slug
    links = {
        "url": request.build_absolute_uri(reverse("opendata:dataset_list", args=[slug, dataset.key])),
        "csv": request.build_absolute_uri(reverse("opendata:dataset_csv", args=[slug, dataset.key])),
    }
    if dataset.geometry:
        links["geojson"] = request.build_absolute_uri(reverse("opendata:dataset_geojson", args=[slug, dataset.key]))
    if dataset.detail is not None:
        detail = reverse("opendata:dataset_detail", args=[slug, dataset.key, "0"]).removesuffix("0/")
        links["detail"] = request.build_absolute_uri(detail) + "{id}/"
    return links
