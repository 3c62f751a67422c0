"""Staff set up the vote (the ballot, who may vote, alternatives with images, alt texts, a PDF and a cost) and enter
paper ballots at the desk, where the same person cannot vote twice; roles decide who may do what."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from delaktig.participation.models import DeskRecord

from ..models import Alternative, Ballot, Vote
from .factories import cast, close

pytestmark = pytest.mark.django_db


def staff_url(module, name, *extra):
    args = [module.dialogue.municipality.slug, module.dialogue_id, module.pk, *extra]
    return reverse(f"votes_staff:{name}", args=args)


def desk_url(module):
    return reverse("participation:desk", args=[module.dialogue.municipality.slug, module.dialogue_id])


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(buffer, "PNG")
    return SimpleUploadedFile("skiss.png", buffer.getvalue(), content_type="image/png")


def test_an_officer_sets_up_the_vote_and_its_alternatives(client, module, staff):
    client.force_login(staff["officer"])
    assert "inte förberedd" in client.get(staff_url(module, "index")).content.decode()
    response = client.post(staff_url(module, "settings"), {"question": "Vilken skiss?", "ballot_type": "approval",
                                                           "identity_level": 1})  # fmt: skip
    assert (
        response.status_code == 200 and "Skriv hur många alternativ man högst får välja." in response.content.decode()
    )
    response = client.post(staff_url(module, "settings"), {"question": "Vilken skiss?", "ballot_type": "approval",
                                                           "max_choices": 2, "identity_level": 1})  # fmt: skip
    assert response.status_code == 302
    vote = Vote.objects.get(module=module)
    response = client.post(staff_url(module, "alternative_add"), {"title": "Ljusets bro", "image": png()})
    assert "Beskriv vad bilden visar." in response.content.decode() and not Alternative.objects.exists()
    pdf = SimpleUploadedFile("skiss.pdf", b"%PDF-1.4 skiss", content_type="application/pdf")
    response = client.post(
        staff_url(module, "alternative_add"),
        {"title": "Ljusets bro", "description": "En bro av ljus.", "cost": "450000", "image": png(),
         "alt_text": "En båge av glas över en älv i kvällsljus.", "pdf": pdf},
    )  # fmt: skip
    alternative = Alternative.objects.get(vote=vote)
    assert response.status_code == 302 and alternative.cost == 450000 and alternative.pdf
    image = alternative.images.get()
    public = reverse("votes:index", args=[module.dialogue.municipality.slug, module.dialogue_id, module.pk])
    page = client.get(public).content.decode()
    assert 'alt="En båge av glas över en älv i kvällsljus."' in page and "450\u00a0000 kronor" in page
    image_url = reverse(
        "votes:image", args=[module.dialogue.municipality.slug, module.dialogue_id, module.pk, image.pk]
    )
    assert client.get(image_url)["Content-Type"] == "image/png"
    bad = SimpleUploadedFile("x.pdf", b"not a pdf", content_type="application/pdf")
    response = client.post(staff_url(module, "alternative_edit", alternative.pk), {"title": "X", "pdf": bad})
    assert "Filen är ingen pdf-fil" in response.content.decode()
    for tampered in ("abc", "99999999999999999999", str(image.pk + 1000)):
        response = client.post(staff_url(module, "alternative_edit", alternative.pk), {"remove_image": tampered})
        assert response.status_code == 302 and alternative.images.get() == image
    client.post(staff_url(module, "alternative_edit", alternative.pk), {"remove_image": str(image.pk)})
    assert not alternative.images.exists()


def test_the_ballot_and_the_alternatives_are_locked_once_someone_has_voted(client, module, vote, ids, staff, resident):
    cast(vote, resident, [ids[0]])
    client.force_login(staff["officer"])
    response = client.post(staff_url(module, "settings"), {"question": vote.question, "ballot_type": "ranking",
                                                           "identity_level": 1})  # fmt: skip
    assert "Röstsedeln kan inte längre ändras" in response.content.decode()
    response = client.post(staff_url(module, "alternative_edit", ids[0]), {"remove": "1"})
    assert "Inget alternativ kan tas bort" in response.content.decode()
    assert Alternative.objects.filter(vote=vote).count() == 3 and Vote.objects.get().ballot_type == "single"


def test_roles(client, module, vote, staff):
    client.force_login(staff["elected_official"])
    assert client.get(staff_url(module, "results")).status_code == 200
    assert client.get(staff_url(module, "settings")).status_code == 403
    client.force_login(staff["moderator"])
    assert client.get(staff_url(module, "results")).status_code == 403


def desk_post(client, module, **fields):
    data = {"module": module.pk, "channel": "paper", "received_on": timezone.localdate().isoformat()}
    data.update({f"item-{name}": value for name, value in fields.items()})
    return client.post(desk_url(module), data)


def test_paper_ballots_at_the_desk_and_no_one_twice(client, module, vote, ids, staff, resident):
    client.force_login(staff["officer"])
    page = client.get(desk_url(module) + f"?module={module.pk}").content.decode()
    assert "Ljusets bro" in page and "Den röstandes namn" in page
    response = desk_post(client, module, choice=ids[1], voter_name="Anna Berg", voter_identifier="1950-02-03", age="75")
    assert response.status_code == 302
    ballot = Ballot.objects.get(channel="paper")
    assert ballot.choices == [ids[1]] and ballot.age_band == "65_79" and ballot.entered_by == staff["officer"]
    assert "Anna" not in ballot.voter_key  # hashed
    response = desk_post(client, module, choice=ids[0], voter_name="anna  berg", voter_identifier="1950-02-03")
    assert "Personen har redan röstat" in response.content.decode()
    cast(vote, resident, [ids[2]])
    response = desk_post(client, module, choice=ids[0], voter_email=resident.email.upper())
    assert "Personen har redan röstat" in response.content.decode()
    response = desk_post(client, module, choice=str(max(ids) + 50))
    assert "finns inte i den här omröstningen" in response.content.decode()
    assert Ballot.objects.count() == 2
    record = DeskRecord.objects.get()
    assert record.reference == ballot.reference
    close(module)
    response = desk_post(client, module, choice=ids[0])
    assert "Röstsedlar på papper kan inte längre registreras" in response.content.decode()
    assert Ballot.objects.count() == 2


def test_two_officers_entering_the_same_person_at_once_store_one_ballot_and_the_second_is_told(
    client, module, vote, ids, staff, monkeypatch
):
    """Both forms find no ballot for the person; the other officer's ballot is stored between the check and the
    save, as when both press "save" at the same instant."""
    from .. import desk

    real = desk.ballot_enter

    def other_officer_first(**kwargs):
        real(**kwargs)  # the other officer's, a moment earlier
        return real(**kwargs)

    monkeypatch.setattr(desk, "ballot_enter", other_officer_first)
    client.force_login(staff["officer"])
    response = desk_post(client, module, choice=ids[0], voter_name="Bo Ek", voter_identifier="1960-01-01")
    assert response.status_code == 200 and "Personen har redan röstat" in response.content.decode()
    assert DeskRecord.objects.count() == 0
