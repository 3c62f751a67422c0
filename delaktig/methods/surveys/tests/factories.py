"""Surveys for tests: a module in a dialogue with a running phase, and a survey with one question of every type."""

import datetime

from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.participation.models import Module, Phase

from ..services_builder import survey_from_template
from ..structure import structure_of

CHOICES = {
    "choices": [{"key": "buss", "label": "Buss"}, {"key": "cykel", "label": "Cykel"}, {"key": "bil", "label": "Bil"}],
    "other": True,
    "other_label": "Annat",
}
SCALE = {"min": 1, "max": 5, "min_label": "Inte alls", "max_label": "Helt"}

# One question of every type; page 2 only when the yes/no question (1.3) is answered "yes".
ALL_KINDS = {
    "title": "Enkät om parken",
    "intro": "Tio frågor om parken.",
    "access": "open",
    "about_you": True,
    "sections": [
        {
            "title": "Om dig och parken",
            "questions": [
                {"kind": "single_choice", "text": "Hur tar du dig till parken?", "required": True, "options": CHOICES},
                {
                    "kind": "multiple_choice",
                    "text": "Vad gör du i parken?",
                    "options": {
                        "choices": [
                            {"key": "promenad", "label": "Promenerar"},
                            {"key": "lek", "label": "Leker"},
                            {"key": "grilla", "label": "Grillar"},
                        ],
                        "other": True,
                        "other_label": "Annat",
                    },
                },
                {"kind": "yes_no", "text": "Besöker du parken varje vecka?", "required": True, "options": {}},
                {
                    "kind": "long_text",
                    "text": "Varför inte?",
                    "options": {},
                    "condition": {"question": "1.3", "value": "no"},
                },
            ],
        },
        {
            "title": "Mer om parken",
            "condition": {"question": "1.3", "value": "yes"},
            "questions": [
                {"kind": "scale", "text": "Hur nöjd är du med parken?", "required": True, "options": SCALE},
                {
                    "kind": "matrix",
                    "text": "Hur nöjd är du med det här?",
                    "options": {
                        **SCALE,
                        "rows": [{"key": "belysning", "label": "Belysning"}, {"key": "banker", "label": "Bänkar"}],
                    },
                },
                {
                    "kind": "ranking",
                    "text": "Vad ska göras först?",
                    "options": {
                        "items": [
                            {"key": "lek", "label": "Lekplats"},
                            {"key": "toa", "label": "Toalett"},
                            {"key": "ljus", "label": "Belysning"},
                        ]
                    },
                },
                {"kind": "short_text", "text": "Vad heter din favoritplats?", "options": {}},
                {"kind": "number", "text": "Hur många gånger i månaden?", "options": {"min": "0", "max": "100"}},
                {"kind": "date", "text": "När var du där senast?", "options": {"min": "2020-01-01", "max": None}},
            ],
        },
    ],
}


def surveys_module(*, municipality, state=State.OPEN, phase="answering", **dialogue):
    """A dialogue in `state` with a survey module whose running phase is `phase` (None: none runs)."""
    dialogue = dialogue_in_state(state, municipality=municipality, **dialogue)
    module = Module.objects.create(dialogue=dialogue, method="surveys", name="Enkät")
    now = timezone.now()
    if phase is None:
        starts, ends = now - datetime.timedelta(days=20), now - datetime.timedelta(days=1)
    else:
        starts, ends = now - datetime.timedelta(days=1), now + datetime.timedelta(days=60)
    Phase.objects.create(module=module, phase_type=phase or "answering", name="Svar", starts_at=starts, ends_at=ends)
    return Module.objects.select_related("dialogue__municipality").get(pk=module.pk)


def survey_for(module, *, spec=ALL_KINDS, actor=None, **settings):
    """A survey in `module` from a template-shaped `spec` (settings override access, about_you …)."""
    survey = survey_from_template(module=module, actor=actor or UserFactory(), spec={**spec, **settings})
    survey.module = module
    return survey


def questions_by_text(survey):
    """{question text: question} and the structure."""
    structure = structure_of(survey)
    return {q.text: q for q in structure.questions.values()}, structure


def full_answers(survey):
    """A valid answer to every question (page 2 shown: the yes/no is "yes"), keyed by str(question id)."""
    by_text, _structure = questions_by_text(survey)
    return {
        str(by_text["Hur tar du dig till parken?"].pk): {"choice": "cykel", "other": ""},
        str(by_text["Vad gör du i parken?"].pk): {"choices": ["promenad", "other"], "other": "Läser"},
        str(by_text["Besöker du parken varje vecka?"].pk): "yes",
        str(by_text["Hur nöjd är du med parken?"].pk): 4,
        str(by_text["Hur nöjd är du med det här?"].pk): {"belysning": 2, "banker": 5},
        str(by_text["Vad ska göras först?"].pk): {"lek": 2, "toa": 1, "ljus": 3},
        str(by_text["Vad heter din favoritplats?"].pk): "Dammen",
        str(by_text["Hur många gånger i månaden?"].pk): "12.5",
        str(by_text["När var du där senast?"].pk): "2026-05-01",
    }
