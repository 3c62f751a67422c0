"""Writes of the staff pages: a login provider saved or removed, with its audit event (never the secret)."""

from django.db import transaction

from delaktig.core.audit import audit_record

from .models import Action, ActionRule, OidcConfiguration
from .selectors import rules_forget

AUDITED = (
    "kind",
    "is_active",
    "issuer",
    "client_id",
    "scopes",
    "acr_claim",
    "level_map",
    "pin_claim",
    "residence_claim",
    "groups_claim",
    "group_roles",
)


@transaction.atomic
def provider_save(*, configuration: OidcConfiguration, actor, created: bool) -> OidcConfiguration:
    secret_changed = created or (
        OidcConfiguration.objects.filter(pk=configuration.pk).values_list("client_secret", flat=True).first()
        != configuration.client_secret
    )
    configuration.save()
    data = {name: getattr(configuration, name) for name in AUDITED}
    data["secret_changed"] = bool(secret_changed)
    audit_record(
        municipality=configuration.municipality,
        actor=actor,
        action="identity.provider_add" if created else "identity.provider_change",
        target=configuration,
        data=data,
    )
    return configuration


@transaction.atomic
def provider_delete(*, configuration: OidcConfiguration, actor) -> None:
    audit_record(
        municipality=configuration.municipality,
        actor=actor,
        action="identity.provider_remove",
        target=configuration,
        data={"kind": configuration.kind, "issuer": configuration.issuer},
    )
    configuration.delete()


@transaction.atomic
def action_rules_set(*, municipality, residents_only: list[str], survey_level: int, actor) -> None:
    """Which actions only residents may do, and the level logged-in surveys ask for; audited when changed."""
    before = {rule.action: (rule.residents_only, rule.identity_level) for rule in municipality.action_rules.all()}
    after = {action: (action in residents_only, survey_level if action == "survey" else 0) for action in Action.values}
    after = {action: rule for action, rule in after.items() if rule != (False, 0)}
    if before == after:
        return
    ActionRule.objects.filter(municipality=municipality).delete()
    ActionRule.objects.bulk_create(
        ActionRule(municipality=municipality, action=action, residents_only=only, identity_level=level)
        for action, (only, level) in after.items()
    )
    transaction.on_commit(lambda: rules_forget(municipality.pk))
    rules_forget(municipality.pk)
    audit_record(
        municipality=municipality,
        actor=actor,
        action="identity.action_rules",
        target=municipality,
        data={"before": {a: list(r) for a, r in before.items()}, "after": {a: list(r) for a, r in after.items()}},
    )
