"""Walk the staff workspace of the demo municipality as a person with every role, the way staff click through it.

Used by the tests that every staff page is reachable and that no page shows a raw key. Pages are collected once
per module, on the demo (site.demo_loaded) inside a transaction that is rolled back.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, TestCase
from django.urls import URLPattern, URLResolver, get_resolver, get_urlconf, resolve
from django.urls.exceptions import Resolver404

from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Membership, Municipality, Role

STAFF_PART = "<slug:municipality_slug>/personal/"
SLUG = "hagfors"
DOWNLOADS = (
    ".csv",
    "/pdf/",
    "/word/",
    "/samradsredogorelse/",
    "/xlsx/",
    "/docx/",
    "/zip/",
    "/logotyp/",
)  # files, not pages
ATTACHMENT = re.compile(r"/bilaga/\d+/$")  # a file too: an attachment of a decision basis version


def staff_patterns(leave_out=()):
    """{url name: route} of every page under /<municipality>/personal/, read from the URLconf; namespaces in
    `leave_out` are left out."""
    found = {}

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(part for part in (namespace, pattern.namespace) if part)
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif namespace in leave_out:
                continue
            elif isinstance(pattern, URLPattern) and (prefix + str(pattern.pattern)).startswith(STAFF_PART):
                found[f"{namespace}:{pattern.name}"] = prefix + str(pattern.pattern)

    walk(get_resolver().url_patterns, "", "")
    return found


def methods_not_in_the_demo():
    """URL namespaces of the registered methods the demo has no module of (such as the tests' dummy method):
    nothing in the demo links to their pages."""
    from delaktig.participation.models import Module
    from delaktig.participation.registry import registry

    used = set(Module.objects.values_list("method", flat=True))
    unused = [manifest.key for manifest in registry if manifest.key not in used]
    return {namespace for key in unused for namespace in (key, f"{key}_staff")}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = set()  # (url, how): how is "get" for links and GET forms, "post" for POST forms

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.add((attrs["href"], "get"))
        elif tag == "form" and attrs.get("action"):
            self.links.add((attrs["action"], (attrs.get("method") or "get").lower()))
        elif tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.links.add(("", "post-here"))  # a form sent to the page itself


def url_name(path):
    return _url_name(path, get_urlconf(settings.ROOT_URLCONF))


@cache
def _url_name(path, urlconf):
    """Resolved once per path: the walk and its tests ask again and again for the same few hundred paths."""
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    return match.view_name


@dataclass
class Crawl:
    patterns: dict
    pages: dict = field(default_factory=dict)  # path -> html of every staff page visited
    links: set = field(default_factory=set)  # (url of the page, path linked to, url name of the path)
    statuses: dict = field(default_factory=dict)  # path -> status code
    error_pages: dict = field(default_factory=dict)  # path -> html of the page after sending its form empty
    actions: set = field(default_factory=set)  # every audit event's action in the database


def everyone(municipality):
    """A person who holds every role, so that every page the workspace offers shows up."""
    from delaktig.accounts.models import User

    person = User.objects.create_user(email="alla-roller@example.se", password="x", name="Alla Roller")
    body = municipality.bodies.first()
    for role in Role.values:
        extra = {"body": body} if role in (Role.ELECTED_OFFICIAL, Role.PRESIDIUM) else {}
        Membership.objects.get_or_create(municipality=municipality, user=person, role=role, **extra)
    return person


# What an object offers depends on its state, so every dialogue's and proposal's staff page is visited.
UNCAPPED = frozenset(
    {
        "dialogues:staff_detail",
        "dialogues:staff_audit",
        "proposals:staff_detail",
        "decisionbasis:list",
        "archive:start",
        "results:suggestions",
    }
)


def what_the_demo_leaves_out(municipality):
    """Things staff meet in a working year that the demo has none of, so that their pages show up too:
    a comment on a proposal waiting for a moderator, suggested themes not yet handled, a consultation report."""
    from delaktig.decisionbasis.models import DecisionBasis
    from delaktig.participation.services import comment_create
    from delaktig.proposals.models import Proposal
    from delaktig.results.services import suggestion_run_start

    proposal = Proposal.objects.filter(municipality=municipality, status="collecting").first()
    comment_create(target=proposal, author=None, author_name="Rut", text="Bra förslag!", premoderated=True)
    basis = DecisionBasis.objects.filter(dialogue__municipality=municipality, status="done").first()
    basis.consultation_file.save("samrad.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    officer = Membership.objects.filter(municipality=municipality, role=Role.OFFICER).first().user
    suggestion_run_start(dialogue=basis.dialogue, actor=officer)
    return basis.dialogue


def crawl(max_per_name=3):
    """Follow every staff link from the start page, visiting at most `max_per_name` pages of each other URL name
    (and as many again of the dialogue with the most in it: themes, quotes, a decision basis, suggestions).
    Each page with a form sent to itself is also sent once empty (and undone), to read its error messages.
    The demo must be loaded, its decision basis made (site.demo_loaded does both, as `make run` does)."""
    municipality = Municipality.objects.get(slug=SLUG)
    with TestCase.captureOnCommitCallbacks(execute=True):
        focus = what_the_demo_leaves_out(municipality)
    client = Client(HTTP_ACCEPT_LANGUAGE="sv")
    client.force_login(everyone(municipality))
    result = Crawl(patterns=staff_patterns(leave_out=methods_not_in_the_demo()))
    start = f"/{SLUG}/personal/"
    queue, seen, visits = [start], {start}, Counter()
    while queue:
        url = queue.pop(0)
        links = _visit(client, url, result)
        for path, query, how in sorted(links, key=lambda link: (bool(link[1]), link)):  # plain pages first
            name = url_name(path) if path.startswith(f"/{SLUG}/personal/") else None
            if name is None:
                continue
            result.links.add((url, path, name))
            target = path + (f"?{query}" if query else "")
            is_file = path.endswith(DOWNLOADS) or ATTACHMENT.search(path)
            if how != "get" or path in seen or is_file:  # one page of each path: no filters
                continue
            budget = (name, f"dialoger/{focus.pk}/" in path)
            if name in UNCAPPED or visits[budget] < max_per_name:
                visits[budget] += 1
                seen.add(path)
                queue.append(target)
    result.actions = set(AuditEvent.objects.values_list("action", flat=True))
    return result


def _visit(client, url, result):
    """GET the page, keep it, send its own form empty once per URL name; the links on it as (path, query, how)."""
    response = client.get(url)
    result.statuses[url] = response.status_code
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return set()
    result.pages[url] = html = response.content.decode()
    links = _links(html)
    name = url_name(url.split("?")[0])
    sent_empty = {url_name(done.split("?")[0]) for done in result.error_pages}
    if ("", "post-here") in links and name not in sent_empty:
        with transaction.atomic():  # whatever an empty form changes is undone
            result.error_pages[url] = client.post(url, {}).content.decode()
            transaction.set_rollback(True)
    found = set()
    for href, how in links:
        parts = urlsplit(urldefrag(href)[0])
        if parts.path and not parts.netloc:
            found.add((parts.path, parts.query, how))
    return found


def _links(html):
    parser = _Links()
    parser.feed(html)
    return parser.links


TAG = re.compile(r"<[^>]+>")
SCRIPT_STYLE = re.compile(r"<(script|style)\b.*?</\1>", re.S)


def visible_text(html):
    """What a person reads: the text between tags (attributes such as href and name are not read)."""
    return TAG.sub(" ", SCRIPT_STYLE.sub(" ", html))
