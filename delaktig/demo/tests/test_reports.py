"""The demo's last year has enough for the default yearly report: dialogues, an information activity, feedback."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from delaktig.core.audit import audit_events_for
from delaktig.dialogues.models import Dialogue
from delaktig.organisations.models import Municipality
from delaktig.reports.selectors import yearly_report

from .site import demo_data  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("demo_data")  # the demo, loaded once for the module


@pytest.mark.django_db
def test_last_year_and_this_year_show_something():
    call_command("load_demo", stdout=io.StringIO())  # loading it a second time is fine
    hagfors = Municipality.objects.get(slug="hagfors")
    this_year = timezone.localdate().year
    for year in (this_year - 1, this_year):
        summary = dict(next(s for s in yearly_report(hagfors, year).sections if s.key == "summary").tables[0].rows)
        figures = list(summary.values())
        assert figures[0] >= 2, (year, summary)  # dialogues
        assert figures[3] >= 1, (year, summary)  # information activities, kept apart


@pytest.mark.django_db
def test_the_late_feedback_is_late_on_the_timeline_too():
    dialogue = Dialogue.objects.get(municipality__slug="hagfors", title="Bemötande i kundtjänst")
    events = {event.action: event.created_at for event in audit_events_for(dialogue)}
    published = next(when for action, when in events.items() if action.startswith("dialogue.publish_feedback"))
    assert published == dialogue.feedback_published_at
    assert published.date() > dialogue.feedback_due_on
    assert events["dialogue.close"] < published < events["dialogue.evaluate"]


@pytest.mark.django_db
def test_last_years_report_is_generated_presented_and_public(client):
    from django.urls import reverse

    from delaktig.reports.models import CouncilReport, Status

    year = timezone.localdate().year - 1
    report = CouncilReport.objects.get(municipality__slug="hagfors", year=year)
    generation = report.presented_generation
    assert report.is_presented and generation is not None and generation.status == Status.DONE
    assert len(report.action_point_list()) == 3
    public = reverse("reports:public_list", args=["hagfors"])
    html = client.get(public).content.decode()
    assert f"Årsrapport {year} (pdf" in html and generation.pdf.name.endswith(".pdf")
    assert f'href="{reverse("reports:public_pdf", args=["hagfors", year])}"' in html
    assert f'href="{public}"' in client.get(reverse("core:home", args=["hagfors"])).content.decode()
