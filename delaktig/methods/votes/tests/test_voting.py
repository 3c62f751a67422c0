"""Residents vote on the vote's page: the rules shown first, one ballot per person that can be changed until the
vote closes, every kind of bad input refused in words with nothing stored, results hidden until the vote closes."""

import pytest
from django.urls import reverse

from delaktig.accounts.models import IdentityLevel
from delaktig.accounts.tests.factories import UserFactory
from delaktig.core.models import AuditEvent
from delaktig.organisations.models import Area

from ..counting import ballots_from_csv, count
from ..models import Ballot
from ..services import vote_save
from ..window import window_forget
from .factories import cast, close, vote_for, vote_module

pytestmark = pytest.mark.django_db


def url(module, name):
    return reverse(f"votes:{name}", args=[module.dialogue.municipality.slug, module.dialogue_id, module.pk])


def post(client, module, data):
    return client.post(url(module, "cast"), data)


def test_the_rules_are_shown_before_anyone_votes(client, module, municipality):
    area = Area.objects.create(municipality=municipality, name="Ekshärad")
    vote_for(module, ballot_type="ranking", max_choices=2, area=area, age_min=13, age_max=25)
    page = client.get(url(module, "index")).content.decode()
    assert "Omröstningens regler" in page
    assert "instant-runoff" in page.lower() or "rangordning" in page.lower()
    assert "Du bor i Ekshärad." in page
    assert "13 till 25 år" in page
    assert "Bekräftad e-postadress" in page
    assert "inte kontrollera" in page  # self-declared until e-identification
    assert "Resultatet publiceras" in page
    assert "Logga in för att rösta" in page


def test_a_voter_casts_and_changes_the_ballot_one_ballot_kept(client, module, vote, ids, resident):
    client.force_login(resident)
    response = post(client, module, {"choice": ids[0], "age": "34"})
    assert response.status_code == 302 and "cast=1" in response["Location"]
    response = post(client, module, {"choice": ids[1]})
    assert "changed=1" in response["Location"]
    ballot = Ballot.objects.get(vote=vote)
    assert ballot.choices == [ids[1]] and ballot.voter == resident and ballot.changes == 1
    assert ballot.age_band == ""  # the second ballot told no age
    page = client.get(url(module, "receipt") + "?changed=1").content.decode()
    assert "Din röst är ändrad" in page and ballot.reference in page and "Älvens röst" in page
    actions = list(AuditEvent.objects.filter(action__startswith="votes.ballot").values_list("action", flat=True))
    assert sorted(actions) == ["votes.ballot_cast", "votes.ballot_change"]
    assert "Du har röstat" in client.get(url(module, "index")).content.decode()


@pytest.mark.parametrize(
    ("settings", "data", "message"),
    [
        (
            {"ballot_type": "approval", "max_choices": 2},
            {"choice": "ALL"},
            "Du får välja högst 2 alternativ. Du valde 3.",
        ),
        ({"ballot_type": "ranking"}, {"rank": [1, 3]}, "utan luckor"),
        ({"ballot_type": "ranking"}, {"rank": [1, 1]}, "samma plats"),
        ({"ballot_type": "ranking", "max_choices": 2}, {"rank": [1, 2, 3]}, "Du får rangordna högst 2 alternativ."),
        ({"ballot_type": "points", "points_total": 10}, {"points": [6, 5]}, "Ta bort 1."),
        ({"ballot_type": "single"}, {"choice": "TAMPERED"}, "finns inte i den här omröstningen"),
        ({"ballot_type": "ranking"}, {"extra": "rank_999999"}, "finns inte i den här omröstningen"),
        ({"ballot_type": "single"}, {}, "Välj ett alternativ."),
        ({"ballot_type": "single", "age_min": 13, "age_max": 25}, {"choice": "FIRST", "age": "40"}, "13 till 25 år"),
        ({"ballot_type": "single", "residents_only": True}, {"choice": "FIRST"}, "Kryssa i rutan"),
    ],
)
def test_bad_ballots_are_refused_in_words_and_nothing_is_stored(client, module, resident, settings, data, message):
    vote = vote_for(module, **settings)
    ids = list(vote.alternatives.values_list("pk", flat=True))
    form = {}
    if data.get("choice") == "ALL":
        form["choice"] = ids
    elif data.get("choice") == "TAMPERED":
        form["choice"] = str(max(ids) + 1000)
    elif data.get("choice") == "FIRST":
        form["choice"] = ids[0]
    for key, prefix in (("rank", "rank_"), ("points", "points_")):
        for pk, value in zip(ids, data.get(key, []), strict=False):
            form[f"{prefix}{pk}"] = value
    if "extra" in data:
        form[f"rank_{ids[0]}"] = 1
        form[data["extra"]] = 2
    if "age" in data:
        form["age"] = data["age"]
    client.force_login(resident)
    response = post(client, module, form)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and "Ingenting sparades" in page
    assert not Ballot.objects.filter(vote=vote).exists()
    assert not AuditEvent.objects.filter(action__startswith="votes.ballot").exists()


