"""The site's WSGI handler keeps each path's URL match: the same match as Django's, a copy per request, no 404 kept."""

import io
from unittest import mock

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import Resolver404, get_resolver, resolve

from delaktig.core import handlers


@pytest.fixture(autouse=True)
def nothing_kept():
    handlers._matches.clear()
    yield
    handlers._matches.clear()


def test_a_path_resolves_as_django_resolves_it_and_only_once():
    resolver = get_resolver()
    path = "/hagfors/dialoger/12/delta/34/surveys/svara/granska/"
    expected = resolve(path)
    with mock.patch.object(resolver, "resolve", wraps=resolver.resolve) as walked:
        first = handlers.resolved(resolver, path)
        second = handlers.resolved(resolver, path)
    assert walked.call_count == 1
    for match in (first, second):
        assert (match.func, match.url_name, match.namespace, match.route) == (
            expected.func,
            expected.url_name,
            expected.namespace,
            expected.route,
        )
        assert match.kwargs == expected.kwargs == {"municipality_slug": "hagfors", "dialogue_id": 12, "module_id": 34}
    second.kwargs["module_id"] = 99  # a request's copy is its own
    assert handlers.resolved(resolver, path).kwargs["module_id"] == 34


def test_a_path_that_matches_nothing_is_not_kept():
    resolver = get_resolver()
    with pytest.raises(Resolver404):
        handlers.resolved(resolver, "/hagfors/finns-inte/alls/")
    assert not handlers._matches


def test_no_more_than_keep_paths_are_kept(monkeypatch):
    monkeypatch.setattr(handlers, "KEEP", 3)
    resolver = get_resolver()
    for number in range(5):
        handlers.resolved(resolver, f"/hagfors/dialoger/{number}/")
    assert len(handlers._matches) <= 3


@pytest.mark.django_db
def test_the_site_answers_through_the_handler(municipality):
    statuses = []
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": f"/{municipality.slug}/",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.url_scheme": "http",
    }
    # as Django's test client: the test's database connection stays open between requests
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        for _time in range(2):
            b"".join(handlers.Handler()(dict(environ), lambda status, headers, exc_info=None: statuses.append(status)))
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert statuses == ["200 OK", "200 OK"]


def test_the_wsgi_application_is_the_site_s_handler():
    from config.wsgi import application

    assert isinstance(application, handlers.Handler)
