"""Every staff page of the demo can be found by clicking, and no staff page shows a raw key.

The pages are collected once for the module by walking the workspace from the start page (staff_crawl).
"""

import os
import pickle
import re
from pathlib import Path

import pytest
from django.db import transaction

from . import staff_crawl
from .site import demo_loaded

START = f"/{staff_crawl.SLUG}/personal/"
# Pages whose object's page is elsewhere than above them in the URL: url name -> url names that may link to it.
OBJECT_PAGES = {
    "mailings:detail": {"followup:feedback", "proposals:answer_mailing"},  # a mailing is sent from these pages
    "results:quote_create": {"results:inputs"},  # a quote is marked on its input, in the list of inputs
    "results:quote_delete": {"results:inputs"},
    # The principles and the toolbox are edited from the handbook (and from their public pages).
    "foundation:principles_create": {"foundation:handbook"},
    "foundation:toolbox_create": {"foundation:handbook"},
    "foundation:toolbox_edit": {"foundation:handbook"},
}


pytestmark = pytest.mark.django_db  # so that the test database is set up for the module's walk


@pytest.fixture(scope="module")
def walk(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), demo_loaded(), transaction.atomic():
        result = staff_crawl.crawl()
        if os.environ.get("STAFF_WALK_DUMP"):  # to read the pages while fixing them
            Path(os.environ["STAFF_WALK_DUMP"]).write_bytes(pickle.dumps(result))
        transaction.set_rollback(True)
    return result


def dialogue_page(path):
    """The staff page of the dialogue a path belongs to, or None."""
    found = re.match(rf"^{START}(?:uppfoljning/)?dialoger/(\d+)/", path)
    return f"{START}dialoger/{found.group(1)}/" if found else None


def counts(source, path, name):
    """Whether a link on `source` to `path` lets staff find the page: from the start page (with the staff menu),
    from the page of the object it belongs to (above it in the URL, or its dialogue), or from OBJECT_PAGES."""
    source_path = source.split("?")[0]
    if source_path == START or (path.startswith(source_path) and path != source_path):
        return True
    if path.startswith(source_path.rstrip("/") + "."):  # a download of the page: rapport/ and rapport.csv
        return True
    if dialogue_page(path) == source_path:
        return True
    return staff_crawl.url_name(source_path) in OBJECT_PAGES.get(name, ())


# Not pages but the button of a dialogue's next step, shown on its staff page only while the step is ready
# (the demo's ready steps are closings, which go through their own confirmation page), and the undo button of an
# entry at the desk ("Registrera inkommet"), shown there only for a few minutes after the entry was saved.
# The yearly report's "generate" button too: a form that only posts, shown while the year's report is not presented
# (the demo's default year is presented).
# The set-up page of a kind of login provider too: linked from the login providers' page only while that kind is not
# set up (the demo has both).
ACTIONS = {"dialogues:staff_step", "participation:desk_undo", "reports:generate", "identity:provider_create"}


def test_every_staff_page_is_linked_from_the_menu_or_its_objects_page(walk):
    found = ACTIONS | {name for source, path, name in walk.links if counts(source, path, name)}
    missing = sorted(set(walk.patterns) - found)
    assert not missing, f"Staff pages no menu or object page links to: {missing}"


def test_every_page_walked_answers(walk):
    assert {url: status for url, status in walk.statuses.items() if status >= 400} == {}


def raw_keys_in(text, actions):
    """The keys in `text` a person should never read: snake_case names (field names, states, method keys),
    audit events' actions ("dialogue.transition"), channel codes and references of the form "open_input:121"."""
    from delaktig.participation.models import Channel

    found = set(re.findall(r"\b[a-z]+(?:_[a-z]+)+\b", text))
    found |= set(re.findall(r"\b[a-z_]+:\d+\b", text))
    found |= {action for action in actions if re.search(rf"\b{re.escape(action)}\b", text)}
    codes = [*Channel.values, "offline", "web"]
    found |= {code for code in codes if re.search(rf"(?<![-@./])\b{code}\b(?![-@.])", text)}
    return found


def test_no_staff_page_shows_a_raw_key(walk):
    shown = {}
    for url, html in [*walk.pages.items(), *walk.error_pages.items()]:
        for key in raw_keys_in(staff_crawl.visible_text(html), walk.actions):
            shown.setdefault(key, url)
    assert not shown, "\n".join(f"{key}  on {url}" for key, url in sorted(shown.items()))


def test_the_walk_sent_forms_empty_and_read_the_errors(walk):
    assert len(walk.error_pages) >= 10
    assert any("error-summary" in html for html in walk.error_pages.values())
