"""Demo follow-up: measures with updates on the dialogues past the decision, and a feedback mailing that is done."""

import datetime

from django.utils import timezone

from delaktig.dialogues.models import Dialogue, State
from delaktig.dialogues.services import follower_add
from delaktig.followup import selectors, workflow
from delaktig.followup.models import Measure, MeasureUpdate
from delaktig.followup.selectors import feedback_mailing_for, theme_queryset
from delaktig.followup.services import (
    feedback_mailing_create,
    measure_create,
    measure_edit,
    measure_update_create,
    measures_from_results_create,
)
from delaktig.mailings.services import mailing_send
from delaktig.results.selectors import dialogue_inputs

# dialogue title -> [(title, description, steps to take, progress, start/due in days from today, updates)]
MEASURES = {
    "Torget – framtidens mötesplats": [
        (
            "Ny scen på torget",
            "En liten scen vid södra kanten, med el för konserter och marknader.",
            ["start"],
            30,
            (-60, 240),
            [(-50, "Ritningarna är klara och har visats för ungdomsrådet.", 15), (-10, "Upphandlingen är klar.", 30)],
        ),
        (
            "Träd och fler sittplatser",
            "Tolv nya träd och fyrtio sittplatser, varav hälften med ryggstöd och armstöd.",
            [],
            0,
            (60, 420),
            [],
        ),
    ],
    "Medborgarbudget för unga 2026": [
        (
            "Pumptrack vid sporthallen",
            "En asfalterad bana för cykel, sparkcykel och skateboard.",
            ["start", "complete"],
            100,
            (-180, -30),
            [(-150, "Marken är förberedd.", 30), (-60, "Banan är asfalterad.", 80), (-30, "Banan är invigd!", 100)],
        ),
        (
            "Längre öppettider på fritidsgården",
            "Öppet till kl. 22 på fredagar under ett år, sedan utvärderar vi.",
            ["start"],
            50,
            (-120, 245),
            [(-120, "Fritidsgården har öppet till kl. 22 på fredagar.", 50)],
        ),
        (
            "Gratis gymkort för 16-åringar",
            "Ett gymkort per 16-åring under 2026.",
            [("cancel", "Gymmet lade ner sin verksamhet. Pengarna går i stället till fritidsgårdens utflykter.")],
            0,
            (-150, 0),
            [],
        ),
    ],
    "Säkra skolvägar 2025": [
        (
            "Övergångsställen vid fyra platser",
            "Upphöjda övergångsställen med belysning vid Älvstranden och tre andra platser.",
            ["start", "complete"],
            100,
            (-330, -90),
            [(-300, "Två av fyra övergångsställen är klara.", 50), (-90, "Alla fyra är klara.", 100)],
        ),
    ],
}


def load(muni, bodies, people):
    """Idempotent: called once per demo municipality, after its dialogues and proposals exist."""
    officer = people["handlaggare"]
    for title, measures in MEASURES.items():
        dialogue = Dialogue.objects.filter(municipality=muni, title=title).first()
        if dialogue is None:
            continue
        if selectors.measures_are_public(dialogue):  # a participatory budget's winners, made from its result
            measures_from_results_create(dialogue=dialogue, actor=officer)
        for index, spec in enumerate(measures):
            _measure(dialogue, spec, index, officer, bodies)
        if dialogue.state in (State.FEEDBACK_PUBLISHED, State.EVALUATED):
            for local in ("invanare", "invanare2"):
                follower_add(dialogue=dialogue, user=people[local])
            _feedback_mailing(dialogue, officer)


def _measure(dialogue, spec, index, officer, bodies):
    title, description, steps, progress, (start, due), updates = spec
    measure = Measure.objects.filter(dialogue=dialogue, title=title).first()
    if measure is not None and measure.updates.exists():
        return
    today = timezone.localdate()
    themes = list(theme_queryset(dialogue)[index : index + 1])
    fields = {
        "starts_on": today + datetime.timedelta(days=start),
        "due_on": today + datetime.timedelta(days=due),
        "responsible_body": (dialogue.decision_in_matter and dialogue.decision_in_matter.body) or bodies.get("KS"),
        "responsible_department": dialogue.department,
    }
    if measure is not None:  # made from the result (a winning project): its dates and who is responsible
        measure = measure_edit(measure=measure, actor=officer, fields=fields, themes=themes)
    else:
        refs = [record.ref for record in dialogue_inputs(dialogue)[index * 2 : index * 2 + 2]]
        fields = {"title": title, "description": description, **fields, "input_refs": refs}
        measure = measure_create(dialogue=dialogue, actor=officer, fields=fields, themes=themes)
    steps = [step if isinstance(step, tuple) else (step, "") for step in steps]
    if steps[:1] == [("start", "")]:
        _step(measure, "start", "", today + datetime.timedelta(days=start), officer)
    for days, text, reached in updates:
        measure_update_create(
            measure=measure, actor=officer, date=today + datetime.timedelta(days=days), text=text, progress=reached
        )
    for name, note in steps:
        if name != "start":
            days = due if name == "complete" else start + 10
            _step(measure, name, note, today + datetime.timedelta(days=days), officer)
    Measure.objects.filter(pk=measure.pk).update(progress=progress)


def _step(measure, name, note, day, officer):
    """Take the step, dated as if it was taken on `day`."""
    workflow.transition(measure, name, actor=officer, note=note)
    MeasureUpdate.objects.filter(pk=measure.updates.latest("id").pk).update(date=day)
    if name == "complete":
        Measure.objects.filter(pk=measure.pk).update(done_on=day)


def _feedback_mailing(dialogue, officer):
    """The feedback went out when it was published: marked sent without mailing the demo's made-up addresses."""
    mailing = feedback_mailing_for(dialogue) or feedback_mailing_create(dialogue=dialogue, actor=officer)
    mailing_send(mailing_id=mailing.pk, send=lambda mailing, recipient: None)
