"""Writes for participatory budgeting. Each leaves an audit event in the same transaction, and a ballot is stored
whole or not at all."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from delaktig.accounts.services import identity_level_of
from delaktig.core.audit import audit_record
from delaktig.core.templatetags.delaktig import number
from delaktig.participation.models import Channel, Module
from delaktig.participation.rules import allowed
from delaktig.participation.services import initial_status
from delaktig.participation.services_inputs import input_create_once, input_receipt_later, written_online
from delaktig.participation.services_inputs import input_desk_undo as shared_desk_undo
from delaktig.participation.services_inputs import support_toggle as support_toggle

from .models import Ballot, BallotChoice, Budget, Project, Review, Rule, Voter


class BallotError(ValueError):
    """A ballot that cannot be stored, with the reason in words for the voter."""


@dataclass(frozen=True)
class Where:
    """Where a proposal is: a checked point on the map and the district (either may be missing)."""

    longitude: float | None = None
    latitude: float | None = None
    district: object | None = None


# Settings and budgets


@transaction.atomic
def rule_set(*, module, rule, actor):
    """The counting rule of the module (models.Rule), a setting of the process."""
    if rule not in Rule.values:
        raise ValueError(f"Unknown rule {rule!r}")
    module.settings = {**module.settings, "rule": rule}
    module.save(update_fields=["settings"])
    audit_record(
        municipality=module.municipality, actor=actor, action="budgeting.rule_set", target=module, data={"rule": rule}
    )
    return module


@transaction.atomic
def budget_save(*, budget, actor):
    created = budget.pk is None
    budget.save()
    audit_record(
        municipality=budget.module.municipality,
        actor=actor,
        action="budgeting.budget_add" if created else "budgeting.budget_change",
        target=budget.module,
        data={"name": budget.name, "amount": budget.amount, "district": budget.district_id},
    )
    return budget


# Proposals


def _budget_of(module, budget):
    if budget is None or budget.module_id != module.pk:
        raise ValueError("The budget is not the module's")
    return budget


def _where_fields(where: Where):
    return {"longitude": where.longitude, "latitude": where.latitude, "district": where.district}


@transaction.atomic
def project_propose(
    *, module, author, budget, title, text, where=Where(), cost_estimate=None, submission_key=None, pseudonym=""
):
    """A resident's proposal in one of the module's budgets; a form sent twice gives back the first proposal. The
    name shown and the account kept follow the dialogue's setting, as for every input."""
    written = written_online(module, author, pseudonym)
    item, created = input_create_once(
        Project.objects.filter(module=module),
        submission_key=submission_key,
        **written,
        budget=_budget_of(module, budget),
        title=title,
        text=text,
        cost_estimate=cost_estimate,
        **_where_fields(where),
    )
    if created:
        audit_record(
            municipality=item.municipality,
            actor=written["author"],
            action="budgeting.propose",
            target=item,
            data={"budget": budget.pk},
        )
        input_receipt_later(item, account=written["author"], author=author)
    return item


@transaction.atomic
def project_enter_offline(
    *,
    module,
    entered_by,
    channel,
    budget,
    title,
    text,
    where=Where(),
    author_name="",
    received_on=None,
    occasion=None,
    group="",
):
    """A proposal that came on paper or at a meeting, entered by staff at the desk."""
    if channel == Channel.ONLINE:
        raise ValueError("Offline input needs an offline channel")
    item = Project.objects.create(
        module=module,
        municipality=module.municipality,
        author=None,
        author_name=" ".join(author_name.split()) if module.dialogue.shows_names else "",
        budget=_budget_of(module, budget),
        title=title,
        text=text,
        **_where_fields(where),
        channel=channel,
        entered_by=entered_by,
        received_on=received_on,
        occasion_key=occasion.key if occasion else "",
        occasion_label=occasion.label if occasion else "",
        group=group,
        status=initial_status(module.dialogue, entered_by_staff=True),
    )
    audit_record(
        municipality=item.municipality,
        actor=entered_by,
        action="budgeting.enter_offline",
        target=item,
        data={"channel": channel, "budget": budget.pk},
    )
    return item


@transaction.atomic
def project_desk_undo(*, module, item_id, actor, now=None):
    return shared_desk_undo(
        Project,
        module=module,
        item_id=item_id,
        actor=actor,
        action="budgeting.desk_undo",
        data=lambda item: {"reference": item.reference, "title": item.title},
        now=now,
    )


@transaction.atomic
def project_review(*, project, actor, feasible, cost=None, reason=""):
    """Staff's review: feasible with a cost in kronor (the proposal is then on the ballot), or rejected with a reason
    everyone can read. Reviewed again while voting runs, a proposal no longer feasible leaves the ballot, and the
    choices of it already made are not counted."""
    if feasible and not (cost and cost > 0):
        raise ValueError("A feasible proposal needs a cost")
    if not feasible and not reason.strip():
        raise ValueError("A rejected proposal needs a reason")
    project.review = Review.FEASIBLE if feasible else Review.REJECTED
    project.cost = cost if feasible else project.cost
    project.review_reason = reason.strip()
    project.reviewed_at, project.reviewed_by = timezone.now(), actor
    project.save(update_fields=["review", "cost", "review_reason", "reviewed_at", "reviewed_by", "updated_at"])
    audit_record(
        municipality=project.municipality,
        actor=actor,
        action="budgeting.review",
        target=project,
        data={"review": project.review, "cost": project.cost, "reason": project.review_reason},
    )
    return project


