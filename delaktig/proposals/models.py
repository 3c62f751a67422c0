"""E-petitions (e-förslag) and citizen proposals (medborgarförslag): one Proposal with a route.

Signatures are rows; the count is always derived from them (selectors.signature_count), never kept
in a counter on the proposal. A ProposalCase exists at most once per proposal (one-to-one), which
is what makes "the threshold creates the case exactly once" hold under concurrent signing.
"""

import math

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.accounts.models import IdentityLevel, identity_level_used_field
from delaktig.core.models import TimeStampedModel


class Route(models.TextChoices):
    EPETITION = "epetition", _("E-petition")
    CITIZEN_PROPOSAL = "citizen_proposal", _("Citizen proposal to the council")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    COLLECTING = "collecting", _("Collecting signatures")
    THRESHOLD_REACHED = "threshold_reached", _("Enough signatures")
    RECEIVED = "received", _("Received by the body")
    IN_PREPARATION = "in_preparation", _("In preparation")
    REFERRED = "referred", _("Referred to a board")
    DECIDED = "decided", pgettext_lazy("proposal", "Decided")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CLOSED_BELOW_THRESHOLD = "closed_below_threshold", _("Closed: too few signatures")


PUBLIC_STATUSES = frozenset(
    {
        Status.COLLECTING,
        Status.THRESHOLD_REACHED,
        Status.RECEIVED,
        Status.IN_PREPARATION,
        Status.REFERRED,
        Status.DECIDED,
        Status.CLOSED_BELOW_THRESHOLD,
    }
)
OPEN_FOR_WITHDRAWAL = frozenset(
    {
        Status.SUBMITTED,
        Status.UNDER_REVIEW,
        Status.COLLECTING,
        Status.THRESHOLD_REACHED,
        Status.RECEIVED,
        Status.IN_PREPARATION,
        Status.REFERRED,
    }
)


class RejectionReason(models.TextChoices):
    """The common Swedish grounds for not publishing a proposal (DOMAIN.md §4)."""

    OUTSIDE_COMPETENCE = "outside_competence", _("Not something the municipality decides")
    SEVERAL_SUBJECTS = "several_subjects", _("More than one subject")
    INDIVIDUAL_MATTER = "individual_matter", _("Concerns a decision about an individual (for example a permit)")
    GRANT_APPLICATION = "grant_application", _("An application for a grant")
    UNLAWFUL = "unlawful", _("Unlawful, offensive or discriminatory content")
    MUNICIPAL_COMPANY = "municipal_company", _("Concerns a municipal company")
    COMPLAINT = "complaint", _("A complaint or fault report")
    DUPLICATE = "duplicate", _("The same as a proposal handled recently")
    PERSONAL_DATA = "personal_data", _("Contains personal data about others")


class Routing(models.TextChoices):
    COMMITTEE = "committee", _("The responsible committee")
    EXECUTIVE_BOARD = "executive_board", _("The municipal executive board")
    COUNCIL = "council", _("The municipal council")


class BelowThreshold(models.TextChoices):
    CLOSE = "close", _("Close the proposal")
    OFFICER = "officer", _("An officer answers the proposal")


