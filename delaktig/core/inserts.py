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

`insert_chain` stores a row and the rows that point to it (a response, its answers, its audit event) as one unit. On
PostgreSQL that is one statement of data-modifying WITH queries, so the unit needs no BEGIN and COMMIT of its own and
the database is asked once; elsewhere it is one statement per table inside a transaction.
"""

import json
from dataclasses import dataclass

from django.db import NotSupportedError, connections, router, transaction
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


# A row and the rows that point to it


HEAD = object()  # in a later row of insert_chain: the id of the chain's first row


@dataclass(frozen=True)
class Expr:
    """A value the database works out as the row is stored (an SQL expression with its parameters), such as a
    subquery that is NULL when a referenced row is not what it should be. Only in a chain's one-row steps."""

    sql: str
    params: tuple = ()


def insert_chain(head, *tails, guard=None, when=None):
    """Store `head` (model, {field name: value}) and the rows that point to it; return its id.

    Each tail is (model, field names, rows): tuples of values in the order of the names, HEAD standing for the head's
    id, an Expr for a value the database works out (one-row tails only). Fields not named get their defaults.
    `guard` (model, {field name: value}, unique field names) is stored first unless its key is taken: then nothing is
    stored and None is returned. `when` (an Expr, true or false): nothing is stored, and None returned, unless it
    holds as the rows are stored (the condition is part of the statement). No signal is sent and no instance is
    made."""
    connection = connections[router.db_for_write(head[0])]
    steps = [_chain_step(model, values, connection) for model, values in ([guard[:2]] if guard else [])]
    steps.append(_chain_step(*head, connection))
    steps += [_chain_rows(model, names, rows, connection) for model, names, rows in tails if rows]
    if connection.vendor == "postgresql":
        return _chain_postgresql(steps, guard[2] if guard else None, connection, when)
    with transaction.atomic(using=connection.alias):
        if when is not None and not _holds(when, connection):
            return None
        return _chain_each(steps, guard[2] if guard else None, connection)


def _holds(when, connection):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT CASE WHEN ({when.sql}) THEN 1 ELSE 0 END", list(when.params))
        return cursor.fetchone()[0] == 1


def _chain_step(model, values, connection):
    return _chain_rows(model, tuple(values), [tuple(values.values())], connection)


_fields = {}  # (model, field names, database alias) -> (every stored field, named first; those not named)
_types = {}  # (field, database alias) -> its column's type


def _chain_fields(model, names, connection):
    key = (model, names, connection.alias)
    found = _fields.get(key)
    if found is None:
        named = [model._meta.get_field(name) for name in names]
        others = [field for field in _stored_fields(model) if field not in named]
        found = _fields[key] = ([*named, *others], others)
    return found


def _type(field, connection):
    key = (field, connection.alias)
    found = _types.get(key)
    if found is None:  # a foreign key's type makes a field of the type it points to every time it is asked
        found = _types[key] = field.db_type(connection)
    return found


def _chain_rows(model, names, rows, connection):
    """(model, fields, rows with every value prepared for the driver), the fields not named filled with defaults."""
    fields, others = _chain_fields(model, tuple(names), connection)
    defaults = tuple(_default(field) for field in others)
    columns = [*zip(*rows, strict=True), *([value] * len(rows) for value in defaults)]
    prepared = [_column_prepared(field, column, connection) for field, column in zip(fields, columns, strict=True)]
    return model, fields, list(zip(*prepared, strict=True))


_PLAIN = (int, str)  # values the driver takes as they are


def _column_prepared(field, column, connection):
    """A column's values as the driver takes them, each distinct value prepared once (a response's thirty answer
    rows share their survey, channel and time)."""
    if all(value is None or type(value) in _PLAIN or value is HEAD for value in column):
        return column
    done = {}
    prepared = []
    for value in column:
        if value is None or value is HEAD or type(value) in (int, str) or isinstance(value, Expr):
            prepared.append(value)
            continue
        try:
            found = done.get((type(value), value))
        except TypeError:  # not hashable (a dict for a JSON field)
            prepared.append(field.get_db_prep_save(value, connection))
            continue
        if found is None:
            found = done[(type(value), value)] = field.get_db_prep_save(value, connection)
        prepared.append(found)
    return prepared


