"""No personal data on public pages or in the open-data API.

Residents with distinctive names and e-mail addresses take part in every way there is: some choose to show
their name (a signature with "show my name", input and comments written under their name, the name a
proposer gives), some do not (hidden signatures, pending signatures, supports, follows, staff who enter and
moderate). The test then visits every page a visitor without an account can reach (a bounded crawl from the
municipality's home page, plus the lists, pages, feeds and every open-data URL) and asserts that

- no e-mail address appears except the organisation addresses the test configures, and
- no name of a person who did not choose to show it appears.
"""

import contextlib
import html
import json
import re
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import NoReverseMatch, reverse

from delaktig.accounts.models import User
from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues.models import Follower, PublicIdentity, State
from delaktig.opendata.selectors import datasets
from delaktig.opendata.tests.support import build
from delaktig.participation.models import Channel, Comment, ModerationStatus, Module
from delaktig.participation.services import comment_create, moderate
from delaktig.proposals.models import Signature, SignatureStatus
from delaktig.proposals.tests.factories import ProposalFactory, RegistryEntryFactory, SignatureFactory, collecting
from tests.dummy_method.factories import dummy_module
from tests.dummy_method.services import dummy_input_create, dummy_input_enter

pytestmark = pytest.mark.django_db

CRAWL_LIMIT = 400
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
SKIPPED_PREFIXES = ("/static/", "/media/", "/konto/", "/i18n/", "/django-admin/")
SKIPPED_PARTS = ("/personal/",)
MARKUP = ("text/html", "application/atom", "application/rss")
ORGANISATION_ADDRESSES = {"dialog@kommun.example.se", "anna.andersson@example.se"}
HIDDEN = {  # name -> e-mail of people who did NOT choose to show their name
    "Xerxes Quibbleworth": "xerxes.quibbleworth@resident.example",
    "Pandora Pendingsdottir": "pandora.pendingsdottir@resident.example",
    "Sigurd Supportsson": "sigurd.supportsson@resident.example",
    "Fiona Followby": "fiona.followby@resident.example",
    "Petronella Realnamesson": "petronella.realnamesson@resident.example",
    "Stellan Staffordsson": "stellan.staffordsson@kommun.example.se",
    "Hilda Heldback": "hilda.heldback@resident.example",  # her comment waits for a moderator
    "Rolf Removedson": "rolf.removedson@resident.example",  # his input was removed by a moderator
    "Pontus Pseudonymsson": "pontus.pseudonymsson@resident.example",  # writes as "Skogsmus 17"
    "Anneli Anonymsdottir": "anneli.anonymsdottir@resident.example",  # in an anonymous dialogue
    "Dagny Designdottir": "dagny.designdottir@resident.example",  # in a dialogue anonymous by design
}
SHOWN = {  # name -> e-mail of people who chose to show their name (the address stays hidden)
    "Zelda Showmyname": "zelda.showmyname@resident.example",
    "Ingrid Openauthor": "ingrid.openauthor@resident.example",
    "Cornelia Commentwright": "cornelia.commentwright@resident.example",
}


# Generic crawl helpers


def body_text(response):
    """The response as text a reader would see: entities resolved, JSON unescaped."""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    text = raw.decode("utf-8", errors="replace")
    if response.get("Content-Type", "").startswith("application/json"):
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


def same_site_links(url, text):
    for href in re.findall(r'(?:href|src)="([^"]+)"', text):
        target = urlsplit(urljoin(url, href))
        if target.scheme in ("", "http", "https") and target.netloc in ("", "testserver"):
            yield target.path + (f"?{target.query}" if target.query else "")


def followable(path, prefix):
    skipped = path.startswith(SKIPPED_PREFIXES) or any(part in path for part in SKIPPED_PARTS)
    return path.startswith(prefix) and not skipped


def crawl(client, start, prefix, limit=CRAWL_LIMIT):
    """{url: text} of the pages reachable from `start` by same-site links under `prefix` (breadth first)."""
    seen, pages, queue = set(start), {}, deque(start)
    while queue and len(pages) < limit:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code in (301, 302):
            found = [response["Location"]]
        elif response.status_code == 200:
            pages[url] = body_text(response)
            is_markup = response.get("Content-Type", "").startswith(MARKUP)
            found = same_site_links(url, pages[url]) if is_markup else []
        else:
            continue
        for link in found:
            if link not in seen and followable(link, prefix):
                seen.add(link)
                queue.append(link)
    return pages