class ProposalSettings(TimeStampedModel):
    municipality = models.OneToOneField(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="proposal_settings"
    )
    epetitions_enabled = models.BooleanField(_("offer e-petitions"), default=True)
    threshold_per_mille = models.DecimalField(
        _("threshold in per mille of the population"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty to use a fixed number of signatures."),
    )
    threshold_number = models.PositiveIntegerField(_("signatures needed"), default=50)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    signing_period_days = models.PositiveIntegerField(_("signing period in days"), default=90)
    signing_period_choices = models.JSONField(
        _("periods the proposer may choose from (days)"),
        default=list,
        blank=True,
        help_text=_("Leave empty to use the signing period above for every proposal."),
    )
    propose_identity_level = models.PositiveSmallIntegerField(
        _("identity needed to propose"), choices=IdentityLevel.choices, default=IdentityLevel.EMAIL
    )
    sign_identity_level = models.PositiveSmallIntegerField(
        _("identity needed to sign without confirming by e-mail"),
        choices=IdentityLevel.choices,
        default=IdentityLevel.EMAIL,
    )
    routing = models.CharField(
        _("who receives a proposal that reaches the threshold"),
        max_length=20,
        choices=Routing.choices,
        default=Routing.COMMITTEE,
    )
    below_threshold = models.CharField(
        _("at the end of the period, below the threshold"),
        max_length=20,
        choices=BelowThreshold.choices,
        default=BelowThreshold.CLOSE,
    )
    duplicate_window_months = models.PositiveIntegerField(_("months within which a duplicate is refused"), default=12)
    complaints_url = models.URLField(_("where complaints and fault reports go"), blank=True)
    complaints_email = models.EmailField(_("e-mail for complaints and fault reports"), blank=True)
    citizen_proposals_enabled = models.BooleanField(_("offer citizen proposals to the council"), default=False)
    citizen_proposals_from = models.DateField(_("citizen proposals offered from"), null=True, blank=True)
    citizen_proposals_closed_message = models.TextField(
        _("message shown when citizen proposals are not offered"), blank=True
    )
    report_months = models.JSONField(_("months of the report on unfinished citizen proposals"), default=list)

    class Meta:
        verbose_name = _("proposal settings")

    def threshold(self):
        """Signatures needed now: a fixed number, or per mille of the population (rounded up)."""
        if self.threshold_per_mille and self.population:
            return max(1, math.ceil(self.population * self.threshold_per_mille / 1000))
        return self.threshold_number


class Category(TimeStampedModel):
    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="proposal_categories"
    )
    name = models.CharField(_("name"), max_length=120)
    responsible_body = models.ForeignKey(
        "organisations.Body",
        verbose_name=_("responsible committee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    skips_threshold = models.BooleanField(
        _("goes to the body without a threshold"),
        default=False,
        help_text=_("For example proposals that concern national minorities."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("category")
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="proposal_category_unique")]

    def __str__(self):
        return self.name


class Proposal(TimeStampedModel):
    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="proposals")
    route = models.CharField(_("kind"), max_length=20, choices=Route.choices, default=Route.EPETITION)
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    title = models.CharField(_("title"), max_length=150)
    text = models.TextField(_("your proposal"), max_length=6000)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    proposer_name = models.CharField(_("name shown"), max_length=150, blank=True)
    registration_number = models.CharField(_("registration number"), max_length=40, blank=True)
    submission_key = models.CharField(max_length=64, blank=True, help_text="Makes a double submit create one proposal")
    submitted_at = models.DateTimeField(null=True, blank=True)
    identity_level = identity_level_used_field()  # the proposer's when sending it
    signing_days = models.PositiveIntegerField(null=True, blank=True)
    signing_starts_at = models.DateTimeField(null=True, blank=True)
    signing_ends_at = models.DateTimeField(null=True, blank=True, db_index=True)
    threshold = models.PositiveIntegerField(null=True, blank=True, help_text="Fixed when signing starts")
    routed_body = models.ForeignKey(
        "organisations.Body", null=True, blank=True, on_delete=models.SET_NULL, related_name="routed_proposals"
    )
    rejection_reason = models.CharField(_("reason"), max_length=30, choices=RejectionReason.choices, blank=True)
    rejection_note = models.TextField(_("explanation to the proposer"), blank=True)
    answer_deadline = models.DateField(_("to be decided by"), null=True, blank=True)
    decision = models.OneToOneField(
        "organisations.Decision",
        verbose_name=_("decision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
    )
    decision_attachment = models.FileField(_("attachment"), upload_to="proposals/decisions/", blank=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("proposal")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "registration_number"],
                condition=~Q(registration_number=""),
                name="proposal_registration_unique",
            ),
            models.UniqueConstraint(
                fields=["proposer", "submission_key"], condition=~Q(submission_key=""), name="proposal_submit_once"
            ),
        ]
        indexes = [models.Index(fields=["municipality", "status"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("proposals:detail", args=[self.municipality.slug, self.pk])

    @property
    def is_public(self):
        return self.status in PUBLIC_STATUSES


class SignatureStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for e-mail confirmation")
    VALID = "valid", _("Valid")
    INVALIDATED = "invalidated", _("Invalidated")


class Signature(models.Model):
    """One person's signature on one proposal: the unique key makes a second one impossible."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="signatures")
    signer_key = models.CharField(max_length=254, help_text="Normalised e-mail, or paper:<id> for paper signatures")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="signatures"
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail address"), blank=True)
    email_domain = models.CharField(max_length=254, blank=True, db_index=True)
    show_name = models.BooleanField(_("show my name publicly"), default=False)
    wants_updates = models.BooleanField(_("e-mail me when the proposal is answered"), default=True)
    channel = models.CharField(max_length=20, default="online")
    identity_checked = models.BooleanField(default=False)
    # The signer's when counted: a logged-in signer's at once, EMAIL when the link confirms it; NULL while pending
    # and for paper signatures (identity_checked says staff checked those)
    identity_level = identity_level_used_field()
    status = models.CharField(max_length=20, choices=SignatureStatus.choices, default=SignatureStatus.PENDING)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    invalidated_at = models.DateTimeField(null=True, blank=True)
    invalidation_reason = models.CharField(max_length=200, blank=True)
    # The pending signature is its own outbox: the sender mails the link and stamps this (signatures/_outbox.py).
    confirmation_mailed_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=10, blank=True, help_text="The language of the confirmation e-mail")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "signer_key"], name="one_signature_per_person")]
        indexes = [
            models.Index(fields=["proposal", "status"]),
            models.Index(
                fields=["id"],
                condition=models.Q(status="pending", confirmation_mailed_at__isnull=True),
                name="signature_mail_outbox",
            ),
            models.Index(
                models.F("proposal"),
                models.F("confirmed_at").desc(),
                models.F("id").desc(),
                condition=models.Q(show_name=True, status="valid"),
                name="signature_shown_names",
            ),
        ]

    def __str__(self):
        return f"{self.signer_key} on {self.proposal_id}"


class ProposalCase(TimeStampedModel):
    """The case a proposal becomes at the threshold (or at once, for citizen proposals). Exactly one."""

    proposal = models.OneToOneField(Proposal, on_delete=models.CASCADE, related_name="case")
    registration_number = models.CharField(max_length=40)
    body = models.ForeignKey("organisations.Body", on_delete=models.PROTECT, related_name="proposal_cases")


class RegistryEntry(TimeStampedModel):
    """Allmän handling: what was received, when, from whom (a reference, not published), and what it is."""

    municipality = models.ForeignKey(
        "organisations.Municipality", on_delete=models.CASCADE, related_name="registry_entries"
    )
    registration_number = models.CharField(max_length=40)
    received_on = models.DateField()
    sender_reference = models.CharField(max_length=254)
    description = models.CharField(max_length=300)
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="registry_entries"
    )

    class Meta:
        ordering = ["received_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "registration_number"], name="registry_number_unique")
        ]


class RegistrationSequence(models.Model):
    """The next registration number per municipality and year, taken under a row lock."""

    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality", "year"], name="registration_sequence_unique")]

    def __str__(self):
        return f"{self.year}: {self.last}"


class Referral(TimeStampedModel):
    """Remiss: the council sends a citizen proposal to a board for preparation, and the board answers.

    A proposal has at most one referral waiting for its answer (a constraint); the answer is never dated before
    the referral was sent.
    """

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="referrals")
    body = models.ForeignKey(
        "organisations.Body", verbose_name=_("board"), on_delete=models.PROTECT, related_name="referrals"
    )
    sent_on = models.DateField(_("date sent"))
    due_on = models.DateField(_("answer wanted by"), null=True, blank=True)
    answer = models.TextField(_("the board's answer"), blank=True)
    answered_on = models.DateField(_("date of the answer"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["sent_on", "id"]
        verbose_name = _("referral")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal"], condition=Q(answered_on__isnull=True), name="proposal_one_open_referral"
            ),
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True) | Q(answered_on__gte=models.F("sent_on")),
                name="referral_answer_not_before_sent",
            ),
        ]

    def __str__(self):
        return f"{self.proposal_id} → {self.body_id}"
