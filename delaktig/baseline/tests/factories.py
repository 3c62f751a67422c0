import io

import factory
from openpyxl import Workbook

from delaktig.baseline.models import Activity, Capacity
from delaktig.organisations.tests.factories import DepartmentFactory, MunicipalityFactory


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    municipality = factory.SubFactory(MunicipalityFactory)
    year = 2025
    name = factory.Sequence(lambda n: f"Ungdomsråd {n}")
    department = factory.LazyAttribute(
        lambda a: a.municipality.departments.first() or DepartmentFactory(municipality=a.municipality)
    )
    ladder_level = "dialogue"


class CapacityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Capacity

    municipality = factory.SubFactory(MunicipalityFactory)
    year = 2026
    planned = 3
    staff_hours = 120


HEADER = ("Namn", "Förvaltning", "Organ", "Trappsteg", "Målgrupper", "Kanaler", "Hur ofta", "Kontakt", "År")


def xlsx_file(rows, *, header=HEADER, merge=None):
    """The bytes of an XLSX file with `header` and `rows`; `merge` a range such as "B2:B3" to merge."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    if merge:
        sheet.merge_cells(merge)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_file(rows, *, header=HEADER, encoding="utf-8"):
    lines = [";".join(header)] + [";".join(str(cell) for cell in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)
