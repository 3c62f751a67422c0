"""PostgreSQL for the tests: Django's backend, except that a transactional test's flush empties the tables with DELETE
instead of TRUNCATE.

TRUNCATE gives every table and index new files, which costs most of a second for the whole schema after each
transactional test (browser journeys, the worker tests). DELETE of the few rows a test leaves costs a few
milliseconds. Django makes every foreign key DEFERRABLE INITIALLY DEFERRED, so the order of the deletes does not
matter inside the flush's one transaction. A flush that must reset sequences still truncates.
"""

from django.db.backends.postgresql import base


class DatabaseOperations(base.DatabaseOperations):
    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade or not tables:
            return super().sql_flush(style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        deletes = [f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(t))};" for t in tables]
        return [f"{style.SQL_KEYWORD('SET CONSTRAINTS ALL DEFERRED')};", *deletes]


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