def _chain_postgresql(steps, unique_fields, connection, when=None):
    quote = connection.ops.quote_name
    parts, params = [], []
    guarded = unique_fields is not None
    head_pk = quote(steps[1 if guarded else 0][0]._meta.pk.column)
    for index, (model, fields, rows) in enumerate(steps):
        columns = ", ".join(quote(field.column) for field in fields)
        table = quote(model._meta.db_table)
        if guarded and index == 0:
            conflict = ", ".join(quote(model._meta.get_field(name).column) for name in unique_fields)
            placeholders = ", ".join(_cast(field, connection) for field in fields)
            condition = f" WHERE ({when.sql})" if when is not None else ""
            parts.append(
                f"guard AS (INSERT INTO {table} ({columns}) SELECT {placeholders}{condition} ON CONFLICT ({conflict}) "
                "DO NOTHING RETURNING 1)"
            )
            params += list(rows[0]) + (list(when.params) if when is not None else [])
            continue
        is_head = index == (1 if guarded else 0)
        source = ("guard" if guarded else "") if is_head else "head"
        select, values = _chain_select(fields, rows, f"head.{head_pk}", connection)
        sql = f"INSERT INTO {table} ({columns}) SELECT {select}" + (f" FROM {source}" if source else "")
        if is_head and not guarded and when is not None:
            sql += f" WHERE ({when.sql})"
            values += list(when.params)
        if not is_head and len(rows) > 1:
            sql += ", " + values.pop()
        if is_head:
            sql += f" RETURNING {head_pk}"
        parts.append(f"{'head' if is_head else f'tail{index}'} AS ({sql})")
        params += values
    with connection.cursor() as cursor:
        cursor.execute("WITH " + ", ".join(parts) + f" SELECT {head_pk} FROM head", params)
        row = cursor.fetchone()
    return row[0] if row else None


def _chain_select(fields, rows, head_pk, connection):
    """The SELECT list of one step and its parameters: one row as casts of its values (and Expr as they are), more
    rows as one JSON document read as a set of records (the FROM item last in the parameters' place, for the caller to
    add)."""
    if len(rows) == 1:
        items, params = [], []
        for field, value in zip(fields, rows[0], strict=True):
            if value is HEAD:
                items.append(head_pk)
            elif isinstance(value, Expr):
                items.append(f"({value.sql})")
                params += list(value.params)
            else:
                items.append(_cast(field, connection))
                params.append(value)
        return ", ".join(items), params
    columns = list(zip(*rows, strict=True))
    items, declared, kept = [], [], []
    for number, (field, column) in enumerate(zip(fields, columns, strict=True)):
        if column[0] is HEAD and all(value is HEAD for value in column):
            items.append(head_pk)
            continue
        if any(type(value) is Expr for value in column):
            raise NotSupportedError("an Expr is only allowed in a one-row step of a chain")
        items.append(f"rows.c{number}")
        declared.append(f"c{number} {_type(field, connection)}")
        kept.append(number)
    records = [{f"c{number}": row[number] for number in kept} for row in rows]
    # The rows as one JSON document (written by the json module's C code, not value by value by the driver)
    params = [json.dumps(records, default=_json_value, separators=(",", ":"))]
    return ", ".join(items), [*params, f"json_to_recordset(%s::json) AS rows({', '.join(declared)})"]


def _json_value(value):
    """A prepared value the json module does not know: a date or time as ISO 8601, a JSON field's value itself, any
    other (a decimal, a UUID) as its text, which PostgreSQL reads back into the column's type."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "obj"):  # psycopg's Json and Jsonb wrappers
        return value.obj
    return str(value)


def _cast(field, connection):
    return f"%s::{_type(field, connection)}"


def _chain_each(steps, unique_fields, connection):
    quote = connection.ops.quote_name
    guarded = unique_fields is not None
    head_id = None
    with connection.cursor() as cursor:
        for index, (model, fields, rows) in enumerate(steps):
            columns = ", ".join(quote(field.column) for field in fields)
            table = quote(model._meta.db_table)
            values = [[_value_of(value, head_id, cursor) for value in row] for row in rows]
            one = "(" + ", ".join(["%s"] * len(fields)) + ")"
            sql = f"INSERT INTO {table} ({columns}) VALUES " + ", ".join([one] * len(values))
            if guarded and index == 0:
                conflict = ", ".join(quote(model._meta.get_field(name).column) for name in unique_fields)
                cursor.execute(sql + f" ON CONFLICT ({conflict}) DO NOTHING RETURNING 1", values[0])
                if cursor.fetchone() is None:
                    return None
                continue
            is_head = index == (1 if guarded else 0)
            if is_head:
                cursor.execute(sql + f" RETURNING {quote(model._meta.pk.column)}", values[0])
                head_id = cursor.fetchone()[0]
            elif values:
                cursor.execute(sql, [value for row in values for value in row])
    return head_id


def _value_of(value, head_id, cursor):
    if value is HEAD:
        return head_id
    if isinstance(value, Expr):
        cursor.execute(f"SELECT ({value.sql})", list(value.params))
        return cursor.fetchone()[0]
    return value
