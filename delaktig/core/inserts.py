"""One INSERT that leaves a row alone when its unique key is taken: for the hot write path of a rush.

`Model.save()` spends most of a small insert's time in Python: signals, checks of related fields and
building the statement anew every time. A signing rush stores one row per request and has no use for any
of it, so this builds the statement once per model and key and sends only the values:

    INSERT INTO … (…) VALUES (…) ON CONFLICT (proposal_id, signer_key) DO NOTHING RETURNING id

Both PostgreSQL and SQLite (3.35 and later) run that statement. A taken key is not an error: no
exception, no aborted transaction, so no savepoint is needed inside one. The values go through each
field's own preparation (`pre_save`, `get_db_prep_save`), as `save()` would send them; no signal is sent,
so use it only for models with no receivers that must see these rows.
"""

from django.db import NotSupportedError, connections, router
from django.db.models import NOT_PROVIDED

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
