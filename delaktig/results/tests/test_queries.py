import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import enter
from .helpers import rurl

pytestmark = pytest.mark.django_db


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["overview", "inputs", "codebook"])
def test_pages_do_not_query_per_input(client, dialogue, module, staff, name):
    client.force_login(staff["officer"])
    enter(module, staff["officer"], "Först", "Text")
    queries_for(client, rurl(name, dialogue))  # warm the caches (municipality, content types)
    few = queries_for(client, rurl(name, dialogue))
    for i in range(20):
        enter(module, staff["officer"], f"Inlägg {i}", "Text om parken", age_band="30_44")
    assert queries_for(client, rurl(name, dialogue)) == few
