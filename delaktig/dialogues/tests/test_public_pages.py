import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from delaktig.core.audit import audit_record
from delaktig.dialogues import workflow
from delaktig.dialogues.models import PUBLIC_STATES, Kind, State
from delaktig.dialogues.tests.factories import decision_change, dialogue_in_state, keep
from delaktig.followup.models import Outcome
from delaktig.participation.models import Module, Phase
from delaktig.participation.registry import MethodManifest, registry
from delaktig.results.models import CompiledResults

NOT_PUBLIC = sorted(set(State.values) - PUBLIC_STATES)


def list_url(municipality, **params):
    from urllib.parse import urlencode

    url = reverse("dialogues:list", args=[municipality.slug])
    return f"{url}?{urlencode(params)}" if params else url


def detail_url(dialogue):
    return dialogue.get_absolute_url()


@pytest.fixture
def open_dialogue(municipality):
    return dialogue_in_state(State.OPEN, municipality=municipality, title="Parken i centrum")


# --- The list ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_list_shows_public_dialogues_only(client, municipality):
    for state in State.values:
        dialogue_in_state(state, municipality=municipality, title=f"Dialog {state}")
    html = client.get(list_url(municipality)).content.decode()
    for state in State.values:
        assert (f"Dialog {state}<" in html) == (state in PUBLIC_STATES), state


@pytest.mark.django_db
def test_list_labels_information_activities(client, municipality):
    dialogue_in_state(State.OPEN, municipality=municipality, kind=Kind.INFORMATION, title="Ny skola")
    response = client.get(list_url(municipality))
    assert response.status_code == 200
    assert "Ny skola" in response.content.decode()
    assert 'class="tag tag--muted"' in response.content.decode()


@pytest.mark.django_db
def test_list_does_not_show_other_municipalities(client, municipality, other_municipality):
    dialogue_in_state(State.OPEN, municipality=other_municipality, title="Grannens dialog")
    assert "Grannens dialog" not in client.get(list_url(municipality)).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("group", "shown", "hidden"),
    [
        ("open", State.OPEN, State.PLANNED),
        ("coming", State.PLANNED, State.OPEN),
        ("finished", State.FEEDBACK_PUBLISHED, State.OPEN),
    ],
)
def test_list_filters_on_state_group(client, municipality, group, shown, hidden):
    dialogue_in_state(shown, municipality=municipality, title="Syns")
    dialogue_in_state(hidden, municipality=municipality, title="Gömd")
    html = client.get(list_url(municipality, state=group)).content.decode()
    assert "Syns" in html
    assert "Gömd" not in html


@pytest.mark.django_db
def test_list_filters_on_body_ladder_year_and_search(client, municipality):
    committee = municipality.bodies.get(name="Kultur- och fritidsnämnden")
    a = dialogue_in_state(State.OPEN, municipality=municipality, title="Biblioteket", proposed_by=committee)
    b = dialogue_in_state(State.OPEN, municipality=municipality, title="Badhuset")
    b.ladder_level = "consultation"
    b.starts_on = datetime.date(2024, 3, 1)
    b.save()

    def titles(**params):
        html = client.get(list_url(municipality, **params)).content.decode()
        return {t for t in ("Biblioteket", "Badhuset") if f">{t}<" in html}

    assert titles(body=committee.pk) == {"Biblioteket"}
    assert titles(ladder_level="consultation") == {"Badhuset"}
    assert titles(year=2024) == {"Badhuset"}
    assert titles(year=a.starts_on.year) == {"Biblioteket"}
    assert titles(q="bibliotek") == {"Biblioteket"}
    assert titles(q="ingenting sånt") == set()


@pytest.mark.django_db
def test_list_search_and_filters_shows_empty_state_with_advice(client, municipality, open_dialogue):
    response = client.get(list_url(municipality, q="finns inte"))
    assert response.context["page"].paginator.count == 0
    assert reverse("dialogues:list", args=[municipality.slug]) in response.content.decode()