# Voting


@transaction.atomic
def district_declare(*, module, user, district):
    """The district a resident says they live in, for this module (until an e-ID gives the place of residence). It
    can be changed only as long as the resident has voted in no district's budget."""
    if district is not None and district.municipality_id != module.dialogue.municipality_id:
        raise BallotError(_("Choose one of the municipality's districts."))
    voted = Ballot.objects.filter(budget__module=module, voter=user, budget__district__isnull=False)
    current = Voter.objects.filter(module=module, user=user).first()
    if current and current.district_id != getattr(district, "pk", None) and voted.exists():
        raise BallotError(_("You have already voted in your district's budget, so you cannot change your district."))
    voter, _created = Voter.objects.update_or_create(module=module, user=user, defaults={"district": district})
    audit_record(
        municipality=module.municipality,
        actor=user,
        action="budgeting.district_declare",
        target=module,
        data={"district": getattr(district, "pk", None)},
    )
    return voter


def budgets_for_voter(module, user):
    """The budgets `user` votes in: every budget for everyone, and their declared district's."""
    district_id = Voter.objects.filter(module=module, user=user).values_list("district_id", flat=True).first()
    budgets = Budget.objects.filter(module=module).select_related("district")
    return [budget for budget in budgets if budget.district_id is None or budget.district_id == district_id]


def ballot_check(budget, project_ids: Iterable[object]):
    """The projects of a ballot as the voter chose them: every id must be a project on this budget's ballot and the
    sum within the budget. (projects, total), or BallotError with the reason in words."""
    ids = set()
    for value in project_ids:
        try:
            ids.add(int(str(value)))
        except ValueError:
            raise BallotError(_("One of the projects you chose is not on this ballot. Choose again.")) from None
    projects = list(Project.objects.published().filter(budget=budget, review=Review.FEASIBLE, pk__in=ids))
    if len(projects) != len(ids):
        raise BallotError(_("One of the projects you chose is not on this ballot. Choose again."))
    total = sum(project.cost for project in projects)
    if total > budget.amount:
        raise BallotError(
            _(
                "The projects you chose cost %(total)s kronor, more than the budget of %(amount)s kronor. "
                "Remove a project."
            )
            % {"total": number(total), "amount": number(budget.amount)}
        )
    return projects, total


def ballot_existing(budget, user):
    """The ballot `user` cast in `budget` before, locked until the transaction ends; None if there is none."""
    return Ballot.objects.select_for_update().filter(budget=budget, voter=user).first()


@transaction.atomic
def ballot_cast(*, budget, user, project_ids):
    """Store `user`'s ballot in `budget`, or replace the one they cast before: the chosen projects (ids as sent),
    within the budget, while voting is open. BallotError with the reason otherwise, and nothing is stored. Two
    ballots sent at the same moment by the same person: the database keeps one ballot per person and budget, and
    the second gets an error, so the person checks their ballot and sends it again."""
    module = Module.objects.select_related("dialogue__municipality").prefetch_related("phases").get(pk=budget.module_id)
    decision = allowed(user, "vote", module)
    if not decision:
        raise BallotError(decision.reason or _("Voting is closed."))
    if budget not in budgets_for_voter(module, user):
        raise BallotError(_("You do not vote in this budget. Check the district you live in."))
    projects, total = ballot_check(budget, project_ids)
    ballot = ballot_existing(budget, user)
    changed = ballot is not None
    if ballot is None:
        try:
            with transaction.atomic():
                ballot = Ballot.objects.create(budget=budget, voter=user, identity_level=identity_level_of(user))
        except IntegrityError:
            raise BallotError(
                _("Your ballot was sent twice at the same moment. Check your choices below and send the ballot again.")
            ) from None
    ballot.choices.all().delete()
    BallotChoice.objects.bulk_create([BallotChoice(ballot=ballot, project=project) for project in projects])
    ballot.identity_level = identity_level_of(user)  # a changed ballot counts with the level it was changed at
    ballot.save(update_fields=["updated_at", "identity_level"])
    audit_record(
        municipality=module.municipality,
        actor=user,
        action="budgeting.ballot_change" if changed else "budgeting.ballot_cast",
        target=ballot,
        data={"budget": budget.pk, "projects": sorted(project.pk for project in projects), "total": total},
    )
    _receipt_later(ballot)
    return ballot


def _receipt_later(ballot):
    """The e-mail receipt of an online ballot, sent in the background after the commit."""
    from .tasks import ballot_receipt_send

    language, ballot_id = translation.get_language(), ballot.pk
    transaction.on_commit(lambda: ballot_receipt_send.enqueue(ballot_id=ballot_id, language=language))
