"""Reading rows of several tables in one statement whose text is built once per process, for the hot read paths (a
survey's send looks up its module, dialogue and survey on every request).

Building a query through the ORM costs a request about a millisecond when the query joins three wide tables: the
statement is compiled anew every time. Here the caller writes the FROM and WHERE once; the select list comes from the
models, and every row becomes model instances as the ORM makes them (`Model.from_db`, with each field's conversion
from the database), so the rest of the code cannot tell them apart.

    parts = [(Module, "m"), (Dialogue, "d"), (Survey, "s")]
    sql = f"SELECT {select_list(parts)} FROM … WHERE m.id = %s"
    for module, dialogue, survey in read_together(sql, [pk], parts): …

A part whose primary key comes back NULL (the other side of a LEFT JOIN) is None.
"""

from django.db import connections

_lists = {}  # (parts, vendor) -> the select list
_converters = {}  # (model, alias, database alias) -> [(attname, [converter, …])]


def select_list(parts, using="default"):
    """The columns of every part, in the order of its fields, each qualified by the part's table alias."""
    connection = connections[using]
    key = (tuple(parts), connection.vendor)
    found = _lists.get(key)
    if found is None:
        quote = connection.ops.quote_name
        found = _lists[key] = ", ".join(
            f"{alias}.{quote(field.column)}" for model, alias in parts for field in model._meta.concrete_fields
        )
    return found


def read_together(sql, params, parts, *, using="default"):
    """[(instance of each part, or None), …] of the rows `sql` (which selects select_list(parts)) finds."""
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [_split(row, parts, connection) for row in rows]


def _split(row, parts, connection):
    made, start = [], 0
    for model, alias in parts:
        fields = _fields(model, alias, connection)
        values = row[start : start + len(fields)]
        start += len(fields)
        made.append(_instance(model, fields, values, connection))
    return tuple(made)


def _instance(model, fields, values, connection):
    if values[model._meta.concrete_fields.index(model._meta.pk)] is None:
        return None
    converted = []
    for (_attname, converters), value in zip(fields, values, strict=True):
        for converter, expression in converters:
            value = converter(value, expression, connection)
        converted.append(value)
    return model.from_db(connection.alias, [attname for attname, _converters in fields], converted)


def _fields(model, alias, connection):
    key = (model, alias, connection.alias)
    found = _converters.get(key)
    if found is None:
        fields = model._meta.concrete_fields
        found = _converters[key] = [_field_converters(field, alias, connection) for field in fields]
    return found


def _field_converters(field, alias, connection):
    column = field.get_col(alias)
    converters = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
    return field.attname, [(converter, column) for converter in converters]


def prefetched(instance, name, objects):
    """Give `instance` the related objects of `name` (a reverse foreign key) as prefetch_related would: its
    `.all()` returns them without a query."""
    queryset = getattr(instance, name).all()
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = queryset