@pytest.mark.django_db
def test_list_sorts_closing_soon_first(client, municipality):
    today = timezone.localdate()
    late = dialogue_in_state(State.OPEN, municipality=municipality, title="Sent")
    soon = dialogue_in_state(State.OPEN, municipality=municipality, title="Snart")
    late.ends_on, soon.ends_on = today + datetime.timedelta(days=60), today + datetime.timedelta(days=2)
    late.save()
    soon.save()
    page = client.get(list_url(municipality, sort="closing")).context["page"]
    assert [d.title for d in page.object_list] == ["Snart", "Sent"]


@pytest.mark.django_db
def test_list_paginates_ten_per_page_and_keeps_filters(client, municipality):
    for n in range(23):
        dialogue_in_state(State.OPEN, municipality=municipality, title=f"Dialog nummer {n}")
    response = client.get(list_url(municipality, state="open"))
    assert response.context["page"].paginator.count == 23
    assert len(response.context["page"].object_list) == 10
    assert "state=open&amp;page=2" in response.content.decode()
    last = client.get(list_url(municipality, state="open", page=3))
    assert len(last.context["page"].object_list) == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"page": "9999"},
        {"page": "x"},
        {"page": "-1"},
        {"body": "zz"},
        {"body": "999999"},
        {"state": "<script>"},
        {"ladder_level": "nope"},
        {"sort": "drop table"},
        {"q": "x" * 5000},
        {"q": "\x00"},
    ],
)
def test_list_garbage_query_params_never_fail(client, municipality, open_dialogue, params):
    response = client.get(list_url(municipality, **params))
    assert response.status_code == 200
    assert 'class="error-message"' not in response.content.decode()


@pytest.mark.django_db
def test_list_wrong_method(client, municipality):
    assert client.post(list_url(municipality)).status_code == 405


# --- The dialogue page ---------------------------------------------------------------------


@pytest.mark.django_db
def test_detail_answers_the_key_questions_at_a_glance(client, open_dialogue):
    html = client.get(detail_url(open_dialogue)).content.decode()
    glance = html[html.index('class="at-a-glance"') : html.index("</section>", html.index('class="at-a-glance"'))]
    assert open_dialogue.question in glance
    assert open_dialogue.purpose in glance
    assert str(open_dialogue.ladder.explanation) in glance
    assert 'class="ladder__steps"' in glance
    assert str(open_dialogue.ends_on.year) in glance
    assert 'href="#take-part"' in glance
    assert 'id="take-part"' in html


@pytest.mark.django_db
def test_detail_shows_plan_contact_and_responsibility(client, open_dialogue):
    open_dialogue.contact_phone = "0550-123 45"
    open_dialogue.languages = "svenska, finska"
    open_dialogue.save()
    html = client.get(detail_url(open_dialogue)).content.decode()
    for text in (
        open_dialogue.open_for_influence,
        open_dialogue.fixed,
        open_dialogue.input_use,
        "Kommunfullmäktige",
        "Anna Andersson",
        "anna.andersson@example.se",
        "0550-123 45",
        open_dialogue.target_groups.get().name,
    ):
        assert text in html
    assert "svenska, finska" not in html  # a wish in the plan is no version in Finnish
    assert "Svenska" in html


@pytest.mark.django_db
def test_detail_links_principles_version_in_force(client, open_dialogue):
    from delaktig.foundation.models import PrinciplesDocument

    doc = PrinciplesDocument.objects.create(
        municipality=open_dialogue.municipality,
        title="Principer för medborgardialog",
        version=2,
        body_text="Vi lovar att återkoppla.",
        adopted_by=open_dialogue.municipality.get_deciding_body(),
        adopted_on=datetime.date(2025, 1, 1),
        minute_item="§ 1",
        registration_number="KS 2025/1",
    )
    open_dialogue.principles = doc
    open_dialogue.save()
    html = client.get(detail_url(open_dialogue)).content.decode()
    assert reverse("foundation:principles_version", args=[open_dialogue.municipality.slug, 2]) in html


@pytest.mark.django_db
def test_detail_short_and_wrong_slug_redirect_to_the_slugged_page(client, open_dialogue):
    muni = open_dialogue.municipality.slug
    short = client.get(reverse("dialogues:detail_short", args=[muni, open_dialogue.pk]))
    assert short.status_code == 301
    assert short["Location"] == detail_url(open_dialogue)
    wrong = client.get(reverse("dialogues:detail", args=[muni, open_dialogue.pk, "fel-namn"]))
    assert wrong.status_code == 301
    assert wrong["Location"] == detail_url(open_dialogue)


