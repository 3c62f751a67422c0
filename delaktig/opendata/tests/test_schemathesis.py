"""The API fuzzed by schemathesis against its own OpenAPI document: no server errors, responses match it."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The WSGI handler closes the database connection after each request when it is not in autocommit; in a
    test that is the test's own transaction (PostgreSQL). Django's test client keeps it open the same way."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# Per operation. Every dataset has a list, a CSV and a detail operation alike, served by the same code, so the
# examples add up over them: a few per operation reach every filter of that code many times.
FUZZ = settings(
    max_examples=10,
    deadline=None,
    database=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
# Bad input: each list and CSV operation gets wrongly typed and unknown values for its filters.
FUZZ_BAD = settings(FUZZ, max_examples=8)


def operations(municipality):
    schema = schemathesis.openapi.from_wsgi(f"/{municipality.slug}/api/v1/openapi.json", get_wsgi_application())
    return [result.ok() for result in schema.get_all_operations()]


def test_api_conforms_to_its_openapi_document(data, municipality):
    found = operations(municipality)
    assert len(found) > 15
    for operation in found:

        @FUZZ
        @given(case=operation.as_strategy())
        def fuzz(case):
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text[:300])
            case.validate_response(response)

        fuzz()


def test_bad_input_never_gives_a_server_error(data, municipality):
    for operation in operations(municipality):
        if not operation.path.endswith(("/", ".csv")) or operation.path == "/":
            continue

        @FUZZ_BAD
        @given(case=operation.as_strategy(generation_mode=GenerationMode.NEGATIVE))
        def fuzz(case):
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text[:300])
            assert response.status_code in (200, 400, 404), (case.path, case.query, response.status_code)

        fuzz()
