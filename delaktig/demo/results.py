"""Demo data for results: areas, input with voluntary answers, themes (from the suggestions), tags and quotes.

Closed dialogues (closed and later) get a dozen inputs from a dialogue meeting, with age band, gender and area for
most of them; the suggested themes are accepted and one quote per theme is marked. Safe to run twice.
"""

import datetime
from pathlib import Path

from django.utils import timezone

from delaktig.dialogues.models import State
from delaktig.organisations.models import Area
from delaktig.organisations.services_areas import area_shapes_import
from delaktig.participation.models import Channel
from delaktig.participation.registry import registry
from delaktig.results import selectors, services
from delaktig.results.models import CompiledResults, Theme

# Areas with a rounded number of residents (demo figures), so results compare inputs with where people live.
AREA_SHAPES = Path(__file__).parent / "data" / "hagfors-omraden.geojson"  # illustrative, not the real boundaries
AREAS = [("Centrala Hagfors", 5400), ("Ekshärad", 2400), ("Uddeholm", 1100), ("Råda", 1900), ("Sunnemo", 900)]
CLOSED = [State.CLOSED, State.RESULTS_COMPILED, State.MATTER_DECIDED, State.FEEDBACK_PUBLISHED, State.EVALUATED]
# (title, text, "age band/gender/area index"; "-" for an area not told)
MEETING_INPUTS = [
    (
        "Mörkt vid busshållplatsen",
        "Mörkt vid hållplatsen på kvällen. Mer belysning gör att fler vågar vänta.",
        "45_64/woman/0",
    ),
    (
        "Belysning i parken",
        "Belysning längs gångvägen i parken, så att den känns trygg.",
        "45_64/woman/0",
    ),
    ("Trygg väg hem", "Gångvägen hem från centrum är mörk. Fler lampor och buskar som klipps ner.", "45_64/woman/0"),
    ("Lampor vid skolan", "Belysningen vid skolan är trasig. Barnen går i mörker på morgonen.", "30_44/man/1"),
    (
        "Belysning vid idrottsplatsen",
        "Mer belysning vid idrottsplatsen, mörkt när träningen slutar.",
        "18_29/man/0",
    ),
    ("Träd och blommor", "Plantera fler träd och blommor i centrum. Grönska gör att man vill stanna.", "65_79/woman/0"),
    ("Grönt torg", "Torget är grått. Träd, blommor och gräsytor skulle göra det trivsamt.", "65_79/woman/2"),
    ("Odla tillsammans", "Odlingslådor där grannar kan odla blommor och grönsaker tillsammans.", "65_79/man/0"),
    ("Plats för unga", "Unga behöver en plats att träffas på kvällen, med tak och sittplatser.", "under_18/other/0"),
    ("Fritidsgård", "Fritidsgården borde ha öppet längre så att unga har en plats att träffas.", "under_18/woman/3"),
    ("Cykelbana till skolan", "Det saknas en cykelbana till skolan. Barnen cyklar bland bilarna.", "45_64/woman/1"),
    (
        "Farlig korsning",
        "Bilarna kör fort i korsningen vid affären. Farthinder behövs.",
        "45_64/prefer_not_to_say/-",
    ),
]


def load(muni, bodies, people):
    """Idempotent: called once per demo municipality, after its dialogues and proposals exist."""
    areas = areas_load(muni)
    officer = people["handlaggare"]
    for dialogue in muni.dialogues.filter(state__in=CLOSED).order_by("pk"):
        if Theme.objects.filter(dialogue=dialogue).exists():
            continue
        module = dialogue.modules.filter(method="open_input").first()
        if module is None or registry.get("open_input") is None:
            continue
        _meeting_inputs(module, officer, areas)
        _meeting_people(dialogue)
        _themes_from_suggestions(dialogue, officer)


def areas_load(muni):
    """Hagfors' areas with their population and (illustrative) shapes; idempotent."""
    for order, (name, population) in enumerate(AREAS, start=1):
        Area.objects.get_or_create(municipality=muni, name=name, defaults={"order": order, "population": population})
    if not Area.objects.filter(municipality=muni).exclude(geometry=None).exists():
        area_shapes_import(municipality=muni, text=AREA_SHAPES.read_text(encoding="utf-8"), name_property="name",
                           actor=None)  # fmt: skip
    return list(Area.objects.filter(municipality=muni).order_by("order"))


def _meeting_inputs(module, officer, areas):
    from delaktig.methods.open_input.services import input_enter_offline

    received = (module.dialogue.closed_at or timezone.now()).date() - datetime.timedelta(days=7)
    for title, text, about in MEETING_INPUTS:
        age_band, gender, area = about.split("/")
        input_enter_offline(
            module=module,
            entered_by=officer,
            channel=Channel.MEETING,
            title=title,
            text=text,
            received_on=received,
            age_band=age_band,
            gender=gender,
            area=areas[int(area)] if area != "-" else None,
        )


def _meeting_people(dialogue):
    """Staff count the people at the meeting: here, the different people the meeting's inputs came from."""
    people = len({about for _title, _text, about in MEETING_INPUTS})
    CompiledResults.objects.update_or_create(dialogue=dialogue, defaults={"offline_participant_count": people})


def _themes_from_suggestions(dialogue, officer):
    run = services.suggestion_run_start(dialogue=dialogue, actor=officer)
    for index, _suggestion in enumerate(run.suggestions):
        try:
            services.suggestion_accept(run=run, index=index, actor=officer)
        except services.ResultsError:  # two suggestions with the same label: keep the first
            services.suggestion_dismiss(run=run, index=index, actor=officer)
        run.refresh_from_db()
    _quotes(dialogue, officer)


def _quotes(dialogue, officer):
    records = {r.ref: r for r in selectors.dialogue_inputs(dialogue)}
    for theme in selectors.themes_for(dialogue):
        ref = theme.tags.order_by("id").values_list("input_ref", flat=True).first()
        record = records.get(ref)
        if record is not None:
            sentence = record.text.split(". ")[0].rstrip(".") + "."
            services.quote_create(dialogue=dialogue, actor=officer, record=record, text=sentence, theme=theme)
