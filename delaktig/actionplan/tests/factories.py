import datetime

import factory
from django.utils import timezone

from delaktig.actionplan.models import Action, ActionPlan, Goal
from delaktig.organisations.tests.factories import MunicipalityFactory


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan

    municipality = factory.SubFactory(MunicipalityFactory)
    title = "Handlingsplan för delaktighet"
    starts_year = factory.LazyFunction(lambda: timezone.localdate().year)
    ends_year = factory.LazyFunction(lambda: timezone.localdate().year + 2)


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Mål {n}")


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    goal = factory.SubFactory(GoalFactory)
    title = factory.Sequence(lambda n: f"Åtgärd {n}")
    owner_body = factory.LazyAttribute(lambda action: action.goal.plan.municipality.get_deciding_body())
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=90))
