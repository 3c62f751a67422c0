"""Public and non-public data for the open-data tests, and small helpers to read the API."""

import csv
import io

from django.urls import reverse

from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.organisations.tests.factories import DecisionFactory
from delaktig.participation.models import Channel, ModerationStatus
from delaktig.participation.services import comment_create
from delaktig.proposals.models import Category, Status
from delaktig.proposals.tests.factories import (
    ProposalCaseFactory,
    ProposalFactory,
    SignatureFactory,
    collecting,
)
from delaktig.results.models import InputTag, Theme
from tests.dummy_method.factories import dummy_module, ref
from tests.dummy_method.services import dummy_input_create, dummy_input_enter


def build(municipality):
    """Dialogues in public and non-public states, input to the dummy method, results, feedback and proposals.
    Returns a dict."""
    municipality.contact_email = "dialog@kommun.example.se"
    municipality.save()
    data = {
        "initiative": dialogue_in_state(State.INITIATIVE, municipality=municipality),
        "planned": dialogue_in_state(State.PLANNED, municipality=municipality),
        "feedback": dialogue_in_state(State.FEEDBACK_PUBLISHED, municipality=municipality),
    }
    module = dummy_module(municipality=municipality, state=State.OPEN)
    data["open"], data["module"] = module.dialogue, module
    author = UserFactory(name="Ada Författare")
    data["input"] = dummy_input_create(module=module, author=author, title="Fler bänkar", text="Nära lekplatsen.")
    data["offline"] = dummy_input_enter(
        module=module, entered_by=UserFactory(), channel=Channel.PAPER, title="Belysning", text="Mer ljus."
    )
    hidden = dummy_input_create(module=module, author=author, title="Dold", text="Borttagen av moderator.")
    hidden.status = ModerationStatus.REJECTED
    hidden.save()
    data["hidden_input"] = hidden
    comment_create(target=data["input"], dialogue=module.dialogue, author=UserFactory(), text="Bra idé.")
    results_module = dummy_module(municipality=municipality, state=State.RESULTS_COMPILED, phase=None)
    data["results"] = results_module.dialogue
    tagged = dummy_input_enter(
        module=results_module, entered_by=UserFactory(), channel=Channel.MEETING, title="Lekplats", text="Ja."
    )
    theme = Theme.objects.create(dialogue=data["results"], name="Lek", order=1)
    Theme.objects.create(dialogue=data["results"], name="Natur", order=2)
    InputTag.objects.create(dialogue=data["results"], input_ref=ref(tagged), theme=theme)
    Theme.objects.create(dialogue=data["open"], name="Ej sammanställt")
    data["theme"] = theme
    data.update(proposals(municipality))
    return data


def proposals(municipality):
    category, _ = Category.objects.get_or_create(municipality=municipality, name="Lek och fritid")
    signing = collecting(ProposalFactory(municipality=municipality, category=category), threshold=3)
    SignatureFactory.create_batch(2, proposal=signing)
    SignatureFactory(proposal=signing, status="pending", confirmed_at=None)
    decided = ProposalFactory(
        municipality=municipality,
        status=Status.DECIDED,
        decision=DecisionFactory(
            municipality=municipality, body=None, date=None, minute_item="", text="Vi bygger lekplatsen."
        ),
        threshold=2,
    )
    ProposalCaseFactory(proposal=decided)
    submitted = ProposalFactory(municipality=municipality, status=Status.SUBMITTED)
    rejected = ProposalFactory(municipality=municipality, status=Status.REJECTED)
    return {"signing": signing, "decided": decided, "submitted": submitted, "rejected": rejected, "category": category}


def list_url(municipality, key, **query):
    url = reverse("opendata:dataset_list", args=[municipality.slug, key])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def detail_url(municipality, key, pk):
    return reverse("opendata:dataset_detail", args=[municipality.slug, key, str(pk)])


def csv_url(municipality, key):
    return reverse("opendata:dataset_csv", args=[municipality.slug, key])


def results_of(client, municipality, key, **query):
    response = client.get(list_url(municipality, key, page_size=500, **query))
    assert response.status_code == 200, response.content
    return response.json()["results"]


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
