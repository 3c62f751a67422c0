"""The demo for the tests that read it, and a crawler over its pages: for checks that sweep every page.

Loading the demo takes seconds, so it is loaded once per test run (tests/db_copies.py): a copy of the database
with the demo is copied into the test database (SQLite's backup API; on PostgreSQL CREATE DATABASE … TEMPLATE)
for each module or test that asks for it, and afterwards the database is put back as it was. On other databases
the demo is loaded each time, inside a transaction that is rolled back afterwards (or, for a transactional test,
committed and flushed by the test as usual).

`demo_data` gives a module the demo (Hagfors in full, Kramfors with a person in each role), `demo_site` adds a
person with every role in Hagfors; each test runs in a transaction of its own on top, as usual.
"""

import functools
import re
from collections import Counter, deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.test import TestCase
from django.urls import Resolver404, get_urlconf, resolve

from delaktig.core.memo import clear_all
from tests import db_copies

# Not pages: files, feeds and API answers (some are slow to make, none is HTML).
NOT_PAGES = re.compile(
    r"(\.(csv|json|xml|ttl|jsonld|pdf|docx|xlsx)$)|/api/|/(pdf|word|docx|xlsx|samradsredogorelse|zip)/$|/bilaga/\d+/$"
)
LINK = re.compile(r"""<a\b[^>]*?\shref="([^"]*)\"""")
FORM = re.compile(r"<form\b([^>]*)>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""\s(action|method)="([^"]*)\"""", re.IGNORECASE)

_copies = {}  # in this test process, on SQLite: "demo" -> an in-memory copy of a test database with the demo


@contextmanager
def demo_loaded(*, committed=False):
    """The demo municipalities in the test database inside the block, as `manage.py load_demo` leaves them once
    the task worker has done what it was handed; the database as it was afterwards.

    Call it between tests (from a module's fixture) or in a transactional test, never inside a test's
    transaction. `committed`: the demo must be committed, for other connections (a live server) to see it."""
    _forget_cached()
    try:
        if connection.vendor == "sqlite":
            with _copied_in():
                yield
        elif connection.vendor == "postgresql":
            with _pg_copied_in():
                yield
        elif committed:
            _load()
            yield  # the transactional test's flush removes it
        else:
            with transaction.atomic():
                with TestCase.captureOnCommitCallbacks(execute=True):
                    _load()
                yield
                transaction.set_rollback(True)
    finally:
        _forget_cached()


def _load():
    from delaktig.demo.loader import load

    load()


def _load_in_one_transaction():
    """As _load, committed once at the end; the work handed over on commit is done then (tasks run at once)."""
    with transaction.atomic():
        _load()


@contextmanager
def _copied_in():
    assert not connection.in_atomic_block, "the demo is copied into the database between tests, not inside one"
    connection.ensure_connection()
    database = connection.connection
    before = db_copies.in_memory(database)
    try:
        if "demo" not in _copies:
            # Committed, so that the on-commit work (such as the worker's tasks) is done, as in `make run`.
            _copies["demo"] = db_copies.made_once("demo", _load, database)
        _copies["demo"].backup(database)
        _forget_cached()
        yield
    finally:
        before.backup(database)
        before.close()


@contextmanager
def _pg_copied_in():
    """A live server's threads hold no connection between requests (CONN_MAX_AGE is 0 in the tests), so the test
    database can be replaced by a copy while one runs."""
    assert not connection.in_atomic_block, "the demo is copied into the database between tests, not inside one"
    demo = db_copies.pg_made_once(connection, "demo", _load_in_one_transaction)
    with db_copies.pg_copied_in(connection, demo):
        _forget_cached()
        yield


def _forget_cached():
    """Content types, the cache and this process's memos may name rows of the database as it was."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    cache.clear()
    clear_all()


@dataclass
class DemoSite:
    home: object  # the municipality with everything (Hagfors)
    other: object  # another municipality (Kramfors)
    all_roles: object  # a person with every staff role in `home`
    other_staff: dict = field(default_factory=dict)  # role -> the person with that role in `other`


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    """The demo as `manage.py load_demo` leaves it, for the module's tests."""
    with django_db_blocker.unblock(), demo_loaded():
        yield


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo, and a person with every staff role in Hagfors."""
    from delaktig.accounts.models import User
    from delaktig.organisations.models import Membership, Municipality, Role

    with django_db_blocker.unblock(), demo_loaded():
        home, other = Municipality.objects.get(slug="hagfors"), Municipality.objects.get(slug="kramfors")
        all_roles = User.objects.create_user("alla.roller@hagfors.example", "x" * 12, name="Alla Roller")
        for role in Role.values:
            body = home.get_deciding_body() if role in (Role.ELECTED_OFFICIAL, Role.PRESIDIUM) else None
            Membership.objects.create(user=all_roles, municipality=home, role=role, body=body)
        other_staff = {
            membership.role: membership.user
            for membership in Membership.objects.filter(municipality=other).select_related("user")
        }
        yield DemoSite(home=home, other=other, all_roles=all_roles, other_staff=other_staff)


@dataclass
class Page:
    url: str
    status: int
    html: str
    forms: list  # (action URL, method)
    links: list  # every href on the page that starts with the crawl's `inside`


def url_name(url):
    return _url_name(urlsplit(url).path, get_urlconf(settings.ROOT_URLCONF))


@functools.cache
def _url_name(path, urlconf):
    """Resolved once per path: a crawl meets the same paths again and again."""
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    return match.view_name


def forms_in(html, page_url):
    found = []
    for attributes in FORM.findall(html):
        values = {name.lower(): unescape(value) for name, value in ATTRIBUTE.findall(attributes)}
        found.append((values.get("action") or page_url, values.get("method", "get").lower()))
    return found


def crawl(client, start_urls, *, inside, per_name=3, more=None, limit=500):
    """GET pages from `start_urls`, following links whose path starts with `inside`: at most `per_name` pages
    for each URL name (so every kind of page is seen without walking every row of every list), or as many as
    `more` says for a name ({url name: pages}: a dialogue in each state, say)."""
    more = more or {}
    seen, pages, per = set(), [], Counter()
    queue = deque(start_urls)
    while queue and len(pages) < limit:
        url = urldefrag(queue.popleft())[0]
        name = url_name(url)
        if url in seen or name is None or per[name] >= more.get(name, per_name) or NOT_PAGES.search(urlsplit(url).path):
            continue
        seen.add(url)
        per[name] += 1
        response = client.get(url)
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        html = response.content.decode()
        links = [href for href in map(unescape, LINK.findall(html)) if href.startswith(inside)]
        pages.append(Page(url=url, status=response.status_code, html=html, forms=forms_in(html, url), links=links))
        queue.extend(href for href in links if urldefrag(href)[0] not in seen)
    return pages
