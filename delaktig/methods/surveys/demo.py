"""Demo content: a survey about the swimming baths in Hagfors with 300 responses, some of them from paper, and a
small invited sample with its response rate.

The responses are made in bulk (bulk_create), from a seeded random generator so every demo looks the same; each
one is checked by the survey's own rules first, as a real one would be.
"""

import datetime
import random

from django.utils import timezone

from .models import AboutYou, Answer, Invitation, Response
from .questions import answer_rows
from .services_builder import survey_from_template
from .structure import answers_check, structure_of
from .tokens import token_new

RESPONSES = 300
SMALL_RESPONSES = 40  # in the other demo municipalities, which show that they are kept apart
PAPER_SHARE = 0.1
SEED = 1974  # the year the baths were built

SURVEY = {
    "key": "demo",
    "title": "Vad tycker du om badhuset?",
    "intro": "Badhuset ska byggas om. Svara på några frågor om hur du använder det i dag och vad som är viktigast "
    "för dig. Det tar ungefär fem minuter, och du är anonym.",
    "access": "open",
    "about_you": True,
    "sections": [
        {
            "title": "Du och badhuset",
            "questions": [
                {
                    "kind": "single_choice",
                    "text": "Hur ofta går du till badhuset?",
                    "required": True,
                    "options": {
                        "choices": [
                            {"key": "vecka", "label": "Varje vecka"},
                            {"key": "manad", "label": "Någon gång i månaden"},
                            {"key": "sallan", "label": "Några gånger om året"},
                            {"key": "aldrig", "label": "Aldrig"},
                        ],
                        "other": False,
                        "other_label": "",
                    },
                },
                {
                    "kind": "multiple_choice",
                    "text": "Vad gör du i badhuset?",
                    "options": {
                        "choices": [
                            {"key": "motion", "label": "Simmar för motionens skull"},
                            {"key": "barn", "label": "Badar med barn"},
                            {"key": "klubb", "label": "Tränar i en klubb"},
                            {"key": "rehab", "label": "Rehabilitering"},
                            {"key": "bastu", "label": "Bastu"},
                        ],
                        "other": True,
                        "other_label": "Något annat",
                    },
                    "condition": {"question": "1.1", "value": "vecka"},
                },
                {
                    "kind": "long_text",
                    "text": "Vad skulle få dig att gå dit?",
                    "options": {},
                    "condition": {"question": "1.1", "value": "aldrig"},
                },
                {
                    "kind": "scale",
                    "text": "Hur nöjd är du med badhuset som det är i dag?",
                    "required": True,
                    "options": {"min": 1, "max": 5, "min_label": "Mycket missnöjd", "max_label": "Mycket nöjd"},
                },
            ],
        },
        {
            "title": "Det nya badhuset",
            "questions": [
                {
                    "kind": "matrix",
                    "text": "Hur viktigt är det här för dig?",
                    "help": "Svara på varje rad.",
                    "options": {
                        "min": 1,
                        "max": 5,
                        "min_label": "Inte viktigt",
                        "max_label": "Mycket viktigt",
                        "rows": [
                            {"key": "langbana", "label": "En 25-metersbassäng"},
                            {"key": "varm", "label": "En varm bassäng"},
                            {"key": "aventyr", "label": "Rutschkana och äventyrsbad"},
                            {"key": "tider", "label": "Öppet tidigt och sent"},
                            {"key": "tillganglig", "label": "Tillgängligt för alla"},
                        ],
                    },
                },
                {
                    "kind": "ranking",
                    "text": "Vad ska pengarna gå till först?",
                    "help": "Ge 1 till det viktigaste.",
                    "options": {
                        "items": [
                            {"key": "bassang", "label": "Bassängerna"},
                            {"key": "omkladning", "label": "Omklädningsrummen"},
                            {"key": "entre", "label": "Lägre entréavgift"},
                            {"key": "buss", "label": "Bussar till badet"},
                        ]
                    },
                },
                {"kind": "yes_no", "text": "Skulle du åka buss till badhuset om bussen gick oftare?", "options": {}},
                {"kind": "long_text", "text": "Har du något mer att säga om badhuset?", "options": {}},
            ],
        },
    ],
}

