"""Demo content: the youth council (ungdomsrådet) consulted in a dialogue, its statement recorded here, so the
dialogue's results show it beside the other inputs."""

import datetime

from django.utils import timezone

from delaktig.forums import demo as forum_demo
from delaktig.forums.models import Kind

from . import services


def populate(module, *, people, content=None):
    forums = forum_demo.populate(module.dialogue.municipality, people=people)
    youth = forums.get(Kind.YOUTH) or next(iter(forums.values()))
    actor = people.get("handlaggare")
    services.forum_choose(module=module, forum=youth, actor=actor)
    phase = module.phases.order_by("starts_at").first()
    given_on = phase.ends_at.date() - datetime.timedelta(days=20) if phase else timezone.localdate()
    services.statement_record(module=module, actor=actor, given_on=given_on, text=forum_demo.OVERVIEW_PLAN_STATEMENT)
