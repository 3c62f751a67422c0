"""Who a person is according to an identity provider: the municipality's OpenID Connect configurations, the link
between a hashed personal identity number and an account, the nonces already used, and which staff roles came
from the directory."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from delaktig.accounts.models import IdentityLevel
from delaktig.core.models import TimeStampedModel

SWEDISH_PIN_CLAIM = "https://id.oidc.se/claim/personalIdentityNumber"  # the Swedish OIDC profile's claim


class ProviderKind(models.TextChoices):
    RESIDENT_EID = "resident_eid", _("E-identification for residents")
    STAFF_SSO = "staff_sso", _("Single sign-on for staff")


class OidcConfiguration(TimeStampedModel):
    """One OpenID Connect provider a municipality uses: an e-ID broker for residents or its own staff directory."""

    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="oidc_configurations"
    )
    kind = models.CharField(_("used for"), max_length=20, choices=ProviderKind.choices)
    is_active = models.BooleanField(_("in use"), default=True)
    issuer = models.URLField(
        _("issuer"),
        max_length=300,
        help_text=_("The provider's address; its settings are read from /.well-known/openid-configuration under it."),
    )
    client_id = models.CharField(_("client id"), max_length=200)
    client_secret = models.CharField(_("client secret"), max_length=500, blank=True)
    scopes = models.CharField(_("scopes"), max_length=300, default="openid profile")
    pin_claim = models.CharField(
        _("claim with the personal identity number"), max_length=200, blank=True, default=SWEDISH_PIN_CLAIM
    )
    residence_claim = models.CharField(
        _("claim with the municipality of residence"),
        max_length=200,
        blank=True,
        help_text=_("Optional. The provider gives the four-digit municipality code (kommunkod) in it."),
    )
    acr_claim = models.CharField(_("claim with the level of assurance"), max_length=100, default="acr")
    level_map = models.JSONField(_("levels of assurance"), default=dict, blank=True)
    groups_claim = models.CharField(_("claim with the groups"), max_length=100, blank=True, default="groups")
    group_roles = models.JSONField(_("roles by group"), default=dict, blank=True)

    class Meta:
        verbose_name = _("login provider")
        verbose_name_plural = _("login providers")
        constraints = [models.UniqueConstraint(fields=["municipality", "kind"], name="one_provider_per_kind")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.municipality})"

    def level_for(self, acr):
        """The identity level the provider's level of assurance gives; NONE for a value not in the map."""
        for value, level in (self.level_map or {}).items():
            if acr is not None and str(acr).strip() == value.strip():
                return IdentityLevel(int(level))
        return IdentityLevel.NONE


class PersonalIdentity(TimeStampedModel):
    """An account's e-ID: the keyed hash of the personal identity number (never the number), one per person."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_identity")
    pin_hash = models.CharField(max_length=64, unique=True)
    level = models.PositiveSmallIntegerField(choices=IdentityLevel.choices, default=IdentityLevel.SUBSTANTIAL)
    level_before = models.PositiveSmallIntegerField(choices=IdentityLevel.choices, default=IdentityLevel.NONE)
    residence_code = models.CharField(max_length=4, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("e-identification of an account")
        verbose_name_plural = _("e-identifications of accounts")

    def __str__(self):
        return str(self.user)


class UsedNonce(models.Model):
    """A nonce an accepted ID token carried, kept until the token would have expired: a second use is a replay."""

    digest = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return self.digest


class SsoAccount(TimeStampedModel):
    """The staff directory's subject for an account, so a changed e-mail address in the directory finds it."""

    configuration = models.ForeignKey(OidcConfiguration, on_delete=models.CASCADE, related_name="accounts")
    subject = models.CharField(max_length=255)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sso_accounts")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["configuration", "subject"], name="one_account_per_subject")]

    def __str__(self):
        return f"{self.configuration}: {self.subject}"


class SsoRole(models.Model):
    """A membership that single sign-on gave, from a directory group: only these are removed when the group goes."""

    membership = models.OneToOneField("organisations.Membership", on_delete=models.CASCADE, related_name="sso_role")
    configuration = models.ForeignKey(OidcConfiguration, on_delete=models.CASCADE, related_name="roles_given")

    def __str__(self):
        return str(self.membership)


class Action(models.TextChoices):
    """What residents do that an identity level can be asked for (the level itself is each action's own setting)."""

    PROPOSE = "propose", _("write a proposal")
    SIGN = "sign", _("sign a proposal")
    VOTE = "vote", _("take part in a vote")
    SURVEY = "survey", _("answer a survey")
    QUESTION = "question", _("ask a question at question time")


class ActionRule(models.Model):
    """What the municipality asks of people for an action beyond the action's own setting: that they live in the
    municipality (as their e-ID's municipality of residence says), and, for actions with no level of their own
    (answering a survey for logged-in residents), the identity level."""

    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="action_rules"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    residents_only = models.BooleanField(default=False)
    identity_level = models.PositiveSmallIntegerField(choices=IdentityLevel.choices, default=IdentityLevel.NONE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality", "action"], name="one_rule_per_action")]

    def __str__(self):
        return f"{self.municipality}: {self.action}"
