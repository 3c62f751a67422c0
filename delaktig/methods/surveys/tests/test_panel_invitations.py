"""A sample drawn from the citizen panel is invited to a survey: each member's e-mail carries their own link to
leave the panel, response rates count by the group they were drawn from, answering counts as being active, and
nothing on the way joins an answer to a member."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from delaktig.mailings.models import Recipient
from delaktig.panel import selectors as panel_selectors
from delaktig.panel import services as panel_services
from delaktig.panel.models import PanelMember
from delaktig.panel.tests.factories import PanelMemberFactory
from delaktig.participation.tests.population_support import population_set

from .. import selectors
from ..models import Invitation
from ..services import response_submit
from ..services_invitations import invitations_create, invitations_from_sample, invitations_remind
from .conftest import url
from .factories import full_answers, survey_for

pytestmark = pytest.mark.django_db

POPULATION = {("30_44", "woman"): 500, ("30_44", "man"): 500, ("65_79", "woman"): 500, ("65_79", "man"): 500}


@pytest.fixture
def invited(module, staff):
    return survey_for(module, actor=staff["officer"], access="invitation")


@pytest.fixture
def sample(municipality):
    population_set(municipality, POPULATION)
    long_ago = timezone.localdate() - datetime.timedelta(days=200)
    for band in ("30_44", "65_79"):
        for gender in ("woman", "man"):
            PanelMemberFactory.create_batch(
                3, municipality=municipality, age_band=band, gender=gender, last_active_on=long_ago
            )
    return panel_services.sample_draw(
        municipality=municipality, size=8, by_area=False, seed=3, actor=None, purpose="Parkenkäten"
    )


def link_in(body):
    return re.search(r"https?://\S+/inbjudan/\S+/", body).group(0)


def test_each_member_of_the_sample_is_invited_with_their_own_link_to_leave_the_panel(invited, sample, commits):
    with commits():
        made = invitations_from_sample(survey=invited, sample=sample, actor=None, message="Tack för att du är med!")
    assert made.created == 8 and made.mailing.total == 8 and len(mail.outbox) == 8
    members = {m.email: m for m in PanelMember.objects.all()}
    for message in mail.outbox:
        member = members[message.to[0]]
        leave = panel_selectors.opt_out_url(member).rsplit(":", 2)[0]  # the member's part; the time stamp may differ
        assert leave in message.body and "utan att logga in" in message.body
        assert message.extra_headers["List-Unsubscribe"].startswith(f"<{leave}:")
        assert "{footer}" not in message.body and "{link}" not in message.body
    assert len({link_in(m.body) for m in mail.outbox}) == 8  # a link each
    groups = set(Invitation.objects.values_list("stratum", flat=True))
    assert groups == {"kvinnor 30–44 år", "män 30–44 år", "kvinnor 65–79 år", "män 65–79 år"}


def test_someone_not_in_the_panel_gets_no_panel_footer_and_reminders_keep_it_for_members(invited, sample, commits):
    with commits():
        invitations_create(survey=invited, recipients=[("utanfor@example.se", "")], actor=None)
    assert "medborgarpanel" not in mail.outbox[-1].body and not mail.outbox[-1].extra_headers
    with commits():
        invitations_from_sample(survey=invited, sample=sample, actor=None)
    mail.outbox.clear()
    with commits():
        invitations_remind(survey=invited, actor=None)
    assert len(mail.outbox) == 9
    for message in mail.outbox:
        member = PanelMember.objects.filter(email=message.to[0]).first()
        assert (member is not None) == ("lämna" in message.body.lower()), message.to


def test_answering_counts_as_active_and_the_response_rate_counts_per_group(invited, sample, commits):
    with commits():
        invitations_from_sample(survey=invited, sample=sample, actor=None)
    first = mail.outbox[0]
    invitation = Invitation.objects.get(email=first.to[0])
    response_submit(survey=invited, answers=full_answers(invited), invitation_id=invitation.pk)
    member = PanelMember.objects.get(email=first.to[0])
    assert member.last_active_on == timezone.localdate()
    others = PanelMember.objects.exclude(pk=member.pk)
    assert not others.filter(last_active_on=timezone.localdate()).exists()
    rates = {row["stratum"]: (row["invited"], row["answered"]) for row in selectors.invitation_counts(invited)}
    assert rates[invitation.stratum] == (2, "färre än 5") and rates[None] == (8, 1)  # one person's answer hidden


def test_the_links_and_footers_are_forgotten_once_sent(invited, sample, commits):
    from ..services_invitations import sent_links_forget

    with commits():
        invitations_from_sample(survey=invited, sample=sample, actor=None)
    assert sent_links_forget() == 8 and not Recipient.objects.exclude(values={}).exists()


def test_staff_invite_a_sample_from_the_invitations_page(client, staff, module, invited, sample):
    client.force_login(staff["officer"])
    page = client.get(url("staff:invitations", module)).content.decode()
    assert "Bjud in ett urval ur medborgarpanelen" in page and sample.reference in page
    assert not any(m.email in page for m in PanelMember.objects.all())  # the members' addresses are not shown
    done = client.post(url("staff:invitations_from_sample", module), {"sample": sample.pk, "panel_message": "Hej"})
    assert "8 inbjudningar skapade" in done.content.decode()
    again = client.post(url("staff:invitations_from_sample", module), {"sample": sample.pk})
    assert "8 adresser var redan inbjudna" in again.content.decode()


def test_no_sample_or_another_municipalitys_sample_is_refused_in_words(
    client, staff, module, invited, sample, other_municipality
):
    client.force_login(staff["officer"])
    empty = client.post(url("staff:invitations_from_sample", module), {"panel_message": "Behåll mig"})
    page = empty.content.decode()
    assert empty.status_code == 200 and "Välj ett urval." in page and "Behåll mig" in page
    population_set(other_municipality, POPULATION)
    PanelMemberFactory.create_batch(4, municipality=other_municipality)
    foreign = panel_services.sample_draw(municipality=other_municipality, size=2, by_area=False, seed=1, actor=None)
    refused = client.post(url("staff:invitations_from_sample", module), {"sample": foreign.pk})
    assert "Välj ett av urvalen i listan." in refused.content.decode() and not Invitation.objects.exists()


def test_a_sample_whose_members_all_left_is_refused(client, staff, module, invited, sample):
    for member in PanelMember.objects.all():
        panel_services.member_leave(member=member)
    client.force_login(staff["officer"])
    response = client.post(url("staff:invitations_from_sample", module), {"sample": sample.pk})
    assert "Ingen i urvalet är kvar i panelen." in response.content.decode()
