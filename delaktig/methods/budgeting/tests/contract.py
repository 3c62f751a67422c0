"""Data for the participation contract test (see docs/adding-a-method.md)."""

import datetime

from django.utils import timezone

from delaktig.accounts.tests.factories import UserFactory
from delaktig.participation.models import Phase
from delaktig.participation.services import comment_create
from delaktig.participation.services_inputs import input_moderate

from ..desk import desk_save
from ..models import Budget
from ..services import Where, ballot_cast, project_propose, project_review, support_toggle

# What the ids in the method's URLs name, and how each reaches its municipality (organisations/tests/test_foreign_ids)
URL_OBJECTS = {
    "pk": ("budgeting.Project", "municipality"),
    "input_id": ("budgeting.Project", "municipality"),
    "project_id": ("budgeting.Project", "municipality"),
    "budget_id": ("budgeting.Budget", "module__dialogue__municipality"),
}


def contract_fixture(module):
    """Fill `module` with a budget, proposals (one from the desk), a comment, a support and a ballot; return the
    resident who made them. Voting runs for a moment in the middle, as it would after the review."""
    resident = UserFactory(name="Kim Kontrakt")
    staff = UserFactory()
    budget = Budget.objects.create(module=module, name="Hela kommunen", amount=100_000)
    item = project_propose(module=module, author=resident, budget=budget, title="Utegym", text="Ett utegym vid sjön.")
    project_propose(module=module, author=resident, budget=budget, title="Bänkar", text="Fler bänkar.", where=Where())
    comment_create(target=item, dialogue=module.dialogue, author=resident, text="Bra idé, tycker jag.")
    support_toggle(item=item, user=resident)
    desk_save(
        module,
        {"budget": budget, "title": "Brev: lekplats", "text": "En lekplats i byn.", "where": Where()},
        actor=staff,
        channel="paper",
        received_on=timezone.localdate(),
        occasion=None,
        group="",
    )
    if not item.is_published:  # a pre-moderated dialogue: the other proposals wait for the moderator
        input_moderate(item=item, actor=staff, publish=True)
    project_review(project=item, actor=staff, feasible=True, cost=40_000)
    _vote_now(module, lambda: ballot_cast(budget=budget, user=resident, project_ids=[item.pk]))
    return resident


def _vote_now(module, cast):
    """Run `cast` while a voting phase runs in `module`, the module's own phases put aside for the moment; voting
    then closes, so the result counts."""
    now, hour = timezone.now(), datetime.timedelta(hours=1)
    phases = list(Phase.objects.filter(module=module))
    Phase.objects.filter(module=module).update(starts_at=now - 3 * hour, ends_at=now - 2 * hour)
    vote = Phase.objects.create(
        module=module, phase_type="vote", name="Röstning", starts_at=now - hour, ends_at=now + hour
    )
    cast()
    Phase.objects.filter(pk=vote.pk).update(starts_at=now - 2 * hour, ends_at=timezone.now())
    for phase in phases:
        Phase.objects.filter(pk=phase.pk).update(starts_at=phase.starts_at, ends_at=phase.ends_at)
