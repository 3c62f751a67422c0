"""The migrations move the texts of the later stages from Dialogue into results.CompiledResults and
followup.Outcome, and back when reversed."""

import pytest

from tests.migration_steps import empty_database, migrate

BEFORE = [("dialogues", "0006_remove_old_decision_fields"), ("results", "0001_initial"), ("followup", "0001_initial")]
AFTER = [("dialogues", "0007_remove_later_stage_texts"), ("followup", "0006_remove_outcome_evaluation")]


def _old_rows(apps):
    Municipality = apps.get_model("organisations", "Municipality")
    Dialogue = apps.get_model("dialogues", "Dialogue")
    muni = Municipality.objects.create(name="Migreringsby", municipality_code="9998", slug="migreringsby")
    done = Dialogue.objects.create(
        municipality=muni,
        title="Parken",
        slug="parken",
        results_summary="Fler bänkar.",
        offline_participant_count=12,
        input_influence="Bänkarna kom från dialogen.",
        feedback="Tack!",
        evaluation="Vi nådde många.",
    )
    counted = Dialogue.objects.create(municipality=muni, title="Möte", slug="mote", offline_participant_count=0)
    untouched = Dialogue.objects.create(municipality=muni, title="Ny", slug="ny")
    return done.pk, counted.pk, untouched.pk


@pytest.mark.django_db(transaction=True)
def test_the_migrations_move_the_texts_to_the_apps_that_own_them_and_back():
    with empty_database():
        done, counted, untouched = _old_rows(migrate(BEFORE))

        apps = migrate(AFTER)
        CompiledResults = apps.get_model("results", "CompiledResults")
        Outcome = apps.get_model("followup", "Outcome")
        compiled = CompiledResults.objects.get(dialogue_id=done)
        assert (compiled.summary, compiled.offline_participant_count) == ("Fler bänkar.", 12)
        assert CompiledResults.objects.get(dialogue_id=counted).offline_participant_count == 0
        outcome = Outcome.objects.get(dialogue_id=done)
        assert (outcome.input_influence, outcome.feedback) == ("Bänkarna kom från dialogen.", "Tack!")
        Evaluation = apps.get_model("followup", "Evaluation")  # the evaluation went on to be structured (0005)
        assert Evaluation.objects.get(dialogue_id=done).lessons == "Vi nådde många."
        assert not CompiledResults.objects.filter(dialogue_id=untouched).exists()
        assert Outcome.objects.count() == 1

        apps = migrate(BEFORE)
        Dialogue = apps.get_model("dialogues", "Dialogue")
        dialogue = Dialogue.objects.get(pk=done)
        assert (dialogue.results_summary, dialogue.offline_participant_count) == ("Fler bänkar.", 12)
        assert (dialogue.input_influence, dialogue.feedback, dialogue.evaluation) == (
            "Bänkarna kom från dialogen.",
            "Tack!",
            "Vi nådde många.",
        )
        assert Dialogue.objects.get(pk=counted).offline_participant_count == 0
        assert Dialogue.objects.get(pk=untouched).offline_participant_count is None
