"""Session engines: Django's database sessions (and cached_db in front of Redis), with the save of an existing
session as one UPDATE. Django wraps that save in a transaction of its own (BEGIN, UPDATE, COMMIT: three round
trips on every request that changes a session, such as each page of a survey); a single statement needs none.
A new session is saved as Django saves it."""