TEXTS = [
    "Behåll 25-metersbassängen, skolorna och simklubben behöver den.",
    "Öppna tidigare på morgonen så att man hinner simma före jobbet.",
    "En varm bassäng för oss äldre och för rehabilitering vore fint.",
    "Omklädningsrum där man kan byta om enskilt.",
    "Håll nere priset för barnfamiljer.",
    "Ramper och lyft ner i bassängen.",
    "Bastun är det bästa med badet, den får inte försvinna.",
    "Bättre bussar från Ekshärad och Sunnemo på helgerna.",
    "En rutschkana skulle locka ungdomar från hela Klarälvdalen.",
    "Mer personal vid bassängen när det är mycket barn.",
    "Simundervisning för vuxna som aldrig lärt sig.",
    "Ett café där man kan vänta medan barnen badar.",
]
WHY_NOT = [
    "Om det var billigare.",
    "Om bussen gick dit.",
    "Om det fanns en varm bassäng.",
    "Om det var öppet på kvällen.",
]
AGE_BANDS = ["18_29", "30_44", "30_44", "45_64", "45_64", "65_79", "65_79", "80_plus", ""]
GENDERS = ["woman", "woman", "man", "man", "other", "prefer_not_to_say", ""]


def populate(module, *, people, content=None):
    officer = people["handlaggare"]
    survey = survey_from_template(module=module, actor=officer, spec=SURVEY)
    structure = structure_of(survey)
    rng = random.Random(SEED)
    areas = list(survey.municipality.areas.values_list("pk", flat=True))
    full = content is None or survey.municipality.slug == content.MUNICIPALITIES[0]["slug"]
    made = [_response_values(structure, rng, areas) for _ in range(RESPONSES if full else SMALL_RESPONSES)]
    _store(survey, structure, made, officer, rng)
    _invited_sample(survey, rng)


def _pick(rng, choices, weights):
    return rng.choices(choices, weights=weights)[0]


def _response_values(structure, rng, areas):
    """One plausible set of answers, checked by the survey's rules (what does not apply is dropped)."""
    q = list(structure.questions.values())
    often = _pick(rng, ["vecka", "manad", "sallan", "aldrig"], [3, 3, 3, 1])
    answers = {
        str(q[0].pk): {"choice": often, "other": ""},
        str(q[1].pk): _uses(rng),
        str(q[2].pk): rng.choice(WHY_NOT),
        str(q[3].pk): _pick(rng, [1, 2, 3, 4, 5], [1, 3, 4, 3, 1]),
        str(q[4].pk): {
            "langbana": _pick(rng, [2, 3, 4, 5], [1, 2, 3, 4]),
            "varm": _pick(rng, [2, 3, 4, 5], [1, 2, 4, 3]),
            "aventyr": _pick(rng, [1, 2, 3, 4, 5], [2, 2, 3, 2, 1]),
            "tider": _pick(rng, [3, 4, 5], [2, 3, 3]),
            "tillganglig": _pick(rng, [3, 4, 5], [1, 3, 5]),
        },
        str(q[5].pk): dict(zip(["bassang", "omkladning", "entre", "buss"], _places(rng), strict=True)),
        str(q[6].pk): _pick(rng, ["yes", "no"], [3, 2]),
    }
    if rng.random() < 0.45:
        answers[str(q[7].pk)] = rng.choice(TEXTS)
    about = {"age_band": rng.choice(AGE_BANDS), "gender": rng.choice(GENDERS)}
    if areas and rng.random() < 0.8:
        about["area_id"] = rng.choice(areas)
    return answers_check(structure, answers), {key: value for key, value in about.items() if value}


def _uses(rng):
    chosen = rng.sample(["motion", "barn", "klubb", "rehab", "bastu"], k=rng.randint(1, 3))
    if rng.random() < 0.08:
        return {"choices": [*chosen, "other"], "other": "Vattengympa"}
    return {"choices": chosen, "other": ""}


def _places(rng):
    places = [1, 2, 3, 4]
    rng.shuffle(places)
    return places


