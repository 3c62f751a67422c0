"""Rut reads the draft comprehensive plan, finds the chapter on housing in the table of contents and comments on one
paragraph for her association; her comment and the count show beside the paragraph. Olle, an officer, answers a
comment, sets the municipality's position, and downloads the consultation report as Word and PDF. Every page passes
axe."""

import io

import docx
import pytest

from delaktig.organisations.models import Role
from delaktig.organisations.tests.factories import MunicipalityFactory
from tests.e2e.support import arrive, click_through, logged_in, person, sv

from ...models import Remark
from ..conftest import url
from ..factories import consultation_module, paragraph_of, published_plan, remark_on

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan():
    hagby = MunicipalityFactory(name="Hagby kommun", slug="hagby")
    module = consultation_module(municipality=hagby)
    return module, published_plan(module)


def test_rut_comments_on_a_paragraph_of_the_plan(page, plan):
    module, version = plan
    housing = paragraph_of(version, "200 nya bostäder")
    rut = person(name="Rut Resident", email="rut@example.se")
    logged_in(page, rut)
    page.goto(url("index", module))
    arrive(page)
    page.get_by_role("navigation", name=sv("Contents")).get_by_role("link", name="Bostäder").click()
    assert page.url.endswith(f"#{housing.chapter.html_id}")
    paragraph = page.locator(f"#{housing.html_id}")
    assert sv("No comments") in paragraph.inner_text()
    click_through(page, paragraph.get_by_role("link", name=sv("Comment on the paragraph")))
    assert "200 nya bostäder" in page.locator("blockquote").inner_text()

    click_through(page, page.get_by_role("button", name=sv("Send the comment")))  # nothing written
    assert page.evaluate("document.activeElement.id") == "error-summary"
    page.fill("#id_text", "Bygg fler hyresrätter nära stationen.")
    page.get_by_label(sv("An organisation")).check()
    click_through(page, page.get_by_role("button", name=sv("Send the comment")))  # the name is missing
    assert page.input_value("#id_text") == "Bygg fler hyresrätter nära stationen."
    page.fill("#id_organisation", "Hyresgästföreningen Hagby")
    click_through(page, page.get_by_role("button", name=sv("Send the comment")))

    remark = Remark.objects.get()
    assert remark.reference in page.locator("main").inner_text()
    click_through(page, page.get_by_role("link", name=sv("Back to the document")))
    paragraph = page.locator(f"#{housing.html_id}")
    text = paragraph.inner_text()
    assert "Bygg fler hyresrätter nära stationen." in text and "Hyresgästföreningen Hagby" in text
    assert "1 synpunkt" in text


def test_olle_answers_a_comment_and_downloads_the_report(page, plan):
    module, version = plan
    remark = remark_on(module, version, paragraph_of(version, "200 nya bostäder"), text="Varför just 200?")
    olle = person(module.dialogue.municipality, Role.OFFICER, name="Olle Officer", email="olle@hagby.se")
    logged_in(page, olle)
    page.goto(url("staff:comments", module))
    arrive(page)
    click_through(page, page.get_by_role("link", name=remark.reference))
    page.get_by_label(sv("Officer")).check()
    page.fill("#id_text", "Siffran bygger på befolkningsprognosen.")
    click_through(page, page.get_by_role("button", name=sv("Publish the answer")))
    page.get_by_label(sv("Partly taken into account")).check()
    page.fill("#id_response", "Vi redovisar prognosen i planen.")
    click_through(page, page.get_by_role("button", name=sv("Save the position")))

    click_through(page, page.get_by_role("link", name=sv("Consultation report")).first)
    assert "Vi redovisar prognosen i planen." in page.locator("main").inner_text()
    click_through(page, page.get_by_role("button", name=sv("Make the report as Word and PDF")))
    page.reload()  # the files are made in the background (at once here); the page updates itself
    arrive(page)
    with page.expect_download() as info:
        page.get_by_role("link", name=sv("Download as Word")).click()
    opened = docx.Document(io.BytesIO(open(info.value.path(), "rb").read()))  # noqa: SIM115
    body = "\n".join(p.text for p in opened.paragraphs)
    assert "Varför just 200?" in body and "Vi redovisar prognosen i planen." in body
    with page.expect_download() as info:
        page.get_by_role("link", name=sv("Download as PDF")).click()
    assert open(info.value.path(), "rb").read(5) == b"%PDF-"  # noqa: SIM115

    page.goto(url("index", module))
    arrive(page)
    assert "Siffran bygger på befolkningsprognosen." in page.locator("main").inner_text()