@pytest.mark.django_db
@pytest.mark.parametrize("state", NOT_PUBLIC)
def test_non_public_dialogue_is_404(client, municipality, state):
    dialogue = dialogue_in_state(state, municipality=municipality)
    assert client.get(detail_url(dialogue)).status_code == 404
    assert client.get(reverse("dialogues:detail_short", args=[municipality.slug, dialogue.pk])).status_code == 404
    easy = reverse("dialogues:easy_read", args=[municipality.slug, dialogue.pk, dialogue.slug])
    assert client.get(easy).status_code == 404


@pytest.mark.django_db
def test_other_municipalitys_dialogue_is_404(client, municipality, other_municipality):
    theirs = dialogue_in_state(State.OPEN, municipality=other_municipality)
    for name, args in [
        ("dialogues:detail", [theirs.pk, theirs.slug]),
        ("dialogues:detail_short", [theirs.pk]),
        ("dialogues:easy_read", [theirs.pk, theirs.slug]),
    ]:
        assert client.get(reverse(name, args=[municipality.slug, *args])).status_code == 404


@pytest.mark.django_db
def test_unknown_dialogue_and_municipality_are_404(client, municipality):
    assert client.get(reverse("dialogues:detail_short", args=[municipality.slug, 999999])).status_code == 404
    assert client.get(reverse("dialogues:list", args=["finns-inte"])).status_code == 404
    assert client.get(f"/{municipality.slug}/dialoger/99999999999999999999999/").status_code == 404


@pytest.mark.django_db
def test_detail_wrong_method(client, open_dialogue):
    assert client.post(detail_url(open_dialogue)).status_code == 405


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("state", "results", "decision", "feedback"),
    [
        (State.OPEN, False, False, False),
        (State.CLOSED, False, False, False),
        (State.RESULTS_COMPILED, True, False, False),
        (State.MATTER_DECIDED, True, True, False),
        (State.FEEDBACK_PUBLISHED, True, True, True),
        (State.EVALUATED, True, True, True),
    ],
)
def test_results_decision_and_feedback_only_when_published(client, municipality, state, results, decision, feedback):
    dialogue = dialogue_in_state(state, municipality=municipality)
    keep(CompiledResults.of(dialogue), summary="Sammanfattning av resultatet.", offline_participant_count=1234)
    decision_change(dialogue, "decision_in_matter", text="Beslutstexten i ärendet.")
    keep(Outcome.of(dialogue), feedback="Återkopplingen till deltagarna.", input_influence="Så påverkade synpunkterna.")
    dialogue.save()
    html = client.get(detail_url(dialogue)).content.decode()
    assert ("Sammanfattning av resultatet." in html) == results
    assert ("1\u00a0234" in html) == results
    assert ("Beslutstexten i ärendet." in html) == decision
    assert ("Återkopplingen till deltagarna." in html) == feedback
    assert ("Så påverkade synpunkterna." in html) == feedback
    assert ('id="what-happened"' in html) == feedback


@pytest.mark.django_db
def test_timeline_shows_bodies_and_dates_never_officers(client, municipality, staff):
    dialogue = dialogue_in_state(State.CLOSED, municipality=municipality)
    officer = staff["officer"]
    officer.name = "Olle Officersson"
    officer.save()
    keep(CompiledResults.of(dialogue), summary="Många vill ha en lekplats.")
    workflow.transition(dialogue, "compile_results", actor=officer)
    decision_change(
        dialogue,
        "decision_in_matter",
        body=municipality.get_deciding_body(),
        date=datetime.date(2026, 10, 1),
        text="Lekplatsen byggs.",
    )
    keep(Outcome.of(dialogue), input_influence="Förslagen avgjorde.")
    workflow.transition(dialogue, "record_matter_decision", actor=staff["registrar"])
    html = client.get(detail_url(dialogue)).content.decode()
    timeline = html[html.index('class="timeline"') :]
    assert "Kommunfullmäktige" in timeline
    assert "1 oktober 2026" in timeline
    assert "Olle Officersson" not in html
    assert staff["registrar"].name not in html


