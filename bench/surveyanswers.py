"""W7's survey: twenty questions of the common types on four pages, and how a respondent answers them.

One generator (seeded random) makes the answers of the 50,000 stored responses and of the load client's
respondents, so both look alike. No Django here: the load client imports it. Values have the shapes of
delaktig/methods/surveys/questions.py; `form_fields` turns one into what a browser posts.
"""

import datetime
import random

MARKER_QUESTION = (2, 5)  # section, place: the short text that carries a load respondent's marker

SCALE5 = {"min": 1, "max": 5, "min_label": "Mycket dåligt", "max_label": "Mycket bra"}
IMPORTANT = {"min": 1, "max": 5, "min_label": "Inte viktigt", "max_label": "Mycket viktigt"}


def _choices(*pairs, other=""):
    return {
        "choices": [{"key": key, "label": label} for key, label in pairs],
        "other": bool(other),
        "other_label": other,
    }


def _question(kind, text, options=None, *, required=False, weights=None, share=0.92):
    """A question as a survey template holds it; `weights` and `share` (how many answer it) only steer the
    generator (the builder reads neither)."""
    return {"kind": kind, "text": text, "required": required, "options": options or {}, "weights": weights,
            "share": share}  # fmt: skip


SPEC = {
    "key": "bench-w7",
    "title": "Vad tycker du om Stadsparken?",
    "intro": "Stadsparken ska rustas upp. Svara på tjugo frågor om hur du använder parken och vad som är viktigast.",
    "access": "open",
    "about_you": True,
    "sections": [
        {
            "title": "Du och parken",
            "questions": [
                _question(
                    "single_choice",
                    "Hur ofta är du i parken?",
                    _choices(
                        ("vecka", "Varje vecka"),
                        ("manad", "Varje månad"),
                        ("sallan", "Några gånger om året"),
                        ("aldrig", "Aldrig"),
                    ),
                    required=True,
                    weights=[4, 3, 3, 1],
                ),
                _question(
                    "multiple_choice",
                    "Vad gör du i parken?",
                    _choices(
                        ("promenad", "Promenerar"),
                        ("lek", "Leker med barn"),
                        ("motion", "Tränar"),
                        ("grill", "Grillar"),
                        ("lasa", "Läser eller vilar"),
                        other="Något annat",
                    ),
                    weights=[6, 4, 3, 2, 3, 1],
                ),
                _question("yes_no", "Känner du dig trygg i parken på kvällen?", weights=[3, 2]),
                _question("scale", "Hur nöjd är du med parken i dag?", SCALE5, required=True, weights=[1, 3, 5, 4, 2]),
                _question("number", "Hur många gånger i månaden är du där?", {"min": "0", "max": "100"}),
            ],
        },
        {
            "title": "Parken i dag",
            "questions": [
                _question(
                    "matrix",
                    "Hur nöjd är du med det här?",
                    {
                        **SCALE5,
                        "rows": [
                            {"key": key, "label": label}
                            for key, label in (
                                ("belysning", "Belysning"),
                                ("banker", "Bänkar"),
                                ("lekplats", "Lekplatsen"),
                                ("toaletter", "Toaletter"),
                                ("stadning", "Städning"),
                            )
                        ],
                    },
                    weights=[1, 2, 4, 4, 2],
                ),
                _question(
                    "single_choice",
                    "Hur tar du dig till parken?",
                    _choices(
                        ("ga", "Går"), ("cykel", "Cyklar"), ("buss", "Åker buss"), ("bil", "Åker bil"), other="Annat"
                    ),
                    weights=[6, 4, 2, 2, 1],
                ),
                _question(
                    "scale",
                    "Hur troligt är det att du rekommenderar parken?",
                    {"min": 0, "max": 10, "min_label": "Inte alls", "max_label": "Mycket"},
                    weights=[1, 1, 1, 2, 2, 4, 5, 7, 8, 5, 4],
                ),
                _question("yes_no", "Har du varit i parken den senaste veckan?", weights=[1, 1]),
                _question("short_text", "Vilken är din favoritplats i parken?", share=0.6),
            ],
        },
        {
            "title": "Den nya parken",
            "questions": [
                _question(
                    "ranking",
                    "Vad ska göras först?",
                    {
                        "items": [
                            {"key": key, "label": label}
                            for key, label in (
                                ("ljus", "Mer belysning"),
                                ("lek", "En större lekplats"),
                                ("toa", "Toaletter"),
                                ("scen", "En scen för evenemang"),
                            )
                        ]
                    },
                ),
                _question(
                    "multiple_choice",
                    "Vad saknar du i parken?",
                    _choices(
                        ("grillplats", "Grillplatser"),
                        ("utegym", "Utegym"),
                        ("cafe", "Kafé"),
                        ("hundrastgard", "Hundrastgård"),
                        ("vatten", "Dricksvatten"),
                    ),
                    weights=[3, 3, 4, 2, 3],
                ),
                _question(
                    "matrix",
                    "Hur viktigt är det här för dig?",
                    {
                        **IMPORTANT,
                        "rows": [
                            {"key": key, "label": label}
                            for key, label in (
                                ("tillganglig", "Tillgängligt för alla"),
                                ("natur", "Mer natur"),
                                ("aktivitet", "Aktiviteter"),
                            )
                        ],
                    },
                    weights=[1, 1, 2, 4, 5],
                ),
                _question("long_text", "Vad ska vi tänka på när parken byggs om?", share=0.35),
                _question("date", "När var du i parken senast?", {"min": "2020-01-01", "max": None}, share=0.7),
            ],
        },
        {
            "title": "Till sist",
            "questions": [
                _question(
                    "single_choice",
                    "Hur fick du veta om enkäten?",
                    _choices(
                        ("webb", "Kommunens webbplats"),
                        ("tidning", "Lokaltidningen"),
                        ("skylt", "En skylt i parken"),
                        ("van", "En vän"),
                        other="På annat sätt",
                    ),
                    weights=[4, 2, 3, 2, 1],
                ),
                _question("yes_no", "Vill du vara med i fler dialoger om parken?", weights=[2, 3]),
                _question("scale", "Hur mycket litar du på att kommunen lyssnar?", SCALE5, weights=[2, 3, 4, 2, 1]),
                _question("number", "Hur många bor i ditt hushåll?", {"min": "1", "max": "20"}),
                _question("long_text", "Är det något mer du vill säga?", share=0.2),
            ],
        },
    ],
}

