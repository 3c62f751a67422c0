"""Every figure on the demo's public pages is what a query of the stored data gives; none is typed into a text."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from delaktig.dialogues.models import Dialogue
from delaktig.followup.models import Outcome
from delaktig.methods.open_input.models import Input, Support
from delaktig.participation.models import Channel, Comment, ModerationStatus
from delaktig.participation.registry import registry
from delaktig.results.models import CompiledResults

from .site import demo_site  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db
# A number next to people or inputs in a text staff wrote is a figure typed by hand.
TYPED_FIGURE = re.compile(
    r"\b\d[\d\s]*\s+(personer|deltagare|synpunkter|svar|röster|idéer|förslag|som röstade)|alla\s+\d", re.I
)
TEXTS = ("question", "background", "purpose")  # the dialogue's; results and followup keep the later ones


@pytest.fixture
def demo(demo_site):  # noqa: F811 (the fixture imported above)
    """Both demo municipalities, loaded once for the module (demo_site)."""
    return [demo_site.home, demo_site.other]


def shown(html):
    """{name: number} of the figures a page marks with data-figure."""
    return {name: int(value.replace("\u00a0", "")) for name, value in re.findall(r'data-figure="(\w+)">([^<]+)<', html)}


def other_methods(dialogue):
    """(inputs, online inputs, participant ids) of the dialogue's modules of methods other than open input."""
    records, people = [], set()
    for module in dialogue.modules.exclude(method="open_input"):
        manifest = registry.get(module.method)
        records += list(manifest.inputs(module)) if manifest and manifest.inputs else []
        people |= set(manifest.participant_ids(module)) if manifest else set()
    return len(records), sum(record.channel == Channel.ONLINE for record in records), people


def stored(dialogue):
    """The same figures, queried from the stored inputs, comments and supports and the offline count (other methods'
    inputs and participants as their manifests give them)."""
    inputs = Input.objects.filter(module__dialogue=dialogue).exclude(status=ModerationStatus.REJECTED)
    others, others_online, others_people = other_methods(dialogue)
    total = inputs.count() + others
    online = inputs.filter(channel=Channel.ONLINE).count() + others_online
    all_inputs = Input.objects.filter(module__dialogue=dialogue)
    comments = Comment.objects.filter(
        target_type=ContentType.objects.get_for_model(Input), target_id__in=all_inputs.values("pk")
    )
    people = set(all_inputs.exclude(author=None).values_list("author_id", flat=True))
    people |= set(comments.exclude(author=None).values_list("author_id", flat=True))
    people |= set(Support.objects.filter(input__in=all_inputs).values_list("user_id", flat=True))
    people |= others_people
    figures = {"people_online": len(people), "inputs": total}
    if total != online:
        figures.update(inputs_online=online, inputs_offline=total - online)
    counted = CompiledResults.of(dialogue).offline_participant_count
    if counted is not None:
        figures.update(people_offline=counted)
        figures.update(people=len(people) + counted)
    return figures


def test_every_figure_on_a_dialogue_page_is_counted_from_the_data(client, demo):
    checked = 0
    for municipality in demo:
        for dialogue in Dialogue.objects.for_municipality(municipality).public():
            html = client.get(dialogue.get_absolute_url()).content.decode()
            figures = shown(html)
            if 'id="afterwards"' not in html:
                assert figures == {}, dialogue.title
                continue
            assert figures == stored(dialogue), dialogue.title
            checked += 1
    assert checked >= 5  # the finished dialogues of both municipalities


def test_the_figures_agree_with_each_other(client, demo):
    for municipality in demo:
        for dialogue in Dialogue.objects.for_municipality(municipality).public():
            figures = shown(client.get(dialogue.get_absolute_url()).content.decode())
            if "people" in figures:
                assert figures["people"] == figures["people_online"] + figures["people_offline"]
                assert figures["people_offline"] <= figures["inputs_offline"]  # each came with at least one input
            if "inputs_offline" in figures:
                assert figures["inputs"] == figures["inputs_online"] + figures["inputs_offline"]


def test_the_published_inputs_and_the_counts_of_lists_are_counted(client, demo):
    for municipality in demo:
        listing = client.get(reverse("dialogues:list", args=[municipality.slug])).content.decode()
        public = Dialogue.objects.for_municipality(municipality).public().count()
        assert re.search(rf'id="result-count">{public} dialoger hittades<', listing), municipality.slug
        for dialogue in Dialogue.objects.for_municipality(municipality).public():
            html = client.get(dialogue.get_absolute_url()).content.decode()
            for module in dialogue.modules.filter(method="open_input"):
                published = Input.objects.filter(module=module).published().count()
                assert f"<dt>Publicerade synpunkter</dt><dd>{published}</dd>" in html, dialogue.title
                index = client.get(reverse("open_input:index", args=[municipality.slug, dialogue.pk, module.pk]))
                found = re.search(r'id="result-count">(\d+) synpunkt', index.content.decode())
                assert found and int(found.group(1)) == published, dialogue.title


def test_no_text_of_the_demo_carries_a_typed_figure(demo):
    for dialogue in Dialogue.objects.filter(municipality__in=demo):
        matter = dialogue.decision_in_matter
        outcome = Outcome.of(dialogue)
        texts = {field: getattr(dialogue, field) for field in TEXTS} | {
            "results_summary": CompiledResults.of(dialogue).summary,
            "input_influence": outcome.input_influence,
            "feedback": outcome.feedback,
            "matter_decision": matter.text if matter else "",
        }
        for field, text in texts.items():
            assert not TYPED_FIGURE.search(text), (dialogue.title, field, text)


def test_the_demo_areas_have_their_illustrative_shapes(demo):
    from delaktig.organisations.models import Area

    areas = Area.objects.filter(municipality=demo[0])  # Hagfors: the municipality with areas
    assert areas.count() == 5 and not areas.filter(geometry=None).exists()
    assert {area.geometry["type"] for area in areas} == {"Polygon"}
