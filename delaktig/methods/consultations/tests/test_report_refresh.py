"""Once staff have had the consultation report made as Word and PDF, every change to what it says (a position and its
reason, a summary, an answer, a letter entered) makes the files again by itself: one request waits at a time, the
files made before stay offered until the new ones are ready, and the page says so."""

import io

import docx
import pytest
from django.utils import timezone

from .. import services
from ..models import ReportFile, ReportStatus
from ..report_files import REFRESH_DELAY, report_generate, report_refresh
from .conftest import url
from .factories import paragraph_of, remark_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def remark(module, version):
    return remark_on(module, version, paragraph_of(version, "200 nya bostäder"), text="Fler hyresrätter.")


def files_made(document, officer, capture):
    with capture(execute=True):
        services.report_request(document=document, actor=officer)
    return ReportFile.objects.get(status=ReportStatus.DONE)


def word_text(client, module):
    response = client.get(url("staff:report_docx", module))
    return "\n".join(p.text for p in docx.Document(io.BytesIO(b"".join(response.streaming_content))).paragraphs)


def test_nothing_is_made_before_staff_ask_for_the_files(staff, remark, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.position_set(remark=remark, position="taken", response="Ja.", actor=staff["officer"])
    assert not ReportFile.objects.exists()


@pytest.mark.parametrize("change", ["position", "summary", "answer", "letter"])
def test_a_change_makes_the_files_again_and_the_old_ones_go(
    client, staff, module, version, remark, django_capture_on_commit_callbacks, change
):
    officer = staff["officer"]
    first = files_made(version.document, officer, django_capture_on_commit_callbacks)
    old_name = first.docx.name
    with django_capture_on_commit_callbacks(execute=True):
        if change == "position":
            services.position_set(remark=remark, position="partly", response="Vi prövar det.", actor=officer)
        elif change == "summary":
            services.summary_set(document=version.document, chapter_anchor=0, text="Vi prövar det.", actor=officer)
        elif change == "answer":
            services.answer_create(
                comment=remark.comment, module=module, author=officer, role="officer", text="Vi prövar det."
            )
        else:
            services.remark_create(
                module=module,
                version=version,
                target=version.document,
                text="Vi prövar det.",
                represents="myself",
                entered_by=officer,
                channel="paper",
            )
    newest = ReportFile.objects.order_by("-pk").first()
    assert newest.pk != first.pk and newest.status == ReportStatus.DONE
    first.refresh_from_db()
    assert not first.docx and not first.pdf  # the old files are gone once the new ones are ready
    assert not first.docx.storage.exists(old_name)
    client.force_login(officer)
    assert "Vi prövar det." in word_text(client, module)


def test_a_comment_removed_in_the_central_moderation_queue_makes_the_files_again(
    client, staff, version, module, remark, django_capture_on_commit_callbacks
):
    from delaktig.participation.services import moderate

    officer = staff["officer"]
    first = files_made(version.document, officer, django_capture_on_commit_callbacks)
    client.force_login(officer)
    assert "Fler hyresrätter." in word_text(client, module)
    with django_capture_on_commit_callbacks(execute=True):
        moderate(item=remark.comment, actor=staff["moderator"], publish=False, reason="off_topic")
    newest = ReportFile.objects.order_by("-pk").first()
    assert newest.pk != first.pk and newest.status == ReportStatus.DONE
    assert "Fler hyresrätter." not in word_text(client, module)


def test_changes_in_a_row_wait_for_one_set_of_files(
    settings, client, staff, module, version, remark, django_capture_on_commit_callbacks
):
    officer = staff["officer"]
    made = files_made(version.document, officer, django_capture_on_commit_callbacks)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}  # a queue that can wait
    from ..report_files import report_generate_task

    backend = report_generate_task.get_backend()
    backend.clear()
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        services.position_set(remark=remark, position="partly", response="Kanske.", actor=officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.summary_set(document=version.document, chapter_anchor=0, text="Blandat.", actor=officer)
    waiting = ReportFile.objects.get(status=ReportStatus.QUEUED)
    assert len(backend.results) == 1 and backend.results[0].kwargs == {"report_id": waiting.pk}
    assert backend.results[0].task.run_after >= before + REFRESH_DELAY

    client.force_login(officer)
    page = client.get(url("staff:report", module)).content.decode()
    assert "Nya filer skapas med de senaste ändringarna." in page and "kan vara inaktuella" in page
    assert "Ladda ner som Word" in page and "Blandat." not in word_text(client, module)  # the old files meanwhile
    assert made.docx

    ReportFile.objects.filter(pk=waiting.pk).update(status=ReportStatus.RUNNING)  # the worker has begun
    again = report_refresh(document_id=version.document.pk, actor=officer)
    assert again.pk != waiting.pk and again.status == ReportStatus.QUEUED  # it may have read before the change
    assert report_refresh(document_id=version.document.pk, actor=officer) == again  # and only one waits
    ReportFile.objects.filter(pk=waiting.pk).update(status=ReportStatus.QUEUED)
    report_generate(report_id=waiting.pk)
    assert "Blandat." in word_text(client, module)


def test_the_button_stays_for_making_the_files_again_by_hand(
    client, staff, module, version, django_capture_on_commit_callbacks
):
    files_made(version.document, staff["officer"], django_capture_on_commit_callbacks)
    client.force_login(staff["officer"])
    page = client.get(url("staff:report", module)).content.decode()
    assert 'name="generate"' in page and "Nya filer skapas av sig själva" in page.replace("\n", " ")