def test_votes_after_closing_are_refused(client, module, vote, ids, resident):
    client.force_login(resident)
    close(module)
    window_forget(module.pk)
    response = post(client, module, {"choice": ids[0]})
    assert response.status_code == 200
    assert "Omröstningen har stängt. Din röst sparades inte." in response.content.decode()
    assert not Ballot.objects.exists()


def test_a_closed_dialogue_closes_the_vote_at_once(client, municipality, resident):
    module = vote_module(municipality=municipality, state="closed")
    vote = vote_for(module)
    client.force_login(resident)
    response = post(client, module, {"choice": vote.alternatives.first().pk})
    assert "Din röst sparades inte" in response.content.decode() and not Ballot.objects.exists()


def test_logging_in_is_asked_and_the_identity_level_is_enforced(client, module, ids, vote):
    response = post(client, module, {"choice": ids[0]})
    assert response.status_code == 302 and "logga-in" in response["Location"]
    unconfirmed = UserFactory(identity_level=IdentityLevel.NONE)
    client.force_login(unconfirmed)
    response = post(client, module, {"choice": ids[0]})
    assert response.status_code == 403 and "Bekräfta din e-postadress" in response.content.decode()
    vote_save(module=module, actor=UserFactory(), identity_level=IdentityLevel.IN_PERSON)
    client.force_login(UserFactory())
    response = post(client, module, {"choice": ids[0]})
    assert "högre identitetsnivå" in response.content.decode()
    assert not Ballot.objects.exists()


def test_a_paper_ballot_cannot_be_changed_on_the_web(client, module, vote, ids, resident, staff):
    from ..eligibility import Declared
    from ..services import account_key, ballot_enter

    ballot_enter(vote=vote, actor=staff["officer"], choices=[ids[2]], declared=Declared("", None),
                 voter_key=account_key(resident.pk), voter=resident)  # fmt: skip
    client.force_login(resident)
    response = post(client, module, {"choice": ids[0]})
    assert "kom in på papper" in response.content.decode()
    assert Ballot.objects.get(vote=vote).choices == [ids[2]]


def test_results_are_hidden_until_the_vote_closes_even_from_staff(client, module, vote, ids, staff):
    cast(vote, UserFactory(), [ids[0]], age_band="30_44")
    cast(vote, UserFactory(), [ids[0]])
    cast(vote, UserFactory(), [ids[1]])
    public = client.get(url(module, "results")).content.decode()
    assert "Ljusets bro" not in public and "Resultatet publiceras när omröstningen stänger" in public
    assert client.get(url(module, "ballots_csv")).status_code == 404
    client.force_login(staff["officer"])
    args = [module.dialogue.municipality.slug, module.dialogue_id, module.pk]
    staff_page = client.get(reverse("votes_staff:results", args=args)).content.decode()
    assert "Röster per alternativ" not in staff_page and "Resultatet publiceras" in staff_page
    vote_save(module=module, actor=staff["officer"], staff_see_early=True)
    staff_page = client.get(reverse("votes_staff:results", args=args)).content.decode()
    assert "Röster per alternativ" in staff_page and "fortfarande öppen" in staff_page
    assert "Ljusets bro" not in client.get(url(module, "results")).content.decode()  # still hidden publicly
    close(module)
    client.logout()
    public = client.get(url(module, "results")).content.decode()
    assert "Vann: Ljusets bro" in public and "färre än 5" in public  # turnout per age band, suppressed
    download = client.get(url(module, "ballots_csv"))
    assert download.status_code == 200
    text = b"".join(download.streaming_content if download.streaming else [download.content]).decode("utf-8-sig")
    assert text.split("\r\n")[0].endswith("1. Ljusets bro;2. Älvens röst;3. Mötet")  # numbered as on the page
    ballot_type, alternatives, ballots = ballots_from_csv(text.splitlines())
    assert count(ballot_type, alternatives, ballots).totals == {1: 2, 2: 1, 3: 0}
    assert "30_44" not in text and "online" in text  # no age, area or voter in the file


def test_a_vote_changed_in_the_seconds_the_process_remembers_it_is_no_500(client, module, vote, ids, resident):
    """An area or the vote removed while a process still remembers it: the database refuses the ballot (a foreign
    key), and the voter is told to vote again."""
    from unittest import mock

    from django.db import IntegrityError

    client.force_login(resident)
    with mock.patch("delaktig.methods.votes.views.public.ballot_cast", side_effect=IntegrityError):
        response = post(client, module, {"choice": ids[0]})
    assert response.status_code == 200 and "Omröstningen ändrades medan du röstade" in response.content.decode()


def test_a_vote_at_e_id_offers_e_id_in_one_step(client, module, ids, vote, municipality):
    from delaktig.identity.models import OidcConfiguration

    OidcConfiguration.objects.create(
        municipality=municipality, kind="resident_eid", issuer="https://broker.example", client_id="x"
    )
    vote_save(module=module, actor=UserFactory(), identity_level=IdentityLevel.SUBSTANTIAL)
    client.force_login(UserFactory())
    page = client.get(url(module, "index")).content.decode()
    assert "Logga in med e-legitimation" in page and "e-legitimation/?next=" in page
    post(client, module, {"choice": ids[0]})
    assert not Ballot.objects.exists()