PLACES = ["Dammen", "Rosenträdgården", "Lekplatsen", "Stora gräsmattan", "Bänken vid ån", "Eken", "Scenen"]
TEXTS = [
    "Mer belysning längs gångvägarna, det är mörkt på vintern.",
    "Behåll de stora träden och låt en del gräs växa fritt.",
    "Toaletter som är öppna hela året vore bra för barnfamiljer.",
    "Fler bänkar i skuggan nära lekplatsen, för oss äldre.",
    "En grillplats där man kan träffas på sommarkvällarna.",
    "Tänk på att det ska gå att komma fram med rullstol och barnvagn.",
    "Ett litet kafé skulle göra parken levande.",
    "Mindre buskar vid ingångarna så att man ser vem som kommer.",
]
OTHERS = ["Fotograferar", "Spelar boule", "Vattengympa", "Matar fåglarna"]
AGE_BANDS = ["", "under_18", "18_29", "30_44", "30_44", "45_64", "45_64", "65_79", "65_79", "80_plus"]
GENDERS = ["", "woman", "woman", "man", "man", "other", "prefer_not_to_say"]


def questions(spec=SPEC):
    """[(page, question spec)] in the survey's order; page 1 for the first section."""
    return [(page, question) for page, section in enumerate(spec["sections"], 1) for question in section["questions"]]


def keys(question):
    options = question["options"]
    listed = [entry["key"] for entry in options.get("choices", [])]
    return [*listed, "other"] if options.get("other") else listed