def visit(client, urls):
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = body_text(response)
    return pages


def leaks(pages, forbidden_names, allowed_addresses):
    found = []
    for url, text in pages.items():
        found += [(url, "e-mail", a) for a in set(EMAIL.findall(text)) if a.lower() not in allowed_addresses]
        found += [(url, "name", name) for name in forbidden_names if name in text]
    return found


# The data


@dataclass(frozen=True)
class Method:
    """How the test takes part in a participation method; a method's own tests can run the whole check with theirs
    (`assert_no_personal_data`)."""

    module: Callable  # (municipality=, state=State.OPEN, phase="collect") -> a module in a dialogue in that state
    write: Callable  # (module=, author=, title=, text=, pseudonym="") -> an input written online
    enter: Callable  # (module=, entered_by=, channel=, title=, text=) -> an input staff entered
    support: Callable | None = None  # (item=, user=): taking part without writing anything, where the method has it


DUMMY = Method(module=dummy_module, write=dummy_input_create, enter=dummy_input_enter)


def person(name, email):
    return UserFactory(name=name, email=email)


def build_people(municipality, method):
    data = build(municipality)
    people = {name: person(name, email) for name, email in {**HIDDEN, **SHOWN}.items()}
    proposal = collecting(
        ProposalFactory(municipality=municipality, proposer=people["Petronella Realnamesson"], proposer_name="Petra R"),
        threshold=5,
    )
    for name, show, status in (
        ("Zelda Showmyname", True, SignatureStatus.VALID),
        ("Xerxes Quibbleworth", False, SignatureStatus.VALID),
        ("Pandora Pendingsdottir", False, SignatureStatus.PENDING),
    ):
        user = people[name]
        SignatureFactory(proposal=proposal, user=user, name=name, signer_key=user.email, show_name=show, status=status)
    RegistryEntryFactory(municipality=municipality, sender_reference=HIDDEN["Xerxes Quibbleworth"])
    module = data["module"] = method.module(municipality=municipality)
    item = method.write(module=module, author=people["Ingrid Openauthor"], title="Bättre cykelvägar", text="Ja.")
    data["input"] = item
    comment_create(target=item, dialogue=module.dialogue, author=people["Cornelia Commentwright"], text="Bra!")
    comment_create(target=proposal, author=people["Cornelia Commentwright"], text="Håller med.", premoderated=False)
    if method.support:
        method.support(item=item, user=people["Sigurd Supportsson"])
    method.enter(
        module=module, entered_by=people["Stellan Staffordsson"], channel=Channel.PHONE, title="Mer ljus", text="Ja."
    )
    Follower.objects.create(dialogue=module.dialogue, user=people["Fiona Followby"])
    comment_create(target=proposal, author=people["Hilda Heldback"], text="Vänta på granskning.", premoderated=True)
    removed = method.write(module=module, author=people["Rolf Removedson"], title="Bort", text="Tas bort.")
    moderate(item=removed, actor=people["Stellan Staffordsson"], publish=False, reason="off_topic")
    finished = method.module(municipality=municipality, state=State.FEEDBACK_PUBLISHED, phase=None)
    method.write(module=finished, author=people["Ingrid Openauthor"], title="Fler träd", text="I parken.")
    data["proposal"] = proposal
    data["private_modules"] = build_private_dialogues(municipality, people, method)
    return data


def build_private_dialogues(municipality, people, method):
    """Dialogues that show a pseudonym, nobody, or keep no account: input and comments by people not shown."""
    modules = []
    for setting, name, pseudonym in (
        (PublicIdentity.PSEUDONYM, "Pontus Pseudonymsson", "Skogsmus 17"),
        (PublicIdentity.ANONYMOUS, "Anneli Anonymsdottir", ""),
        (PublicIdentity.ANONYMOUS_BY_DESIGN, "Dagny Designdottir", ""),
    ):
        module = method.module(municipality=municipality)
        module.dialogue.public_identity = setting
        module.dialogue.save(update_fields=["public_identity"])
        item = method.write(module=module, author=people[name], title="Bänk", text="Ja.", pseudonym=pseudonym)
        comment_create(target=item, dialogue=module.dialogue, author=people[name], text="Igen.", pseudonym=pseudonym)
        modules.append(module)
    return modules


