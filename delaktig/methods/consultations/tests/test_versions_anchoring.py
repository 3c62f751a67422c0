"""A new version keeps the anchors of the chapters and paragraphs that live on, so comments stay with the text they
were written on; the public page shows what changed, paragraph by paragraph."""

import pytest

from .. import services
from ..models import Source
from ..selectors import comments_by_place
from ..selectors_versions import version_changes
from ..text import from_markdown
from .conftest import url
from .factories import PLAN, paragraph_of, remark_on

pytestmark = pytest.mark.django_db

REVISED = (
    PLAN.replace("200 nya bostäder nära centrum", "250 nya bostäder nära centrum och stationen").replace(
        "Kommunen vill att fler ska kunna bo och arbeta här.\n", ""
    )
    + "\nEn ny stig längs Ljusnan.\n"
)


def new_version(module, staff, text=REVISED):
    document = services.document_for(module)
    version = services.version_create(
        document=document, outline=from_markdown(text), source=Source.MARKDOWN, actor=staff["officer"], note="Fler"
    )
    return services.version_publish(version=version, actor=staff["officer"])


def test_anchors_are_unique_and_stable_within_a_version(version):
    anchors = [p.anchor for p in version.paragraphs.all()] + [c.anchor for c in version.chapters.all()]
    assert len(anchors) == len(set(anchors)) == 4 + 3


def test_a_comment_stays_with_its_paragraph_in_the_new_version(module, version, staff):
    housing = paragraph_of(version, "200 nya bostäder")
    remark = remark_on(module, version, housing, text="Fler hyresrätter.")
    second = new_version(module, staff)
    rewritten = paragraph_of(second, "250 nya bostäder")
    assert rewritten.anchor == housing.anchor and rewritten.chapter.anchor == housing.chapter.anchor
    assert comments_by_place(module).paragraphs[rewritten.anchor] == [remark]
    added = paragraph_of(second, "Ljusnan")
    assert added.anchor not in {p.anchor for p in version.paragraphs.all()}


def test_what_changed_is_listed_per_paragraph_with_its_words(module, version, staff):
    second = new_version(module, staff)
    changes = {c.kind: c for c in version_changes(version, second)}
    assert set(changes) == {"unchanged", "changed", "added", "removed"}
    assert ("removed", "200") in changes["changed"].diff and ("added", "250") in changes["changed"].diff
    assert "Kommunen vill" in changes["removed"].old.text


def test_the_public_page_shows_the_changes(client, module, version, staff):
    remark_on(module, version, paragraph_of(version, "200 nya bostäder"))
    new_version(module, staff)
    page = client.get(url("changes", module, 2)).content.decode()
    assert "<del>" in page and "<ins>" in page and "Ljusnan" in page
    assert client.get(url("changes", module, 1)).status_code == 404
    assert client.get(url("changes", module, 7)).status_code == 404
    reading = client.get(url("index", module)).content.decode()
    assert "250 nya bostäder" in reading and "Bra förslag." in reading


def test_comments_on_removed_text_are_still_shown(client, module, version, staff):
    remark_on(module, version, paragraph_of(version, "Kommunen vill"), text="Om inledningen.")
    new_version(module, staff)
    page = client.get(url("index", module)).content.decode()
    assert "Om inledningen." in page and "inte längre finns" in page
