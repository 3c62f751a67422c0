"""A participatory budget to test with: a module in a dialogue, its budgets and feasible projects."""

import datetime

from django.utils import timezone

from delaktig.dialogues.models import State
from delaktig.dialogues.tests.factories import dialogue_in_state
from delaktig.organisations.models import Area
from delaktig.participation.models import ModerationStatus, Module, Phase

from ..models import Budget, Project, Review


def budgeting_module(*, municipality, state=State.OPEN, phase="vote", rule="greedy"):
    """A dialogue in `state` with a budgeting module whose running phase is `phase` (None: voting is over)."""
    dialogue = dialogue_in_state(state, municipality=municipality)
    module = Module.objects.create(dialogue=dialogue, method="budgeting", name="Ungdomsbudget", settings={"rule": rule})
    now = timezone.now()
    if phase is None:
        starts, ends = now - datetime.timedelta(days=20), now - datetime.timedelta(days=1)
    else:
        starts, ends = now - datetime.timedelta(days=1), now + datetime.timedelta(days=10)
    Phase.objects.create(module=module, phase_type=phase or "vote", name="Fas", starts_at=starts, ends_at=ends)
    return Module.objects.select_related("dialogue__municipality").get(pk=module.pk)


def project(budget, title, cost, **fields):
    """A published proposal in `budget`, reviewed feasible at `cost` (None: not reviewed yet)."""
    module = budget.module
    review = {"review": Review.FEASIBLE, "cost": cost} if cost else {}
    return Project.objects.create(
        module=module,
        municipality=module.dialogue.municipality,
        budget=budget,
        title=title,
        text=f"{title}, beskrivning.",
        status=ModerationStatus.PUBLISHED,
        **review,
        **fields,
    )


def budgets(module):
    """A budget for everyone (100 000 kr, three projects) and one for the district Norr (50 000 kr, two)."""
    north = Area.objects.create(municipality=module.dialogue.municipality, name="Norr")
    everyone = Budget.objects.create(module=module, name="Hela kommunen", amount=100_000, order=1)
    district = Budget.objects.create(module=module, name="Norr", amount=50_000, district=north, order=2)
    projects = {
        "skate": project(everyone, "Skatepark", 60_000),
        "gym": project(everyone, "Utegym", 40_000),
        "bio": project(everyone, "Sommarbio", 30_000),
        "lek": project(district, "Lekplats i Norr", 30_000),
        "bad": project(district, "Badbrygga", 25_000),
    }
    return everyone, district, north, projects