def allowed_names():
    """Names people chose to show: on their published input and comments, on valid signatures marked to be shown,
    as proposer."""
    published = {"status": ModerationStatus.PUBLISHED}
    readable = [module for module in Module.objects.all() if module.manifest and module.manifest.inputs]
    shown = {record.author_shown for module in readable for record in module.manifest.inputs(module)} - {""}
    shown |= set(Comment.objects.filter(**published).exclude(author_name="").values_list("author_name", flat=True))
    shown |= set(Signature.objects.filter(show_name=True, status=SignatureStatus.VALID).values_list("name", flat=True))
    shown |= {"Petra R", "Anna Andersson"}  # the proposer's chosen name; the dialogues' contact person
    return shown


def forbidden_names():
    """Every person's name not chosen to be shown, and the distinctive surnames of those who chose not to."""
    shown = allowed_names()
    names = {name for name in User.objects.values_list("name", flat=True) if name and name not in shown}
    names |= set(Signature.objects.filter(show_name=False).values_list("name", flat=True)) - shown
    names |= {name.split()[-1] for name in HIDDEN}
    return names


def known_urls(municipality, data):
    slug = municipality.slug
    urls = [
        reverse("core:home", args=[slug]),
        reverse("dialogues:list", args=[slug]),
        reverse("proposals:list", args=[slug]),
        reverse("proposals:feed", args=[slug]),
        reverse("proposals:detail", args=[slug, data["proposal"].pk]),
        data["module"].get_absolute_url(),
        data["input"].get_absolute_url(),
        *(module.get_absolute_url() for module in data["private_modules"]),
        *(data[name].get_absolute_url() for name in ("planned", "open", "results", "feedback")),
        reverse("opendata:page", args=[slug]),
        reverse("opendata:api_index", args=[slug]),
        reverse("opendata:openapi", args=[slug]),
        reverse("opendata:catalogue", args=[slug]),
    ]
    for name in ("followup:feed",):  # feeds of apps that may not be installed
        with contextlib.suppress(NoReverseMatch):
            urls.append(reverse(name, args=[slug]))
    return urls


def open_data_urls(client, municipality):
    """Every dataset as JSON (all pages) and CSV, and every row's detail."""
    urls = []
    for dataset in datasets():
        listing = reverse("opendata:dataset_list", args=[municipality.slug, dataset.key]) + "?page_size=500"
        urls += [listing, reverse("opendata:dataset_csv", args=[municipality.slug, dataset.key])]
        if dataset.detail is not None:
            for row in client.get(listing).json()["results"]:
                urls.append(reverse("opendata:dataset_detail", args=[municipality.slug, dataset.key, str(row["id"])]))
    return urls


def test_no_email_addresses_and_no_hidden_names_on_public_pages_or_in_the_api(client, municipality):
    assert_no_personal_data(client, municipality, DUMMY)


def assert_no_personal_data(client, municipality, method):
    """People take part in `method` (and in proposals, and in what opendata's test data holds); no page a visitor
    reaches and no open data shows an address or a name its person did not choose to show."""
    data = build_people(municipality, method)
    prefix = f"/{municipality.slug}/"
    pages = crawl(client, [prefix, *known_urls(municipality, data)], prefix)
    pages.update(visit(client, open_data_urls(client, municipality)))

    assert len(pages) > 40, sorted(pages)
    assert any("Zelda Showmyname" in text for text in pages.values()), "the shown signer's name is on a page"
    assert any("Ingrid Openauthor" in text for text in pages.values()), "the input author's name is on a page"
    assert any("Skogsmus 17" in text for text in pages.values()), "the pseudonym is on a page"
    allowed = ORGANISATION_ADDRESSES | {municipality.contact_email}
    found = leaks(pages, forbidden_names(), allowed)
    assert not found, "\n".join(f"{what} {value!r} on {url}" for url, what, value in found)


def test_the_scan_finds_a_leak_when_there_is_one():
    pages = {"/a/": "Skrivet av Xerxes Quibbleworth, xerxes@example.com", "/b/": "dialog@kommun.example.se"}
    found = leaks(pages, {"Xerxes Quibbleworth"}, {"dialog@kommun.example.se"})
    assert found == [("/a/", "e-mail", "xerxes@example.com"), ("/a/", "name", "Xerxes Quibbleworth")]


def test_crawl_helpers_stay_on_the_site():
    text = '<a href="/k/dialoger/">x</a><a href="https://elsewhere.example/">y</a><a href="mailto:a@b.se">z</a>'
    assert list(same_site_links("/k/", text)) == ["/k/dialoger/"]
    assert not followable("/k/personal/", "/k/") and not followable("/konto/logga-in/", "/")
