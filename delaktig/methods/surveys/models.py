"""Surveys: one survey per module, its sections and questions, and the responses, stored so they can be counted.

A response is stored normalised: one `Answer` row per answered value (a chosen alternative, a row of a matrix, a
ranked item, a number, a text or a date), so the results page counts each question with GROUP BY in a fixed number
of queries however many responses there are. What a person tells about themselves ("about you": age band, gender,
area) is kept apart from the answers in `AboutYou` and only ever shown in aggregate.

Anonymity: a response never points to an account, an invitation or a draft. `Participation` records only that an
account answered (to allow one response per account) and `Invitation.answered` only that an invitation was used;
neither has a time that could tie it to a response, and the audit event of a response names no actor.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from delaktig.accounts.models import identity_level_used_field
from delaktig.core.models import TimeStampedModel
from delaktig.participation.demographics import AgeBand, Gender
from delaktig.participation.models import Channel

REFERENCE_PREFIX = "EN"  # a response reads "EN-12"; the manifest declares the same prefix
TITLE_MAX = 200
INTRO_MAX = 4000
QUESTION_MAX = 500
HELP_MAX = 1000
KEY_MAX = 40  # a choice, matrix row or ranking item key
GROUP_MAX = 100


class Access(models.TextChoices):
    OPEN = "open", _("Open to anyone")
    LOGGED_IN = "logged_in", _("Logged-in residents, one response per account")
    INVITATION = "invitation", _("By invitation, with a personal link")


class Kind(models.TextChoices):
    """The types of question. The rules of each (options, answers, validation) are in questions.py."""

    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")
    YES_NO = "yes_no", _("Yes or no")
    SCALE = "scale", _("Scale")
    MATRIX = "matrix", _("Matrix (several rows on one scale)")
    RANKING = "ranking", _("Ranking")
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    NUMBER = "number", pgettext_lazy("question type", "Number")
    DATE = "date", _("Date")


class Purpose(models.TextChoices):
    INPUT = "", _("Input to the dialogue")
    EVALUATION = "evaluation", _("The participants' evaluation of the dialogue")


class Survey(TimeStampedModel):
    """A survey of a module. One whose purpose is the participants' evaluation asks about the dialogue itself, after
    it has closed: its answers are not input to the matter (results, themes, decision basis) but its evaluation."""

    module = models.OneToOneField("participation.Module", on_delete=models.CASCADE, related_name="survey")
    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    intro = models.TextField(_("introduction"), max_length=INTRO_MAX, blank=True)
    access = models.CharField(_("who can answer"), max_length=20, choices=Access.choices, default=Access.OPEN)
    about_you = models.BooleanField(_("ask “about you” (age, gender, area)"), default=True)
    results_published = models.BooleanField(_("results published"), default=False)
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True)
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices, default=Purpose.INPUT, blank=True)

    class Meta:
        verbose_name = _("survey")

    def __str__(self):
        return self.title

    def url_args(self):
        module = self.module
        return [module.dialogue.municipality.slug, module.dialogue_id, module.pk]

    def get_absolute_url(self):
        return reverse("surveys:index", args=self.url_args())


class Conditional(models.Model):
    """Shown only when an earlier question's answer has a given value (questions.condition_met)."""

    condition_question = models.ForeignKey(
        "Question", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("show when")
    )
    condition_value = models.CharField(_("has the answer"), max_length=KEY_MAX, blank=True)

    class Meta:
        abstract = True

    @property
    def has_condition(self):
        return self.condition_question_id is not None


class Section(Conditional):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(_("title"), max_length=TITLE_MAX, blank=True)
    help_text = models.TextField(_("text at the top of the page"), max_length=HELP_MAX, blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("section")

    def __str__(self):
        return self.title or f"{self._meta.verbose_name} {self.order + 1}"


class Question(Conditional):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveIntegerField(default=0)
    kind = models.CharField(_("type of question"), max_length=20, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=QUESTION_MAX)
    help_text = models.CharField(_("help text"), max_length=HELP_MAX, blank=True)
    required = models.BooleanField(_("an answer is required"), default=False)
    options = models.JSONField(default=dict, blank=True)  # the type's options (questions.py)

    class Meta:
        ordering = ["order", "id"]  # within its section; structure.py puts the sections in order
        verbose_name = _("question")

    def __str__(self):
        return self.text


class Response(models.Model):
    """One person's answers to a survey, stored whole. Points to no account, invitation or draft."""

    # indexed by (survey, id) below: a second index of the survey alone would only slow every send
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses", db_index=False)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    # A response from paper: the day it came in and who entered it (staff), and the occasion and group of the desk
    received_on = models.DateField(_("date received"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    occasion_label = models.CharField(_("meeting"), max_length=200, blank=True)
    group = models.CharField(_("table or group"), max_length=GROUP_MAX, blank=True)
    # A response sent online is stored whole in this one row first: its checked answers and "about you" as JSON,
    # written out into Answer and AboutYou rows by pending.py shortly after (NULL once they are).
    pending = models.TextField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["submitted_at", "id"]
        verbose_name = _("response")
        indexes = [
            models.Index(fields=["survey", "id"], name="surveys_response_since"),  # tally.py: those after one
            models.Index(fields=["survey", "id"], condition=Q(pending__isnull=False), name="surveys_response_pending"),
        ]

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        return f"{REFERENCE_PREFIX}-{self.pk}"


class Answer(models.Model):
    """One value of a response: the alternative chosen (one row per alternative of a multiple choice), a matrix row's
    point on the scale (row + number), a ranked item's place (choice + number), a number, a text or a date.

    `survey`, `channel` and `created_at` repeat the response's, so results count and the results workspace pages
    free-text answers without a join.
    """

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+", db_index=False)  # (survey, …) below
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choice = models.CharField(max_length=KEY_MAX, blank=True)
    row = models.CharField(max_length=KEY_MAX, blank=True)
    number = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    text = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.ONLINE)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["survey", "question", "row", "choice"]),
            models.Index(fields=["question", "created_at"], condition=~Q(text=""), name="surveys_answer_texts"),
        ]

    def __str__(self):
        return f"{self.question_id}: {self.choice or self.number or self.text[:30] or self.date}"


