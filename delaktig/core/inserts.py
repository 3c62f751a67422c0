"""One INSERT that leaves a row alone when its unique key is taken, and many rows in one INSERT: for the hot write
paths (a signing rush, a survey's send).

`Model.save()` spends most of a small insert's time in Python: signals, checks of related fields and
building the statement anew every time. A signing rush stores one row per request and has no use for any
of it, so this builds the statement once per model and key and sends only the values:

    INSERT INTO … (…) VALUES (…) ON CONFLICT (proposal_id, signer_key) DO NOTHING RETURNING id

Both PostgreSQL and SQLite (3.35 and later) run that statement. A taken key is not an error: no
exception, no aborted transaction, so no savepoint is needed inside one. The values go through each
field's own preparation (`pre_save`, `get_db_prep_save`), as `save()` would send them; no signal is sent,
so use it only for models with no receivers that must see these rows.

`insert_rows` stores many rows of plain values in one statement, without a model instance per row: on PostgreSQL as
one array per column (as `bulk_create` does), so the statement's text is the same for any number of rows and the
driver parses it once.
"""

from django.db import NotSupportedError, connections, router
from django.db.models import NOT_PROVIDED
from django.utils import timezone

_statements = {}  # (model, unique fields, database alias) -> (sql, fields)


def insert_unless_taken(instance, unique_fields):
    """INSERT `instance` unless a row with the same `unique_fields` exists. True and the primary key set
    on the instance when it was stored; False when the key was taken (the instance stays unsaved)."""
    model = type(instance)
    if instance.pk is not None:
        raise ValueError("insert_unless_taken stores new rows only; this instance has a primary key")
    alias = router.db_for_write(model, instance=instance)
    connection = connections[alias]
    sql, fields = _statement(model, tuple(unique_fields), connection)
    params = [field.get_db_prep_save(field.pre_save(instance, True), connection) for field in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return False
    instance.pk = row[0]
    instance._state.adding, instance._state.db = False, alias
    return True


def _statement(model, unique_fields, connection):
    key = (model, unique_fields, connection.alias)
    found = _statements.get(key)
    if found is None:
        found = _statements[key] = _build(model, unique_fields, connection)
    return found


def _build(model, unique_fields, connection):
    if not connection.features.can_return_columns_from_insert:
        raise NotSupportedError("INSERT … RETURNING is needed (PostgreSQL, or SQLite 3.35 and later)")
    opts = model._meta
    if opts.parents:
        raise NotSupportedError(f"{opts.label} inherits from another table: use save()")
    fields = [field for field in opts.local_concrete_fields if field is not opts.auto_field]
    if any(field.db_default is not NOT_PROVIDED or field.generated for field in fields):
        raise NotSupportedError(f"{opts.label} has database defaults or generated fields")
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    conflict = ", ".join(quote(opts.get_field(name).column) for name in unique_fields)
    sql = (
        f"INSERT INTO {quote(opts.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))}) "
        f"ON CONFLICT ({conflict}) DO NOTHING RETURNING {quote(opts.pk.column)}"
    )
    return sql, fields


def insert_rows(model, field_names, rows):
    """INSERT `rows` (tuples of values in the order of `field_names`, a foreign key by its id) in one statement,
    more only past the database's limit of parameters. The fields not named get their defaults (the time now for
    `auto_now` and `auto_now_add`); every value goes through its field's own preparation, as `bulk_create` would.
    No signal is sent."""
    if not rows:
        return
    alias = router.db_for_write(model)
    connection = connections[alias]
    named = [model._meta.get_field(name) for name in field_names]
    others = [field for field in _stored_fields(model) if field not in named]
    defaults = tuple(_default(field) for field in others)
    fields = [*named, *others]
    prepared = [
        tuple(_prepared(field, value, connection) for field, value in zip(fields, (*row, *defaults), strict=True))
        for row in rows
    ]
    batch = connection.ops.bulk_batch_size(fields, prepared) or len(prepared)
    for start in range(0, len(prepared), batch):
        sql, params = _rows_statement(model, fields, prepared[start : start + batch], connection)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)


def _stored_fields(model):
    opts = model._meta
    return [field for field in opts.local_concrete_fields if field is not opts.auto_field]


def _default(field):
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return timezone.now()
    return field.get_default()


def _prepared(field, value, connection):
    """A value as the driver takes it: ids, text and NULL as they are, anything else through the field."""
    if value is None or type(value) in (int, str):
        return value
    return field.get_db_prep_save(value, connection)


def _rows_statement(model, fields, rows, connection):
    quote = connection.ops.quote_name
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) "
    if connection.vendor == "postgresql":
        arrays = ", ".join(f"(%s)::{field.db_type(connection).split('(')[0]}[]" for field in fields)
        return sql + f"SELECT * FROM UNNEST({arrays})", [list(column) for column in zip(*rows, strict=True)]
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    return sql + "VALUES " + ", ".join([one] * len(rows)), [value for row in rows for value in row]
