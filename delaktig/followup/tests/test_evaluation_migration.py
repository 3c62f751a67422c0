"""The migrations move each free-text evaluation into the lessons of a structured Evaluation, and back when
reversed."""

import pytest

from tests.migration_steps import empty_database, migrate

BEFORE = [("dialogues", "0007_remove_later_stage_texts"), ("followup", "0003_outcome_copy")]
AFTER = [("followup", "0006_remove_outcome_evaluation")]


def _old_rows(apps):
    Municipality = apps.get_model("organisations", "Municipality")
    Dialogue = apps.get_model("dialogues", "Dialogue")
    Outcome = apps.get_model("followup", "Outcome")
    muni = Municipality.objects.create(name="Utvärderingsby", municipality_code="9997", slug="utvarderingsby")
    evaluated = Dialogue.objects.create(municipality=muni, title="Parken", slug="parken", state="evaluated")
    feedback_only = Dialogue.objects.create(municipality=muni, title="Torget", slug="torget")
    untouched = Dialogue.objects.create(municipality=muni, title="Ny", slug="ny")
    text = "Vi nådde många unga.\nNästa gång: skolorna."
    Outcome.objects.create(dialogue=evaluated, feedback="Tack!", evaluation=text)
    Outcome.objects.create(dialogue=feedback_only, feedback="Tack till er alla.")
    return evaluated.pk, feedback_only.pk, untouched.pk


@pytest.mark.django_db(transaction=True)
def test_the_free_text_evaluation_becomes_the_lessons_and_comes_back():
    with empty_database():
        evaluated, feedback_only, untouched = _old_rows(migrate(BEFORE))

        apps = migrate(AFTER)
        Evaluation = apps.get_model("followup", "Evaluation")
        Outcome = apps.get_model("followup", "Outcome")
        moved = Evaluation.objects.get(dialogue_id=evaluated)
        assert moved.lessons == "Vi nådde många unga.\nNästa gång: skolorna."
        assert (moved.purpose_achieved, moved.methods_right, moved.participants_summary) == ("", "", "")
        assert not moved.reaches.exists()
        assert Evaluation.objects.count() == 1  # nothing made for dialogues without an evaluation
        assert "evaluation" not in {field.name for field in Outcome._meta.get_fields()}
        assert Outcome.objects.get(dialogue_id=evaluated).feedback == "Tack!"

        moved.purpose_achieved = "partly"  # written after the upgrade: lost on the way back, the lessons are kept
        moved.lessons = "Vi nådde många unga. Tillagt efteråt."
        moved.save()
        Evaluation.objects.create(dialogue_id=untouched, lessons="Skrevs efter uppgraderingen.")

        apps = migrate(BEFORE)
        Outcome = apps.get_model("followup", "Outcome")
        assert Outcome.objects.get(dialogue_id=evaluated).evaluation == "Vi nådde många unga. Tillagt efteråt."
        assert Outcome.objects.get(dialogue_id=evaluated).feedback == "Tack!"
        assert Outcome.objects.get(dialogue_id=feedback_only).evaluation == ""
        assert Outcome.objects.get(dialogue_id=untouched).evaluation == "Skrevs efter uppgraderingen."
