"""What the decision basis says: content gathered from the dialogue and the results, in Swedish, without
personal data; representativeness where demographic data exists."""

import pytest

from delaktig.core.contributions import Table
from delaktig.decisionbasis import content, services
from delaktig.decisionbasis.render import render_docx, render_html

from .support import CASE, closed_dialogue, records_for, report

AGE = Table(
    caption="Ålder",
    headers=("Åldersgrupp", "Inspel"),
    rows=(("Under 18", "färre än 5"), ("30–44", 40), ("45–64", 25), ("80 år eller äldre", 0), ("Totalt", 68)),
)


def basis_for(dialogue, actor, **kwargs):
    kwargs.setdefault("assessment", "Bedömning.")
    return services.decision_basis_request(dialogue=dialogue, actor=actor, **report(dialogue, actor, **kwargs))


@pytest.fixture
def with_demographics(dialogue, store):
    """Twelve of the inputs tell their age band: eight are 30–44, four 45–64."""
    module = dialogue.modules.get()
    bands = {n: ("30_44" if n < 8 else "45_64") for n in range(12)}
    store[module.pk] = records_for(module, 20, lambda n: {"age_band": bands[n]} if n in bands else {})


@pytest.mark.django_db
def test_the_content_comes_from_the_dialogue_and_its_results(dialogue, staff):
    gathered = content.gather(basis_for(dialogue, staff["officer"]))
    assert gathered.registration_number == CASE and gathered.version == 1
    assert gathered.question == dialogue.question and gathered.purpose == dialogue.purpose
    assert gathered.ladder_label == "Dialog" and "utbyter argument" in gathered.ladder_explanation
    assert gathered.decision_facts[0][1] == dialogue.decision_to_hold.body.name
    assert gathered.modules == (("Lämna synpunkter", "Synpunkter (testmetod)"),)
    assert [t.name for t in gathered.themes] == ["Lekplats", "Trafik"]
    assert gathered.themes[0].count == 4 and gathered.untagged_count == 2 and gathered.total_inputs == 6
    assert dict(gathered.totals)["Synpunkter totalt"] == 6
    assert not gathered.has_demographics


@pytest.mark.django_db
def test_e_mail_addresses_in_quotes_are_blanked(dialogue, staff):
    gathered = content.gather(basis_for(dialogue, staff["officer"]))
    quotes = [text for theme in gathered.themes for text, _channel in theme.quotes]
    assert all("@" not in text for text in quotes)
    assert any("[e-postadress borttagen]" in text for text in quotes)


@pytest.mark.django_db
def test_representativeness_is_shown_where_demographics_exist(dialogue, staff, with_demographics):
    basis = basis_for(dialogue, staff["officer"], representativeness_text="Unga nåddes inte.")
    gathered = content.gather(basis)
    assert gathered.has_demographics
    note = gathered.representativeness_computed
    assert "flest synpunkter kom från ”30–44" in note and "(8)" in note
    assert "45–64" in note  # 4 inputs: suppressed, so "few"
    assert "Under 18" not in note  # hidden only to protect 45–64: it might be many, so it is not called few
    assert "Totalt" not in note and "Kvinna" not in note  # nobody told their gender
    assert len(gathered.demographic_tables) == 1
    html = render_html(gathered)
    assert "30–44" in html and "färre än 5" in html and "Unga nåddes inte." in html
    services.decision_basis_generate(basis_id=basis.pk, renderers={"pdf": render_html, "docx": render_docx})
    basis.refresh_from_db()
    assert basis.representativeness_computed == gathered.representativeness_computed


def test_representativeness_note_names_the_largest_group_and_the_missing_ones():
    note = content.representativeness_note([AGE])
    assert note.startswith("Ålder: flest synpunkter kom från ”30–44” (40).")
    assert "Under 18, 80 år eller äldre." in note


def test_representativeness_note_compares_areas_with_their_share_of_the_residents():
    areas = Table(
        caption="Område",
        headers=("Område", "Inspel", "Andel av invånarna (%)"),
        rows=(
            ("Centrum", 60, 40.0),
            ("Norra byn", 30, 20.0),
            ("Södra byn", 10, 30.0),  # 10 % of the inputs against 30 % of the residents
            ("Skogen", "färre än 5", 10.0),
            ("Har inte svarat", 12, None),
            ("Totalt", 113, None),
        ),
        key="demographics_area",  # as results names it
    )
    note = content.representativeness_note([areas])
    assert note.startswith("Område: flest synpunkter kom från ”Centrum” (60).")
    assert "Få eller inga synpunkter kom från: Skogen." in note
    assert note.endswith("Andelen synpunkter var mindre än hälften av andelen invånare i: Södra byn.")


def test_representativeness_note_without_numbers_says_nothing():
    empty = Table(caption="Kön", headers=("Kön", "Inspel"), rows=(("Kvinna", "färre än 5"),))
    assert content.representativeness_note([empty]) == ""
    assert content.representativeness_note([]) == ""


@pytest.mark.django_db
def test_a_dialogue_without_modules_or_themes_still_gets_a_decision_basis(municipality, staff, store):
    dialogue = closed_dialogue(municipality)
    gathered = content.gather(basis_for(dialogue, staff["officer"]))
    assert gathered.themes == () and gathered.total_inputs == 0
    html = render_html(gathered)
    assert "Synpunkterna har inte sorterats i teman." in html
    assert "Deltagarna lämnade inga uppgifter om sig själva" in html


@pytest.mark.django_db
def test_the_registration_number_cannot_break_out_of_the_page_header_css(dialogue, staff):
    basis = basis_for(dialogue, staff["officer"])
    basis.registration_number = 'KS "}</style><script>x</script>'
    html = render_html(content.gather(basis))
    assert "<script>x" not in html
    assert html.count("</style>") == 1


def test_a_cell_hidden_only_to_protect_another_is_not_called_few():
    from django.utils import translation

    from delaktig.participation.demographics import hidden_label

    with translation.override("sv"):
        table = Table(
            caption="Område",
            headers=("Område", "Inspel"),
            rows=(("Norr", 30), ("Söder", "färre än 5"), ("Väster", hidden_label())),
        )
        note = content.representativeness_note([table])
    assert "Söder" in note and "Väster" not in note


@pytest.mark.django_db
def test_the_comparison_with_the_population_is_in_both_documents(dialogue, staff, store):
    from delaktig.participation.tests.population_support import even_population

    module = dialogue.modules.get()
    store[module.pk] = records_for(module, 12, lambda n: {"age_band": "65_79", "gender": "woman"})
    gathered = content.gather(basis_for(dialogue, staff["officer"]))
    assert gathered.representation_tables == () and gathered.representation_note == ""  # no population figures
    even_population(dialogue.municipality)
    gathered = content.gather(basis_for(dialogue, staff["officer"]))
    assert [t.key for t in gathered.representation_tables] == ["representation_age_sex"]
    assert "underrepresenterade jämfört med invånarna: kvinnor 13–17 år, män 13–17 år" in gathered.representation_note
    html = render_html(gathered)
    assert "Jämfört med befolkningen" in html and "kvinnor 65–79 år" in html
    assert render_docx(gathered)[:2] == b"PK"