@pytest.mark.django_db
def test_easy_read_page(client, open_dialogue):
    open_dialogue.easy_read_summary = "Kommunen ska göra parken fin. Säg vad du vill ha."
    open_dialogue.save()
    detail = client.get(detail_url(open_dialogue)).content.decode()
    url = reverse("dialogues:easy_read", args=[open_dialogue.municipality.slug, open_dialogue.pk, open_dialogue.slug])
    assert url in detail
    response = client.get(url)
    assert response.status_code == 200
    assert 'lang="sv"' in response.content.decode()
    assert "Säg vad du vill ha." in response.content.decode()


@pytest.mark.django_db
def test_information_activity_page(client, municipality):
    dialogue = dialogue_in_state(State.OPEN, municipality=municipality, kind=Kind.INFORMATION)
    response = client.get(detail_url(dialogue))
    assert response.status_code == 200
    assert response.context["is_information"]


def _fake_manifest():
    return MethodManifest(
        key="fake_method",
        name="Fake",
        description="",
        phase_types={},
        public_urls="",
        staff_urls="",
        resident_actions=frozenset(),
        staff_actions={},
        stats=lambda module: {},
        export_rows=lambda module: [],
        personal_data=lambda user: [],
        erase=lambda user: 0,
        participant_ids=lambda module: set(),
        module_template="dialogues/public/_state_tag.html",
    )


@pytest.mark.django_db
def test_modules_render_their_template_or_a_notice_when_the_method_is_gone(client, open_dialogue):
    Module.objects.create(dialogue=open_dialogue, method="fake_method", name="Modul som finns")
    Module.objects.create(dialogue=open_dialogue, method="borttagen", name="Modul utan metod")
    with registry.temporarily(_fake_manifest()):
        html = client.get(detail_url(open_dialogue)).content.decode()
    section = html[html.index('id="take-part"') :]
    assert "Modul som finns" in section
    assert "Modul utan metod" in section
    assert section.count('class="tag tag--open"') == 1  # the fake method's template, given the dialogue


# --- Query counts stay flat ----------------------------------------------------------------


def _count_queries(client, url):
    client.get(url)  # warm the caches (the municipality), so both sizes are measured alike
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_list_query_count_does_not_grow_with_dialogues(client, municipality):
    committee = municipality.bodies.get(name="Kultur- och fritidsnämnden")

    def add(n):
        for _ in range(n):
            dialogue_in_state(State.OPEN, municipality=municipality, proposed_by=committee)

    add(3)
    few = _count_queries(client, list_url(municipality))
    add(27)
    many = _count_queries(client, list_url(municipality))
    assert few == many


@pytest.mark.django_db
def test_detail_query_count_does_not_grow_with_timeline_or_modules(client, municipality, staff):
    dialogue = dialogue_in_state(State.FEEDBACK_PUBLISHED, municipality=municipality)

    def add(n):
        for i in range(n):
            audit_record(
                municipality=municipality,
                actor=staff["officer"],
                action="dialogue.test",
                target=dialogue,
                data={"from": "planned", "to": "open", "label": "Opened", "body": "KF", "date": "2026-01-01"},
                public=True,
            )
            module = Module.objects.create(dialogue=dialogue, method="fake_method", name=f"Modul {i}")
            now = timezone.now()
            Phase.objects.create(
                module=module, phase_type="x", name="Fas", starts_at=now, ends_at=now.replace(year=2099)
            )

    with registry.temporarily(_fake_manifest()):
        add(3)
        few = _count_queries(client, detail_url(dialogue))
        add(27)
        many = _count_queries(client, detail_url(dialogue))
    assert few == many


@pytest.mark.django_db
def test_home_query_count_does_not_grow(client, municipality):
    for _ in range(3):
        dialogue_in_state(State.OPEN, municipality=municipality)
    few = _count_queries(client, reverse("core:home", args=[municipality.slug]))
    for _ in range(12):
        dialogue_in_state(State.OPEN, municipality=municipality)
    assert _count_queries(client, reverse("core:home", args=[municipality.slug])) == few
