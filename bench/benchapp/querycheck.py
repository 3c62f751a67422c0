"""In-process checks: how many queries the proposal page and the count endpoint make, cold (cache cleared)
and warm."""

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from delaktig.core import memo
from delaktig.proposals.models import Proposal


def queries_per_page(pks):
    client = Client()
    pages = {}
    for pk in pks:
        proposal = Proposal.objects.select_related("municipality").get(pk=pk)
        pages[str(pk)] = {
            name: _measure(client, reverse(url_name, args=[proposal.municipality.slug, pk]))
            for name, url_name in (("real", "proposals:detail"), ("naive", "bench_naive_detail"))
        }
    return pages


def _measure(client, url):
    client.get(url)  # the process's own caches (content types, translations) as in a running server
    cache.clear()
    memo.clear_all()  # and this process's copies of the municipality and the count
    with CaptureQueriesContext(connection) as cold:
        first = client.get(url)
    with CaptureQueriesContext(connection) as warm:
        second = client.get(url)
    return {
        "status": [first.status_code, second.status_code],
        "cold": len(cold),
        "warm": len(warm),
        "bytes": len(second.content),
    }


def queries_per_count(pk):
    """The count endpoint (W2): "served from cache" means no query on a warm read."""
    proposal = Proposal.objects.select_related("municipality").get(pk=pk)
    return _measure(Client(), reverse("proposals:count", args=[proposal.municipality.slug, pk]))


def queries_per_list(urls, session, staff_lists=("staff_proposals", "moderation", "workspace")):
    """W4: queries and HTML bytes of one request to each list, warm (the process's caches filled as in a running
    server); the staff lists with the staff session, the public ones as an anonymous visitor."""
    visitor, staff = Client(), Client()
    staff.cookies["sessionid"] = session
    found = {}
    for name, url in urls.items():
        client = staff if name in staff_lists else visitor
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        found[name] = {"status": response.status_code, "queries": len(captured), "bytes": len(response.content)}
    return found