def _store(survey, structure, made, officer, rng):
    """All responses in a few bulk inserts, spread over the days the dialogue has been open."""
    now = timezone.now()
    responses = []
    for _index in range(len(made)):
        when = now - datetime.timedelta(days=rng.uniform(0, 13), minutes=rng.randint(0, 600))
        paper = rng.random() < PAPER_SHARE
        responses.append(
            Response(
                survey=survey,
                channel="paper" if paper else "online",
                submitted_at=when,
                received_on=timezone.localdate(when) if paper else None,
                entered_by=officer if paper else None,
                group="Biblioteket" if paper else "",
            )
        )
    Response.objects.bulk_create(responses, batch_size=500)
    responses = list(Response.objects.filter(survey=survey).order_by("id"))  # with their ids on every database
    answers, about = [], []
    for response, (values, told) in zip(responses, made, strict=True):
        for key, value in values.items():
            question = structure.questions[int(key)]
            for row in answer_rows(question, value):
                answers.append(
                    Answer(
                        response=response,
                        survey=survey,
                        question=question,
                        channel=response.channel,
                        created_at=response.submitted_at,
                        **row,
                    )
                )
        if told:
            about.append(AboutYou(response=response, survey=survey, **told))
    Answer.objects.bulk_create(answers, batch_size=1000)
    AboutYou.objects.bulk_create(about, batch_size=1000)


def _invited_sample(survey, rng):
    """Forty people invited by letter, in four groups; a little more than half have used their link."""
    groups = ["18–29 år", "30–44 år", "45–64 år", "65 år eller äldre"]
    invitations = []
    for index in range(40):
        _token, hashed = token_new()
        invitations.append(
            Invitation(survey=survey, token_hash=hashed, stratum=groups[index % 4], answered=rng.random() < 0.55)
        )
    Invitation.objects.bulk_create(invitations)


# --- The participants' evaluation of closed demo dialogues ------------------------------------------------------


def evaluation_populate(dialogue, *, officer, invited=24, seed=7):
    """The participants' evaluation of a closed demo dialogue: made from the municipality's evaluation survey, its
    participants with an address invited (their e-mails go to the demo inbox), and `invited` more asked on paper at
    the library, of whom about two in three answered."""
    from .evaluation import evaluation_start, evaluation_survey_of, participant_recipients
    from .services_invitations import invitations_create

    if evaluation_survey_of(dialogue) is not None:
        return
    evaluation_start(dialogue, officer)
    survey = evaluation_survey_of(dialogue)
    invitations_create(survey=survey, recipients=participant_recipients(survey), actor=officer)
    invitations_create(survey=survey, recipients=[("", "Biblioteket")] * invited, actor=officer)
    rng = random.Random(seed + dialogue.pk)
    structure = structure_of(survey)
    waiting = list(Invitation.objects.filter(survey=survey, email="").order_by("id"))
    used = [invitation for invitation in waiting if rng.random() < 0.65]
    made = [(_evaluation_answers(structure, rng), {}) for _invitation in used]
    _store(survey, structure, made, officer, rng)
    Invitation.objects.filter(pk__in=[invitation.pk for invitation in used]).update(answered=True)


def _evaluation_answers(structure, rng):
    answers = {}
    for question in structure.questions.values():
        if question.kind == "scale":
            answers[str(question.pk)] = rng.choices([1, 2, 3, 4, 5], weights=[1, 2, 4, 6, 4])[0]
        elif question.kind == "yes_no":
            answers[str(question.pk)] = "yes" if rng.random() < 0.6 else "no"
        elif question.kind == "single_choice":
            keys = [choice["key"] for choice in question.options.get("choices", [])]
            answers[str(question.pk)] = {"choice": rng.choices(keys, weights=[6, 3, 1][: len(keys)])[0], "other": ""}
        elif question.kind == "long_text" and rng.random() < 0.3:
            answers[str(question.pk)] = rng.choice(EVALUATION_TEXTS)
    return answers_check(structure, answers)


EVALUATION_TEXTS = [
    "Fler möten på kvällstid, så att vi som jobbar kan komma.",
    "Bra att politikerna lyssnade. Berätta tydligare vad som händer sedan.",
    "Jag hade velat få ett mejl när beslutet var fattat.",
    "Skriv enklare. Alla förstår inte kommunens ord.",
]
