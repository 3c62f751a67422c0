"""A vote among alternatives: staff publish the alternatives and choose the ballot; each person casts one ballot,
which they may change until the vote closes.

One ballot per person is kept by the database: `Ballot` is unique on (vote, voter_key), where the key is the
account ("u<id>") for a ballot cast online while logged in, a keyed hash of the e-mail address ("m<hash>") for a
ballot cast with an e-mail address and confirmed by its link, and, for a paper ballot, the account or a hash of the
name and identifier staff read on the paper (so the same person cannot be entered twice). A ballot cast with an
e-mail address waits in `PendingBallot` (one per vote and address) until its link is followed; only `Ballot` rows
count. A ballot's choices are one JSON
value on its row: alternative ids for one choice, approval and ranking (in order of preference), and
{"<id>": points} for points to distribute.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from delaktig.accounts.models import IdentityLevel, identity_level_used_field
from delaktig.participation.demographics import AgeBand
from delaktig.participation.models import Channel

REFERENCE_PREFIX = "OMR"


class BallotType(models.TextChoices):
    SINGLE = "single", _("One choice")
    APPROVAL = "approval", _("Approval: choose up to a number of alternatives")
    RANKING = "ranking", _("Ranking, counted by instant-runoff")
    POINTS = "points", _("Points to distribute")


class VotingBy(models.TextChoices):
    ACCOUNT = "account", _("Logged in")
    EMAIL_LINK = "email_link", _("Anyone with an e-mail address, confirmed by a link")


class Vote(models.Model):
    """The vote of one module: its question, ballot and who may vote."""

    module = models.OneToOneField("participation.Module", on_delete=models.CASCADE, related_name="vote")
    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    question = models.CharField(_("question"), max_length=300)
    rules_text = models.TextField(
        _("more about the rules"),
        blank=True,
        help_text=_("Anything residents should know besides the ballot and who may vote, in plain language."),
    )
    ballot_type = models.CharField(
        _("kind of ballot"), max_length=20, choices=BallotType.choices, default=BallotType.SINGLE
    )
    max_choices = models.PositiveSmallIntegerField(
        _("most alternatives to choose or rank"),
        null=True,
        blank=True,
        help_text=_(
            "Approval: how many alternatives a voter may choose at most. Ranking: how many may be ranked (empty: all)."
        ),
    )
    points_total = models.PositiveSmallIntegerField(
        _("points to distribute"), null=True, blank=True, help_text=_("Points: how many points each voter has.")
    )
    voting_by = models.CharField(
        _("who may vote"),
        max_length=20,
        choices=VotingBy.choices,
        default=VotingBy.ACCOUNT,
        help_text=_(
            "Logged in: voters log in with an account. E-mail: anyone votes without an account, gives an e-mail "
            "address and confirms the ballot with the link sent to it; one ballot per address."
        ),
    )
    identity_level = models.PositiveSmallIntegerField(
        _("identity needed to vote"), choices=IdentityLevel.choices, default=IdentityLevel.EMAIL
    )
    residents_only = models.BooleanField(_("only residents of the municipality"), default=False)
    area = models.ForeignKey(
        "organisations.Area",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("only residents of this area"),
    )
    age_min = models.PositiveSmallIntegerField(_("lowest age"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("highest age"), null=True, blank=True)
    staff_see_early = models.BooleanField(
        _("staff may see the results before the vote closes"),
        default=False,
        help_text=_("Off: nobody, staff included, sees any result until the vote has closed."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote among alternatives")
        constraints = [
            models.CheckConstraint(
                condition=Q(age_min__isnull=True) | Q(age_max__isnull=True) | Q(age_max__gte=models.F("age_min")),
                name="votes_age_range_in_order",
            ),
        ]

    def __str__(self):
        return self.question


def _upload_to(instance, filename):
    return f"votes/{filename}"


class Alternative(models.Model):
    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="alternatives")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    cost = models.PositiveIntegerField(_("cost (kronor)"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=_upload_to, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("alternative")

    def __str__(self):
        return self.title


class AlternativeImage(models.Model):
    alternative = models.ForeignKey(Alternative, on_delete=models.CASCADE, related_name="images")
    image = models.FileField(_("image"), upload_to=_upload_to)
    alt_text = models.CharField(_("what the image shows"), max_length=300)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self):
        return self.alt_text


class Ballot(models.Model):
    """One person's ballot. No page shows whose ballot is what; the anonymous ballot file leaves the voter out."""

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    voter_key = models.CharField(max_length=80)
    choices = models.JSONField()
    # The voter's when the ballot that counts was cast (a changed ballot: when changed); EMAIL for a ballot confirmed
    # by an e-mailed link; NULL for paper ballots entered by staff
    identity_level = identity_level_used_field()
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    age_band = models.CharField(max_length=20, choices=AgeBand.choices, blank=True)
    area = models.ForeignKey("organisations.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    cast_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(null=True, blank=True)
    changes = models.PositiveIntegerField(default=0)
    received_on = models.DateField(null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    occasion_label = models.CharField(max_length=200, blank=True)
    group = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = _("ballot")
        constraints = [models.UniqueConstraint(fields=["vote", "voter_key"], name="votes_one_ballot_per_person")]

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        return f"{REFERENCE_PREFIX}-{self.pk}"


class PendingBallot(models.Model):
    """A ballot cast with an e-mail address, waiting for its link: one per vote and address (voter_key, the keyed
    hash). Casting again replaces it and makes a new link (`nonce`); following the link moves it into `Ballot`. The
    address itself is not stored: only the confirmation mail's task carries it."""

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="pending_ballots")
    voter_key = models.CharField(max_length=80)
    choices = models.JSONField()
    age_band = models.CharField(max_length=20, choices=AgeBand.choices, blank=True)
    area = models.ForeignKey("organisations.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    nonce = models.CharField(max_length=32)
    cast_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["vote", "voter_key"], name="votes_one_pending_per_address")]

    def __str__(self):
        return f"{REFERENCE_PREFIX}-V{self.pk}"