def _weighted(rng, values, weights):
    return rng.choices(values, weights=weights)[0] if weights else rng.choice(values)


def _scale(rng, question, shift=0):
    low, high = question["options"].get("min", 1), question["options"].get("max", 5)
    steps = list(range(low, high + 1))
    weights = question["weights"]
    if weights and shift:
        weights = weights[shift:] + weights[:shift]
    return _weighted(rng, steps, weights)


def _choice(rng, question):
    key = _weighted(rng, keys(question), question["weights"])
    return {"choice": key, "other": rng.choice(OTHERS) if key == "other" else ""}


def _multiple(rng, question):
    offered = keys(question)
    weights = question["weights"] or [1] * len(offered)
    chosen = []
    for _pick in range(rng.randint(1, 3)):
        key = _weighted(rng, offered, weights)
        if key not in chosen:
            chosen.append(key)
    return {"choices": chosen, "other": rng.choice(OTHERS) if "other" in chosen else ""}


def _number(rng, question):
    high = int(question["options"].get("max") or 100)
    return str(min(high, int(rng.expovariate(1 / 4)) + (1 if question["options"].get("min") == "1" else 0)))


def value(question, rng, *, today, marker=""):
    """One answer to `question` (None: left unanswered); `marker` makes a short text unique."""
    kind = question["kind"]
    if kind == "single_choice":
        return _choice(rng, question)
    if kind == "multiple_choice":
        return _multiple(rng, question)
    if kind == "yes_no":
        return _weighted(rng, ["yes", "no"], question["weights"])
    if kind == "scale":
        return _scale(rng, question)
    if kind == "matrix":
        rows = question["options"]["rows"]
        return {row["key"]: _scale(rng, question, shift=index % 2) for index, row in enumerate(rows)}
    if kind == "ranking":
        places = list(range(1, len(question["options"]["items"]) + 1))
        rng.shuffle(places)
        return {item["key"]: place for item, place in zip(question["options"]["items"], places, strict=True)}
    if kind == "short_text":
        return f"{rng.choice(PLACES)} {marker}".strip()
    if kind == "long_text":
        return rng.choice(TEXTS) + (f" ({marker})" if marker else "")
    if kind == "number":
        return _number(rng, question)
    return (today - datetime.timedelta(days=int(rng.expovariate(1 / 30)) % 700)).isoformat()


def response(rng, *, today, marker="", everything=False):
    """[answer or None] for the questions in order: a respondent of the stored survey skips what is optional now
    and then; with `everything` (the load client) every question is answered."""
    found = []
    for _page, question in questions():
        skipped = not everything and not question["required"] and rng.random() > question["share"]
        found.append(None if skipped else value(question, rng, today=today, marker=marker))
    return found


def about(rng, areas):
    """The "about you" answers: {age_band, gender, area}, only what is told."""
    told = {"age_band": rng.choice(AGE_BANDS), "gender": rng.choice(GENDERS)}
    if areas and rng.random() < 0.8:
        told["area"] = rng.choice(areas)
    return {key: found for key, found in told.items() if found}


def rows_expected(question, answer):
    """How many Answer rows the answer is stored as (questions.answer_rows)."""
    if answer is None:
        return 0
    kind = question["kind"]
    if kind == "multiple_choice":
        return len(answer["choices"])
    if kind in ("matrix", "ranking"):
        return len(answer)
    return 1


def form_fields(pk, question, answer):
    """[(name, value)] a browser posts for one question (forms_answer.AnswerForm's field names)."""
    name, kind = f"q{pk}", question["kind"]
    if answer is None:
        return []
    if kind == "single_choice":
        return [(name, answer["choice"]), (f"{name}_other", answer["other"])]
    if kind == "multiple_choice":
        return [*((name, key) for key in answer["choices"]), (f"{name}_other", answer["other"])]
    if kind in ("matrix", "ranking"):
        return [(f"{name}_{key}", str(point)) for key, point in answer.items()]
    return [(name, str(answer))]


def generator(seed):
    return random.Random(seed)