class PublishedCount(models.Model):
    """One counted figure of a survey's published results: how many chose an alternative (of a matrix row, at a
    place of a ranking). Written when staff publish, so open data serves what was published and never a response."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="published_counts")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField()  # the order of the figures within the survey
    row = models.CharField(max_length=200, blank=True)
    answer = models.CharField(max_length=300, blank=True)
    place = models.PositiveIntegerField(null=True, blank=True)
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["survey", "position"]

    def __str__(self):
        return f"{self.question_id}: {self.answer} {self.count}"


class ResultsTally(models.Model):
    """A survey's answers counted up to one response (`upto`, a response id), so the results page counts only the
    responses after it: its cost stays the same however many there are (tally.py). Only responses older than the
    desk's undo window are folded in, so a response that may still be taken back is always counted live."""

    survey = models.OneToOneField(Survey, on_delete=models.CASCADE, related_name="+")
    upto = models.BigIntegerField(default=0)
    counts = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"{self.survey_id}:{self.upto}"


class AboutYou(models.Model):
    """What the person chose to tell about themselves, apart from the answers; used only in aggregate."""

    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="about")
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+")
    age_band = models.CharField(_("age"), max_length=20, choices=AgeBand.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    area = models.ForeignKey(
        "organisations.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("area")
    )

    def __str__(self):
        return f"{self.age_band}/{self.gender}/{self.area_id}"


class Participation(models.Model):
    """That an account has answered a survey open to logged-in residents: one response per account.

    A random key and no time, so neither its order nor a clock ties it to the response.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The account's when answering. Kept here and not on the response, which points to no one: a rare level on
    # both would tie the answers to the person
    identity_level = identity_level_used_field()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "user"], name="surveys_one_response_per_account")]

    def __str__(self):
        return f"{self.survey_id}:{self.user_id}"


class Invitation(models.Model):
    """A one-time personal link to a survey. Only a hash of its token is kept; `answered` says it was used, never
    when, and no response points back to it. `stratum` is the group a sample drew the person from (for response
    rates per group); `email` may be empty for invitations handed out on paper."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    email = models.EmailField(_("e-mail address"), blank=True)
    stratum = models.CharField(_("group"), max_length=100, blank=True)
    answered = models.BooleanField(_("answered"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)  # when invited; never changed later

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("invitation")
        indexes = [models.Index(fields=["survey", "answered"])]

    def __str__(self):
        return f"{self.survey_id}:{self.pk}"


class Draft(TimeStampedModel):
    """Answers saved halfway ("save and continue later"), reached by a secret link until it expires; only a hash of
    the link's token is kept. Submitting turns it into a response and removes it in the same transaction."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="drafts")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    answers = models.JSONField(default=dict, blank=True)  # {question id: value} as questions.py normalises them
    about = models.JSONField(default=dict, blank=True)  # the "about you" answers given so far
    page = models.PositiveIntegerField(default=1)  # the page to continue on
    expires_at = models.DateTimeField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    invitation = models.ForeignKey(Invitation, null=True, blank=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["expires_at"])]

    def __str__(self):
        return f"{self.survey_id}:{self.pk}"


class EvaluationTemplate(TimeStampedModel):
    """The municipality's own participants' evaluation: the questions every closed dialogue's participants are
    asked, in the shape of a shipped template (survey_templates/). Without one, the shipped SKR-style evaluation."""

    municipality = models.OneToOneField("organisations.Municipality", on_delete=models.CASCADE, related_name="+")
    spec = models.JSONField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_title = models.CharField(max_length=TITLE_MAX, blank=True)  # the survey it was saved from

    class Meta:
        verbose_name = _("evaluation survey of the municipality")


class Submitted(models.Model):
    """That an answering (a browser's progress through the survey, by a random key, hashed) has been sent: the
    same answers sent twice at once are stored once. Points to no response, account or invitation."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+", db_index=False)  # the unique key
    key_hash = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "key_hash"], name="surveys_submitted_once")]

    def __str__(self):
        return f"{self.survey_id}: {self.key_hash[:8]}"
