import datetime

import pytest

from delaktig.dialogues import workflow
from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import decision_change, dialogue_in_state
from delaktig.foundation import selectors
from delaktig.foundation.tests.factories import PrinciplesFactory, ToolboxMethodFactory
from delaktig.organisations.models import Role

pytestmark = pytest.mark.django_db


def test_toolbox_suggestions_rank_by_target_groups_reached(municipality):
    young = municipality.target_groups.get(name="Unga")
    everyone = municipality.target_groups.get(name="Alla invånare")
    ToolboxMethodFactory(
        municipality=municipality, name="A bara alla", ladder_levels=["dialogue"], target_groups=[everyone]
    )
    both = ToolboxMethodFactory(
        municipality=municipality, name="B båda", ladder_levels=["dialogue"], target_groups=[young, everyone]
    )
    ToolboxMethodFactory(
        municipality=municipality, name="C fel nivå", ladder_levels=["co_decision"], target_groups=[young]
    )
    ToolboxMethodFactory(municipality=municipality, name="D ingen", ladder_levels=["dialogue", "influence"])
    ranked = selectors.toolbox_suggestions(
        municipality=municipality, ladder_level="dialogue", target_group_ids=[young.pk, everyone.pk]
    )
    assert [m.name for m in ranked] == ["B båda", "A bara alla", "D ingen"]
    assert ranked[0] == both


def test_toolbox_suggestions_without_level_or_groups_list_all_by_name(municipality, other_municipality):
    ToolboxMethodFactory(municipality=municipality, name="Beta")
    ToolboxMethodFactory(municipality=municipality, name="Alfa")
    ToolboxMethodFactory(municipality=other_municipality, name="Annan")
    ranked = selectors.toolbox_suggestions(municipality=municipality, ladder_level="", target_group_ids=None)
    assert [m.name for m in ranked] == ["Alfa", "Beta"]


def test_principles_in_force_on_a_date(municipality):
    PrinciplesFactory(municipality=municipality, version=1, adopted_on=datetime.date(2020, 1, 1))
    PrinciplesFactory(municipality=municipality, version=2, adopted_on=datetime.date(2024, 1, 1))
    assert selectors.principles_in_force(municipality=municipality, on=datetime.date(2019, 1, 1)) is None
    assert selectors.principles_in_force(municipality=municipality, on=datetime.date(2023, 12, 31)).version == 1
    assert selectors.principles_in_force(municipality=municipality, on=datetime.date(2024, 1, 1)).version == 2


@pytest.mark.parametrize(("decided", "expected"), [(datetime.date(2023, 6, 1), 1), (datetime.date(2024, 6, 1), 2)])
def test_decided_dialogue_follows_the_version_in_force_on_the_decision_date(municipality, staff, decided, expected):
    PrinciplesFactory(municipality=municipality, version=1, adopted_on=datetime.date(2020, 1, 1))
    PrinciplesFactory(municipality=municipality, version=2, adopted_on=datetime.date(2024, 1, 1))
    dialogue = dialogue_in_state(State.ASSESSED, municipality=municipality)
    decision_change(
        dialogue,
        "decision_to_hold",
        body=municipality.get_deciding_body(),
        date=decided,
        minute_item="§ 45",
        number="KS 2024/1",
    )
    dialogue.save()
    workflow.transition(dialogue, "decide", actor=staff[Role.REGISTRAR])
    dialogue.refresh_from_db()
    assert dialogue.state == State.DECIDED
    assert dialogue.principles.version == expected
